/** Clean-up of extracted text: page furniture, broken lines, hyphenation, Unicode and spaces. */
import { describe, expect, test } from '@jest/globals'
import { parseDocument, sentences, toPlainText } from '@/lib/document'
import { isPageNumber, parseBullet, parseMarker } from '@/lib/document/markers'

/** Body paragraphs of a text, one per line. */
const paragraphs = (text: string): string[] => toPlainText(parseDocument(text)).split('\n').filter(Boolean)

describe('page furniture', () => {
  test.each(['2', '- 2 -', '– 12 –', '-3-', 'Trang 2', 'Trang 2/5', 'trang 3 trên 7', '2/5', 'Page 4 of 9'])(
    '"%s" is a page number',
    (line) => {
      expect(isPageNumber(line)).toBe(true)
    },
  )

  test.each(['2. Nội dung', '- Căn cứ Điều lệ Đảng;', '2025', 'Số 23-KH/ĐU', 'Trang bị kỹ năng số'])(
    '"%s" is not a page number',
    (line) => {
      expect(isPageNumber(line)).toBe(false)
    },
  )

  test('page numbers between pages disappear and the sentence they cut is re-joined', () => {
    const text = [
      'Các cấp ủy, tổ chức đảng có trách nhiệm quán triệt, triển khai thực hiện nghiêm túc nội',
      '',
      '- 2 -',
      '\f',
      'dung Quy định này đến từng chi bộ và đảng viên.',
      'Trang 3/5',
    ].join('\n')
    expect(paragraphs(text)).toEqual([
      'Các cấp ủy, tổ chức đảng có trách nhiệm quán triệt, triển khai thực hiện nghiêm túc nội dung Quy định này đến từng chi bộ và đảng viên.',
    ])
  })

  test('running headers and footers repeated on every page are dropped; body lines are kept', () => {
    const page = (n: number, body: string): string =>
      ['CÔNG BÁO/Số 12 + 13/Ngày 10-7-2025', body, `Văn phòng Trung ương Đảng - trang ${n}`].join('\n')
    const text = [
      page(1, 'Điều 1. Phạm vi điều chỉnh'),
      page(2, '1. Quy định này áp dụng đối với đảng viên.'),
      page(3, '2. Chi bộ hướng dẫn đảng viên sử dụng ứng dụng.'),
    ].join('\f')
    const out = toPlainText(parseDocument(text))
    expect(out).not.toMatch(/CÔNG BÁO|trang \d/)
    expect(out).toContain('Điều 1. Phạm vi điều chỉnh')
    expect(out).toContain('2. Chi bộ hướng dẫn đảng viên sử dụng ứng dụng.')
  })

  test('without page breaks, a short line repeated far apart three times is furniture, a line repeated twice is not', () => {
    const filler = (n: number): string[] => Array.from({ length: 16 }, (_, i) => `- Nội dung thứ ${n * 100 + i} của kế hoạch;`)
    const text = [
      'TÀI LIỆU SINH HOẠT CHI BỘ',
      ...filler(1),
      'TÀI LIỆU SINH HOẠT CHI BỘ',
      'Kết quả đạt được',
      ...filler(2),
      'TÀI LIỆU SINH HOẠT CHI BỘ',
      'Kết quả đạt được',
      ...filler(3),
    ].join('\n')
    const out = toPlainText(parseDocument(text))
    expect(out).not.toContain('TÀI LIỆU SINH HOẠT')
    expect(out.match(/Kết quả đạt được/g)).toHaveLength(2)
  })
})

describe('re-joining lines broken by the layout', () => {
  test('a line continued in lower case is joined', () => {
    expect(paragraphs('Đảng viên có trách nhiệm đăng ký, cập nhật\nchính xác thông tin cá nhân.')).toEqual([
      'Đảng viên có trách nhiệm đăng ký, cập nhật chính xác thông tin cá nhân.',
    ])
  })

  test('a document number hyphenated across lines is mended without a space', () => {
    expect(paragraphs('Thực hiện Hướng dẫn số 16-\nHD/BTGDVTU của Ban Tuyên giáo.')).toEqual([
      'Thực hiện Hướng dẫn số 16-HD/BTGDVTU của Ban Tuyên giáo.',
    ])
  })

  test('a spaced dash at the end of a line keeps its spaces', () => {
    expect(paragraphs('Sinh hoạt của các tổ chức chính trị -\nxã hội ở cơ sở.')).toEqual([
      'Sinh hoạt của các tổ chức chính trị - xã hội ở cơ sở.',
    ])
  })

  test('a line ending with a comma continues even into a capital', () => {
    expect(paragraphs('Các tỉnh ủy, thành ủy,\nBan Tổ chức Trung ương phối hợp thực hiện.')).toEqual([
      'Các tỉnh ủy, thành ủy, Ban Tổ chức Trung ương phối hợp thực hiện.',
    ])
  })

  test('a line that fills the text width continues into a capital; a short line does not', () => {
    const text = [
      'Thông qua việc tuyên truyền và tổ chức thực hiện Quy định góp phần khơi dậy',
      'niềm tin của cán bộ, đảng viên, phấn đấu thực hiện thắng lợi Nghị quyết',
      'Đại hội XIII, tiến tới Đại hội XIV của Đảng, tạo sự đồng thuận trong xã hội.',
      'Công an phường',
      'Chủ trì, phối hợp với các cơ quan, đơn vị liên quan bảo đảm an ninh mạng.',
      'Tổ chức quán triệt tuyên truyền đến các cấp ủy, tổ chức đảng, cơ quan, đơn vị.',
    ].join('\n')
    expect(paragraphs(text)).toEqual([
      'Thông qua việc tuyên truyền và tổ chức thực hiện Quy định góp phần khơi dậy niềm tin của cán bộ, đảng viên, phấn đấu thực hiện thắng lợi Nghị quyết Đại hội XIII, tiến tới Đại hội XIV của Đảng, tạo sự đồng thuận trong xã hội.',
      'Công an phường',
      'Chủ trì, phối hợp với các cơ quan, đơn vị liên quan bảo đảm an ninh mạng.',
      'Tổ chức quán triệt tuyên truyền đến các cấp ủy, tổ chức đảng, cơ quan, đơn vị.',
    ])
  })

  test.each([
    ['Điều 3. Nội dung của ứng dụng'],
    ['Chương II'],
    ['II. NỘI DUNG TUYÊN TRUYỀN'],
    ['2. Ban Tổ chức Trung ương chủ trì'],
    ['b) hỗ trợ sinh hoạt chi bộ'],
    ['- tổ chức tập huấn'],
    ['+ hướng dẫn cài đặt'],
  ])('never joins across "%s"', (start) => {
    const out = paragraphs(`Nội dung sinh hoạt chi bộ gồm các phần chính như sau\n${start}`)
    expect(out[0]).toBe('Nội dung sinh hoạt chi bộ gồm các phần chính như sau')
    expect(out).toHaveLength(2)
  })

  test('when blank lines follow every line (pdftotext), they do not stop a join', () => {
    const lines = [
      'Ban Thường vụ Đảng ủy phường xây dựng kế hoạch tuyên truyền về sử dụng ứng dụng',
      'Sổ tay đảng viên điện tử trong toàn Đảng bộ, bảo đảm thiết thực, hiệu quả, đúng',
      'Quy định số 339-QĐ/TW như sau:',
      '1. Tuyên truyền, quán triệt, tạo sự thống nhất nhận thức về mục đích, ý nghĩa và',
      'cách thức sử dụng ứng dụng Sổ tay đảng viên điện tử.',
      '2. Thông qua việc tuyên truyền góp phần khơi dậy, bồi đắp niềm tin với Đảng.',
    ]
    expect(paragraphs(lines.join('\n\n'))).toEqual([
      'Ban Thường vụ Đảng ủy phường xây dựng kế hoạch tuyên truyền về sử dụng ứng dụng Sổ tay đảng viên điện tử trong toàn Đảng bộ, bảo đảm thiết thực, hiệu quả, đúng Quy định số 339-QĐ/TW như sau:',
      '1. Tuyên truyền, quán triệt, tạo sự thống nhất nhận thức về mục đích, ý nghĩa và cách thức sử dụng ứng dụng Sổ tay đảng viên điện tử.',
      '2. Thông qua việc tuyên truyền góp phần khơi dậy, bồi đắp niềm tin với Đảng.',
    ])
  })

  test('a bracket opening in lower case continues the sentence; one opening in upper case does not', () => {
    expect(paragraphs('Sổ tay đảng viên điện tử\n(sau đây viết tắt là STĐVĐT) được triển khai.')).toEqual([
      'Sổ tay đảng viên điện tử (sau đây viết tắt là STĐVĐT) được triển khai.',
    ])
    expect(paragraphs('Hải Phòng: Nâng cao hiệu quả sử dụng Sổ tay đảng viên điện tử\n(PLVN) - Thành ủy ban hành hướng dẫn.')).toHaveLength(
      2,
    )
  })

  test('where blank lines separate paragraphs, a blank line is a paragraph break', () => {
    const text =
      'Mục đích yêu cầu\n\ntuyên truyền sâu rộng trong cán bộ, đảng viên.\nNâng cao nhận thức.\nThực hiện nghiêm túc.\nBáo cáo kết quả.'
    expect(paragraphs(text).slice(0, 2)).toEqual(['Mục đích yêu cầu', 'tuyên truyền sâu rộng trong cán bộ, đảng viên.'])
  })
})

describe('Unicode and spaces', () => {
  test('decomposed input and modern tone placement come out canonical (NFC, hòa/khóa/thủy)', () => {
    const nfd = 'Ban Chấp hành Trung ương khoá XIII về hiện đại hoá, thuỷ lợi.'.normalize('NFD')
    const [line] = paragraphs(nfd)
    expect(line).toBe('Ban Chấp hành Trung ương khóa XIII về hiện đại hóa, thủy lợi.')
    expect(line).toBe(line.normalize('NFC'))
  })

  test('non-breaking and zero-width spaces, tabs and runs of spaces are collapsed', () => {
    expect(paragraphs('Đảng\u00A0viên\u200B  sử\tdụng   ứng dụng\u00AD.  ')).toEqual(['Đảng viên sử dụng ứng dụng.'])
  })

  test('CRLF line ends are handled', () => {
    expect(paragraphs('Quy định này có hiệu lực\r\ntừ ngày ký.\r\n')).toEqual(['Quy định này có hiệu lực từ ngày ký.'])
  })
})

describe('markers', () => {
  test.each([
    ['Điều 3. Nội dung của ứng dụng STĐVĐT', 'dieu', '3', 'Nội dung của ứng dụng STĐVĐT'],
    ['ĐIỀU 12: HIỆU LỰC', 'dieu', '12', 'HIỆU LỰC'],
    ['Chương II', 'chuong', 'II', ''],
    ['CHƯƠNG IV NHỮNG QUY ĐỊNH CHUNG', 'chuong', 'IV', 'NHỮNG QUY ĐỊNH CHUNG'],
    ['Mục 2. Tổ chức thực hiện', 'muc', '2', 'Tổ chức thực hiện'],
    ['PHẦN THỨ HAI', 'phan', 'THỨ HAI', ''],
    ['I. MỤC ĐÍCH YÊU CẦU', 'roman', 'I', 'MỤC ĐÍCH YÊU CẦU'],
    ['1.2. Mục đích, yêu cầu', 'subnumber', '1.2', 'Mục đích, yêu cầu'],
    ['3. Tổ chức quán triệt', 'number', '3', 'Tổ chức quán triệt'],
    ['1- Mục đích', 'number', '1', 'Mục đích'],
    ['đ) Hỗ trợ', 'letter', 'đ', 'Hỗ trợ'],
  ])('%s', (line, kind, number, rest) => {
    expect(parseMarker(line)).toMatchObject({ kind, number, rest })
  })

  test.each([
    'Mục II của Kế hoạch triển khai',
    'Điều 3 và quản lý tài khoản',
    'Điều lệ Đảng',
    'Mục đích yêu cầu:',
    'Chương trình hành động',
    '2025 của Ban Bí thư',
    'C. Mác và Ph. Ăngghen',
    '2.500 đảng viên',
  ])('"%s" is not a heading', (line) => {
    expect(parseMarker(line)).toBeNull()
  })

  test('bullets', () => {
    expect(parseBullet('- Căn cứ Điều lệ Đảng;')).toEqual({ bullet: '-', text: 'Căn cứ Điều lệ Đảng;' })
    expect(parseBullet('– Lưu VP.')).toEqual({ bullet: '-', text: 'Lưu VP.' })
    expect(parseBullet('• Tra cứu văn bản')).toEqual({ bullet: '•', text: 'Tra cứu văn bản' })
    expect(parseBullet('-----')).toBeNull()
    expect(parseBullet('- 2 -')).toBeNull()
  })
})

test('odd input never throws', () => {
  for (const input of ['', '\n\n\f\n', '-----', '*', '1.', 'a)', 'Điều', 'Nơi nhận:', '\u0000\u0007', 'x'.repeat(100000)]) {
    const doc = parseDocument(input)
    expect(() => [...sentences(doc)]).not.toThrow()
    expect(typeof toPlainText(doc)).toBe('string')
  }
})
