/** Header block, title, closing blocks and proposed metadata on synthetic layouts. */
import { describe, expect, test } from '@jest/globals'
import { parseDocument, proposeMetadata, toPlainText } from '@/lib/document'
import { readableCase } from '@/lib/document/casing'

describe('header block', () => {
  test('PDF columns side by side on one line are read separately', () => {
    const doc = parseDocument(
      [
        'BAN CHẤP HÀNH TRUNG ƯƠNG          ĐẢNG CỘNG SẢN VIỆT NAM',
        '           *                      ---------------',
        'Số 12-CT/TW               Hà Nội, ngày 3 tháng 2 năm 2024',
        'CHỈ THỊ',
        'VỀ TĂNG CƯỜNG SỰ LÃNH ĐẠO CỦA ĐẢNG',
        'ĐỐI VỚI CÔNG TÁC CHUYỂN ĐỔI SỐ',
        '-----',
        'Thời gian qua, công tác chuyển đổi số đạt nhiều kết quả.',
      ].join('\n'),
    )
    expect(doc.header).toEqual({
      issuers: ['BAN CHẤP HÀNH TRUNG ƯƠNG'],
      motto: ['ĐẢNG CỘNG SẢN VIỆT NAM'],
      numberLine: 'Số 12-CT/TW',
      number: '12-CT/TW',
      placeDateLine: 'Hà Nội, ngày 3 tháng 2 năm 2024',
      place: 'Hà Nội',
      date: '2024-02-03',
    })
    expect(doc.title).toMatchObject({ type: 'CHỈ THỊ', text: 'VỀ TĂNG CƯỜNG SỰ LÃNH ĐẠO CỦA ĐẢNG ĐỐI VỚI CÔNG TÁC CHUYỂN ĐỔI SỐ' })
    expect(doc.preamble).toEqual([])
    expect(doc.body.map((b) => b.type === 'paragraph' && b.text)).toEqual(['Thời gian qua, công tác chuyển đổi số đạt nhiều kết quả.'])
  })

  test('state document: national motto, "Số:" with a slash number, lower-case trích yếu, Căn cứ and enacting line', () => {
    const doc = parseDocument(
      [
        'ỦY BAN NHÂN DÂN',
        'TỈNH THANH HÓA',
        'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc',
        'Số: 1234/QĐ-UBND',
        'Thanh Hóa, ngày 15 tháng 8 năm 2025',
        'QUYẾT ĐỊNH',
        'Về việc ban hành Quy chế quản lý',
        'ứng dụng Sổ tay đảng viên điện tử',
        'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
        'Căn cứ Luật Tổ chức chính quyền địa phương;',
        'Theo đề nghị của Giám đốc Sở Nội vụ.',
        'QUYẾT ĐỊNH:',
        'Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý.',
        'Điều 2. Quyết định này có hiệu lực từ ngày ký./.',
        'Nơi nhận:',
        '- Như Điều 2;',
        '- Lưu: VT.',
        'KT. CHỦ TỊCH',
        'PHÓ CHỦ TỊCH',
        '(Đã ký)',
        'Lê Văn Hùng',
      ].join('\n'),
    )
    expect(doc.header.issuers).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH THANH HÓA'])
    expect(doc.header.motto).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'])
    expect(doc.title?.text).toBe('Về việc ban hành Quy chế quản lý ứng dụng Sổ tay đảng viên điện tử')
    expect(doc.preamble.map((p) => p.text)).toEqual([
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH',
      'Căn cứ Luật Tổ chức chính quyền địa phương;',
      'Theo đề nghị của Giám đốc Sở Nội vụ.',
      'QUYẾT ĐỊNH:',
    ])
    expect(doc.body.filter((b) => b.type === 'section')).toHaveLength(2)
    expect(toPlainText(doc)).toContain('Quyết định này có hiệu lực từ ngày ký.\n')
    expect(doc.closing).toEqual({
      recipients: ['Như Điều 2', 'Lưu: VT'],
      signatures: [{ capacity: 'KT. CHỦ TỊCH', positions: ['PHÓ CHỦ TỊCH'], name: 'Lê Văn Hùng' }],
    })
    expect(proposeMetadata(doc)).toEqual({
      number: '1234/QĐ-UBND',
      issuedDate: '2025-08-15',
      place: 'Thanh Hóa',
      issuer: 'Tỉnh Thanh Hóa',
      documentType: 'Quyết định',
      subject: 'Về việc ban hành Quy chế quản lý ứng dụng Sổ tay đảng viên điện tử',
      signer: 'Lê Văn Hùng',
      signerPosition: 'Phó Chủ tịch',
      signingCapacity: 'KT. Chủ tịch',
    })
  })

  test('an impossible date is not proposed', () => {
    const doc = parseDocument('TỈNH ỦY NGHỆ AN\nSố 05-NQ/TU\nVinh, ngày 31 tháng 2 năm 2025\nNội dung nghị quyết.')
    expect(doc.header.date).toBeUndefined()
    expect(doc.header.placeDateLine).toBeUndefined()
    // Without a type line, the type comes from the number's abbreviation.
    expect(proposeMetadata(doc)).toMatchObject({ number: '05-NQ/TU', documentType: 'Nghị quyết', issuer: 'Tỉnh ủy Nghệ An' })
  })

  test('a news article has no header block: its first line is the headline', () => {
    const doc = parseDocument('Ngày đăng: 19/11/2025 08:30 Đảng bộ tỉnh triển khai ứng dụng số\nSáng nay, Tỉnh ủy tổ chức hội nghị.')
    expect(doc.kind).toBe('article')
    expect(doc.header).toEqual({ issuers: [], motto: [], date: '2025-11-19' })
    expect(doc.title).toEqual({
      text: 'Đảng bộ tỉnh triển khai ứng dụng số',
      sentences: [{ id: 'tieu-de.s1', text: 'Đảng bộ tỉnh triển khai ứng dụng số' }],
    })
    expect(proposeMetadata(doc)).toEqual({ issuedDate: '2025-11-19' })
  })
})

describe('closing blocks', () => {
  test('two signatures and recipients set beside them in columns', () => {
    const doc = parseDocument(
      [
        'Điều 1. Nghị quyết có hiệu lực từ ngày ký.',
        'Nơi nhận:                                   T/M BAN THƯỜNG VỤ',
        '- Ban Bí thư (để báo cáo),                  BÍ THƯ',
        '- Các đồng chí Tỉnh ủy viên,',
        '  các ban đảng Tỉnh ủy,                     (đã ký)',
        '- Lưu Văn phòng Tỉnh ủy.                    Nguyễn Văn An',
      ].join('\n'),
    )
    expect(doc.closing.recipients).toEqual([
      'Ban Bí thư (để báo cáo)',
      'Các đồng chí Tỉnh ủy viên, các ban đảng Tỉnh ủy',
      'Lưu Văn phòng Tỉnh ủy',
    ])
    expect(doc.closing.signatures).toEqual([{ capacity: 'T/M BAN THƯỜNG VỤ', positions: ['BÍ THƯ'], name: 'Nguyễn Văn An' }])
    expect(proposeMetadata(doc)).toMatchObject({ signer: 'Nguyễn Văn An', signerPosition: 'Bí thư', signingCapacity: 'T/M Ban Thường vụ' })
  })

  test('a position line and a name at the very end are a signature even without "T/M"', () => {
    const doc = parseDocument('Đề nghị các chi bộ thực hiện nghiêm túc.\nBÍ THƯ\nHoàng Thị Mai')
    expect(doc.closing.signatures).toEqual([{ positions: ['BÍ THƯ'], name: 'Hoàng Thị Mai' }])
    expect(doc.body).toHaveLength(1)
  })

  test('a body that merely ends with a name is not a closing block', () => {
    const doc = parseDocument('Bài viết của đồng chí.\nNguyễn Văn Bình')
    expect(doc.closing.signatures).toEqual([])
  })
})

describe('readable casing of header lines', () => {
  test.each([
    ['BAN CHẤP HÀNH TRUNG ƯƠNG', 'Ban Chấp hành Trung ương'],
    ['ĐẢNG ỦY PHƯỜNG BẠCH ĐẰNG', 'Đảng ủy phường Bạch Đằng'],
    ['ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG', 'Đảng bộ thành phố Hải Phòng'],
    ['BAN TUYÊN GIÁO VÀ DÂN VẬN TRUNG ƯƠNG', 'Ban Tuyên giáo và Dân vận Trung ương'],
    ['TỈNH ỦY THANH HÓA', 'Tỉnh ủy Thanh Hóa'],
    ['BAN THƯỜNG VỤ TỈNH ỦY', 'Ban Thường vụ Tỉnh ủy'],
    ['UBND TỈNH QUẢNG NINH', 'UBND tỉnh Quảng Ninh'],
    ['PHÓ BÍ THƯ THƯỜNG TRỰC', 'Phó Bí thư thường trực'],
    ['VỀ SỬ DỤNG ỨNG DỤNG SỔ TAY ĐẢNG VIÊN ĐIỆN TỬ', 'Về sử dụng ứng dụng Sổ tay đảng viên điện tử'],
    ['tuyên truyền về sử dụng ứng dụng', 'Tuyên truyền về sử dụng ứng dụng'],
  ])('%s → %s', (input, expected) => {
    expect(readableCase(input)).toBe(expected)
  })
})
