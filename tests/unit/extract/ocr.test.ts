/**
 * Scanned PDF pages are rendered and read by OCR, offline, with the Vietnamese model shipped in npm.
 * The scan (scan-339.jpg, see tests/fixtures/extract/generate-scan.ts) is of scan-339.txt.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { ExtractError, extractDocument, type ExtractionResult } from '@/lib/extract'
import { canonical } from '@/lib/vi/text'
import { buildPdf, wrapText, type PdfPage } from '../../fixtures/extract/builders'

const here = path.join(process.cwd(), 'tests/fixtures/extract')
const truth = readFileSync(path.join(here, 'scan-339.txt'), 'utf8')
const jpeg = readFileSync(path.join(here, 'scan-339.jpg'))
const scan: PdfPage = { jpeg, width: 1653, height: 1348, dpi: 200 }

/** Character error rate: edit distance between the texts (white space collapsed) over the length of the truth. */
function characterErrorRate(recognised: string, expected: string): number {
  const a = [...canonical(recognised).replace(/\s+/g, ' ').trim()]
  const b = [...canonical(expected).replace(/\s+/g, ' ').trim()]
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length] / b.length
}

describe('OCR of scanned pages', () => {
  // Wrapped to the width of the scanned lines, as the pages of one document are.
  const textPage: PdfPage = { lines: wrapText('Trang sau có lớp chữ: các cấp ủy, tổ chức đảng và đảng viên chịu trách nhiệm thi hành Quy định này, áp dụng trong toàn Đảng. '.repeat(3), 72) }
  let result: ExtractionResult
  beforeAll(async () => {
    result = await extractDocument(buildPdf([scan, textPage]))
  })

  test('only the scanned page is OCR-ed, and pages keep their order', () => {
    expect(result.facts).toMatchObject({ format: 'pdf', method: 'pdf-text+ocr', pages: 2, ocrPages: [1] })
    expect(result.facts.ocrConfidence).toBeGreaterThan(70)
    const [first, second] = result.source.text.split('\f')
    expect(second).toContain('Trang sau có lớp chữ')
    expect(first).not.toContain('Trang sau')
  })

  test('the scan is read with its diacritics', () => {
    const [first] = result.source.text.split('\f')
    expect(characterErrorRate(first, truth)).toBeLessThan(0.05)
  })

  test("the scan's header and structure are found", () => {
    expect(result.metadata).toMatchObject({ number: '339-QĐ/TW', issuedDate: '2025-07-10', place: 'Hà Nội', documentType: 'Quy định' })
    expect(result.document.body[0]).toMatchObject({ kind: 'dieu', label: 'Điều 1' })
  })

  test('the time budget also stops OCR, before all pages are started', async () => {
    const pages = 6
    let started = 0
    const error = await extractDocument(buildPdf(Array.from({ length: pages }, () => scan)), {
      limits: { timeoutMs: 2000 },
      onProgress: (message) => void (message.startsWith('Đang nhận dạng') && started++),
    }).catch((err: unknown) => err)
    expect(error).toBeInstanceOf(ExtractError)
    expect((error as ExtractError).code).toBe('timeout')
    expect(started).toBeLessThan(pages)
  })
})
