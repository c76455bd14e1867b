/**
 * DOCX: headings, numbered and bulleted lists and two-column tables (header and signature blocks)
 * come out as the structure a Vietnamese document has on paper.
 */
import { extractDocument } from '@/lib/extract'
import { htmlToLines } from '@/lib/extract/docx'
import { buildDocx, type DocxBlock } from '../../fixtures/extract/builders'

const QUY_DINH: DocxBlock[] = [
  { row: [['BAN CHẤP HÀNH TRUNG ƯƠNG', '*', 'Số 339-QĐ/TW'], ['ĐẢNG CỘNG SẢN VIỆT NAM', '---------------', 'Hà Nội, ngày 10 tháng 7 năm 2025']] },
  { heading: 1, text: 'QUY ĐỊNH' },
  { heading: 2, text: 'VỀ SỬ DỤNG ỨNG DỤNG SỔ TAY ĐẢNG VIÊN ĐIỆN TỬ' },
  { list: 'bullet', text: 'Căn cứ Điều lệ Đảng;' },
  { list: 'bullet', text: 'Căn cứ Nghị quyết số 21-NQ/TW, ngày 16/6/2022 của Ban Chấp hành Trung ương Đảng khoá XIII;' },
  'Ban Bí thư quy định về sử dụng ứng dụng Sổ tay đảng viên điện tử như sau:',
  { heading: 2, text: 'Điều 1. Phạm vi điều chỉnh, đối tượng áp dụng' },
  { list: 'number', text: 'Quy định này quy định mục đích, yêu cầu, nội dung của ứng dụng.' },
  { list: 'number', text: 'Ứng dụng dùng cho:' },
  { list: 'number', level: 1, text: 'đảng viên chính thức;' },
  { list: 'number', level: 1, text: 'đảng viên dự bị.' },
  { heading: 2, text: 'Điều 2. Tổ chức thực hiện' },
  'Các cấp ủy, tổ chức đảng và đảng viên chịu trách nhiệm thi hành Quy định này.',
  { row: [['Nơi nhận:', '- Các tỉnh ủy, thành ủy,', '- Lưu Văn phòng Trung ương Đảng.'], ['T/M BAN BÍ THƯ', 'PHÓ BÍ THƯ', 'Trần Cẩm Tú']] },
]

describe('a DOCX Quy định', () => {
  let result: Awaited<ReturnType<typeof extractDocument>>
  beforeAll(async () => {
    result = await extractDocument(buildDocx(QUY_DINH))
  })

  test('is recognised by content and converted', () => {
    expect(result.facts).toMatchObject({ format: 'docx', method: 'docx', ocrPages: [] })
    expect(result.facts.pages).toBeUndefined()
  })

  test('header table: issuer, motto, number and date', () => {
    expect(result.document.kind).toBe('formal')
    expect(result.document.header).toMatchObject({ issuers: ['BAN CHẤP HÀNH TRUNG ƯƠNG'], number: '339-QĐ/TW', date: '2025-07-10', place: 'Hà Nội' })
    expect(result.document.title).toMatchObject({ type: 'QUY ĐỊNH', text: 'VỀ SỬ DỤNG ỨNG DỤNG SỔ TAY ĐẢNG VIÊN ĐIỆN TỬ' })
  })

  test('bulleted Căn cứ form the preamble; Word numbering becomes khoản and điểm', () => {
    expect(result.document.preamble.map((p) => p.bullet ?? '')).toEqual(['-', '-', ''])
    const [dieu1, dieu2] = result.document.body
    expect(dieu1).toMatchObject({ type: 'section', kind: 'dieu', label: 'Điều 1', title: 'Phạm vi điều chỉnh, đối tượng áp dụng' })
    expect(dieu2).toMatchObject({ type: 'section', kind: 'dieu', label: 'Điều 2', title: 'Tổ chức thực hiện' })
    if (dieu1.type !== 'section') throw new Error('Điều 1 is not a section')
    expect(dieu1.children.map((c) => (c.type === 'section' ? c.label : c.type))).toEqual(['Khoản 1', 'Khoản 2'])
    const khoan2 = dieu1.children[1]
    if (khoan2.type !== 'section') throw new Error('Khoản 2 is not a section')
    expect(khoan2.children.filter((c) => c.type === 'section').map((c) => (c.type === 'section' ? c.label : ''))).toEqual(['Điểm a', 'Điểm b'])
  })

  test('signature table: recipients and signer', () => {
    expect(result.document.closing.recipients).toHaveLength(2)
    expect(result.metadata).toMatchObject({ number: '339-QĐ/TW', issuedDate: '2025-07-10', signer: 'Trần Cẩm Tú', documentType: 'Quy định' })
  })
})

describe("mammoth's HTML as lines", () => {
  test('table cells side by side with a wide gap, <br> as a line break, footnotes left out', () => {
    const html =
      '<table><tr><td><p>ĐẢNG BỘ TỈNH</p></td><td><p>ĐẢNG CỘNG SẢN VIỆT NAM</p><p>Độc lập</p></td></tr></table>' +
      '<p>Dòng một<br />dòng hai<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>' +
      '<ol><li id="footnote-1"><p>Chú thích. <a href="#footnote-ref-1">↑</a></p></li></ol>'
    expect(htmlToLines(html)).toEqual(['ĐẢNG BỘ TỈNH     ĐẢNG CỘNG SẢN VIỆT NAM', 'Độc lập', 'Dòng một', 'dòng hai'])
  })

  test('nested lists: 1. a) -, bullets - +', () => {
    const html = '<ol><li>Một<ol><li>Con<ol><li>Cháu</li></ol></li></ol></li><li>Hai</li></ol><ul><li>Gạch<ul><li>Cộng</li></ul></li></ul>'
    expect(htmlToLines(html)).toEqual(['1. Một', 'a) Con', '- Cháu', '2. Hai', '- Gạch', '+ Cộng'])
  })
})
