/**
 * Extraction benchmark: times the whole extraction stage (text, OCR, structure parsing, metadata)
 * on two PDFs generated from the corpus (../shared/corpus, or the test fixtures when absent):
 *   - a 20-page PDF with a text layer (target: under 60 s),
 *   - a 5-page scanned PDF, A4 sheets at 300 dpi rendered from the text (target: under 60 s),
 *     with the OCR character error rate against the printed text.
 *
 *   npx tsx scripts/bench-extract.ts [--runs N]
 *
 * Rendering the scans needs a system font with Vietnamese glyphs (Debian: fonts-dejavu-core); the
 * script says so and skips the scan part when there is none.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { sentences } from '../src/lib/document'
import { extractDocument, type ExtractionResult } from '../src/lib/extract'
import { canonical } from '../src/lib/vi/text'
import { buildPdf, PDF_LINES_PER_PAGE, renderScans, textPages, wrapText } from '../tests/fixtures/extract/builders'

const TEXT_PAGES = 20
const SCAN_PAGES = 5
const SCAN_DPI = 300
const TARGET_MS = 60_000

function corpus(): { folder: string; texts: string[] } {
  const shared = path.resolve(process.cwd(), '../shared/corpus')
  const folder = existsSync(shared) ? shared : path.resolve(process.cwd(), 'tests/fixtures/document')
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .sort()
  return { folder, texts: files.map((f) => readFileSync(path.join(folder, f), 'utf8').trim()) }
}

/** Corpus documents one after another, repeated until `lines` wrapped lines are filled. */
function textOfLines(texts: string[], lines: number): string {
  const parts: string[] = []
  let count = 0
  for (let i = 0; count < lines; i++) {
    const text = texts[i % texts.length]
    parts.push(text)
    count += wrapText(text).length
  }
  return parts.join('\n')
}

function characterErrorRate(recognised: string, expected: string): number {
  const a = [...canonical(recognised).replace(/\s+/g, ' ').trim()]
  const b = [...canonical(expected).replace(/\s+/g, ' ').trim()]
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    previous = current
  }
  return previous[b.length] / Math.max(1, b.length)
}

/** Wall times and CPU times (all threads: OCR runs in worker threads) of `runs` extractions. */
async function timed(pdf: Buffer, runs: number): Promise<{ result: ExtractionResult; times: number[]; cpu: number[] }> {
  const times: number[] = []
  const cpu: number[] = []
  let result: ExtractionResult | undefined
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    const cpuStart = process.cpuUsage()
    result = await extractDocument(pdf)
    times.push(performance.now() - started)
    const used = process.cpuUsage(cpuStart)
    cpu.push((used.user + used.system) / 1000)
  }
  return { result: result!, times, cpu }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const verdict = (ms: number) => (ms < TARGET_MS ? 'đạt' : 'KHÔNG ĐẠT')
const list = (values: number[]) => values.map(seconds).join(' / ')

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '2' } } })
  const runs = Math.max(1, Number(values.runs) || 2)
  const { folder, texts } = corpus()
  process.stdout.write(`Kho văn bản: ${folder} (${texts.length} tệp); ${runs} lần chạy mỗi phép đo (lần đầu gồm cả nạp thư viện; CPU tính cả các luồng OCR); máy ${availableParallelism()} lõi, tải trung bình ${loadavg()[0].toFixed(1)}.\n\n`)

  const textPdf = buildPdf(textPages(textOfLines(texts, TEXT_PAGES * PDF_LINES_PER_PAGE)).slice(0, TEXT_PAGES))
  const text = await timed(textPdf, runs)
  const sentenceCount = [...sentences(text.result.document)].length
  process.stdout.write(
    `PDF có lớp chữ, ${text.result.facts.pages} trang (${Math.round(textPdf.length / 1024)} KB): ` +
      `${list(text.times)} (CPU ${list(text.cpu)}) — ${sentenceCount} câu, cách trích: ${text.result.facts.method} — mục tiêu < 60 s: ${verdict(text.times[0])}\n`,
  )

  let sheets
  try {
    sheets = await renderScans(texts.join('\n').split('\n'), { dpi: SCAN_DPI, maxSheets: SCAN_PAGES })
  } catch (err) {
    process.stdout.write(`\nBỏ qua phép đo bản quét: ${err instanceof Error ? err.message : String(err)}\n`)
    return 1
  }
  const scanPdf = buildPdf(sheets.map((s) => s.page))
  const scan = await timed(scanPdf, runs)
  const pages = scan.result.source.text.split('\f')
  const cer = sheets.map((sheet, i) => characterErrorRate(pages[i] ?? '', sheet.lines.join('\n')))
  process.stdout.write(
    `PDF quét ${sheets.length} trang A4, ${SCAN_DPI} dpi (${Math.round(scanPdf.length / 1024)} KB): ` +
      `${list(scan.times)} (CPU ${list(scan.cpu)}) — OCR ${scan.result.facts.ocrPages.length} trang, ` +
      `độ tin cậy ${scan.result.facts.ocrConfidence}, tỉ lệ lỗi ký tự ${(100 * (cer.reduce((a, b) => a + b, 0) / cer.length)).toFixed(2)}% ` +
      `(từng trang: ${cer.map((c) => `${(100 * c).toFixed(1)}%`).join(', ')}) — mục tiêu < 60 s: ${verdict(scan.times[0])}\n`,
  )
  process.stdout.write(`\nBộ nhớ tối đa của tiến trình: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`)
  return text.times[0] < TARGET_MS && scan.times[0] < TARGET_MS ? 0 : 1
}

process.exitCode = await main()
