/**
 * PDFs with a text layer: the structure read from the PDF is the structure of the original text,
 * sentence for sentence, whatever the line wrapping and page breaks of the PDF.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseDocument, proposeMetadata, sentences } from '@/lib/document'
import { extractDocument } from '@/lib/extract'
import { classifyTextLayer, layoutText } from '@/lib/extract/pdf'
import { buildPdf, textPages, type PdfPage } from '../../fixtures/extract/builders'

const fixture = (name: string) => readFileSync(path.join(process.cwd(), 'tests/fixtures/document', name), 'utf8')
const sentenceTexts = (doc: Parameters<typeof sentences>[0]) => [...sentences(doc)].map((s) => s.text)

describe.each(['quy-dinh-339-QD-TW.txt', 'ke-hoach-23-KH-DU-bach-dang.txt'])('text PDF of %s', (name) => {
  const text = fixture(name)
  const expected = parseDocument(text)
  let result: Awaited<ReturnType<typeof extractDocument>>

  beforeAll(async () => {
    result = await extractDocument(buildPdf(textPages(text)))
  })

  test('is read from its text layer, page by page', () => {
    expect(result.facts).toMatchObject({ format: 'pdf', method: 'pdf-text', ocrPages: [] })
    expect(result.facts.pages).toBe(textPages(text).length)
    expect(result.facts.pages).toBeGreaterThan(1)
    expect(result.source.text.split('\f')).toHaveLength(result.facts.pages!)
  })

  test('gives the sentences of the original text, re-joined across wrapped lines and pages', () => {
    expect(sentenceTexts(result.document)).toEqual(sentenceTexts(expected))
  })

  test('gives the same header and proposed metadata', () => {
    expect(result.document.header).toEqual(expected.header)
    expect(result.metadata).toEqual(proposeMetadata(expected))
    expect(result.metadata.number).toMatch(/^\d+-/)
  })
})

test('a PDF protected by an owner password only (copying forbidden) opens and is read', async () => {
  const text = fixture('quy-dinh-339-QD-TW.txt')
  const result = await extractDocument(buildPdf(textPages(text), { ownerPassword: 'chusohuu' }))
  expect(result.metadata).toMatchObject({ number: '339-QĐ/TW', signer: 'Trần Cẩm Tú' })
})

test('a two-column header (issuer | motto, number | place and date) is read as two columns', async () => {
  const header: PdfPage = {
    lines: [
      ['ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
      ['ĐẢNG ỦY PHƯỜNG BẠCH ĐẰNG', ''],
      ['*', ''],
      ['Số 23-KH/ĐU', 'Bạch Đằng, ngày 06 tháng 10 năm 2025'],
      '',
      'KẾ HOẠCH',
      'tuyên truyền về sử dụng ứng dụng Sổ tay đảng viên điện tử',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Nâng cao nhận thức, trách nhiệm của cấp ủy, tổ chức đảng và đảng viên về việc sử dụng ứng dụng.',
    ],
  }
  const result = await extractDocument(buildPdf([header]))
  expect(result.document.header).toMatchObject({
    issuers: ['ĐẢNG BỘ THÀNH PHỐ HẢI PHÒNG', 'ĐẢNG ỦY PHƯỜNG BẠCH ĐẰNG'],
    motto: ['ĐẢNG CỘNG SẢN VIỆT NAM'],
    number: '23-KH/ĐU',
    place: 'Bạch Đằng',
    date: '2025-10-06',
  })
  expect(result.metadata).toMatchObject({ documentType: 'Kế hoạch', issuer: expect.stringMatching(/Bạch Đằng/) })
})

describe('text runs → lines', () => {
  /** A run of text at (x, y) in a 12 pt font, 6 pt per character. */
  const run = (str: string, x: number, y: number, hasEOL = false) => ({ str, dir: 'ltr', transform: [12, 0, 0, 12, x, y], width: str.length * 6, height: 12, fontName: 'F1', hasEOL })

  test('a wide gap, empty or filled by a space run, is a column break; a word space is a space', () => {
    const items = [run('ĐẢNG BỘ TỈNH', 50, 800), run(' ', 122, 800), run('ĐẢNG CỘNG SẢN VIỆT NAM', 330, 800, true), run('Số 12-KH/TU', 50, 786), run('Hà Nội, ngày 2 tháng 9 năm 2025', 330, 786)]
    const [first, second] = layoutText(items).split('\n')
    expect(first.split(/ {3,}/)).toEqual(['ĐẢNG BỘ TỈNH', 'ĐẢNG CỘNG SẢN VIỆT NAM'])
    expect(second.split(/ {3,}/)).toEqual(['Số 12-KH/TU', 'Hà Nội, ngày 2 tháng 9 năm 2025'])
    expect(layoutText([run('Điều', 50, 700), run(' ', 74, 700), run('1.', 80, 700)])).toBe('Điều 1.')
  })

  test('a superscript stays on its line; a lower baseline starts a new line', () => {
    const items = [run('Diện tích 120 m', 50, 700), { ...run('2', 140, 704), transform: [7, 0, 0, 7, 140, 704] }, run('Dòng sau', 50, 686)]
    expect(layoutText(items)).toBe('Diện tích 120 m2\nDòng sau')
  })
})

describe('text layer quality', () => {
  const unicode = 'Căn cứ Điều lệ Đảng Cộng sản Việt Nam; Ban Bí thư quy định về sử dụng ứng dụng Sổ tay đảng viên điện tử như sau. '
  test('Vietnamese Unicode text is text; a few words are sparse', () => {
    expect(classifyTextLayer(unicode.repeat(4))).toBe('text')
    expect(classifyTextLayer('Trần Cẩm Tú')).toBe('sparse')
    expect(classifyTextLayer('')).toBe('sparse')
  })
  test('legacy TCVN3 and VNI font text, and unmapped glyphs, are garbled', () => {
    expect(classifyTextLayer('Céng hoµ x· héi chñ nghÜa ViÖt Nam. §éc lËp - Tù do - H¹nh phóc. '.repeat(4))).toBe('garbled')
    expect(classifyTextLayer('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam. Ñoäc laäp - Töï do - Haïnh phuùc. '.repeat(4))).toBe('garbled')
    expect(classifyTextLayer('\uE001\uE002\uE003 Đảng \uE004\uE005 viên \uE006\uE007\uE008\uE009 '.repeat(10))).toBe('garbled')
  })
  test('real text with a few signs (m², ±, «») is still text', () => {
    expect(classifyTextLayer(`${unicode.repeat(4)} Diện tích 120 m², sai số ± 2%, gọi là «Sổ tay».`)).toBe('text')
  })
})
