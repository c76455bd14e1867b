/**
 * Pipeline benchmark: runs the stages of `process-document` (extract → summarise → speak the full text →
 * speak the summary) end to end, exactly as the workers do, on corpus-like inputs:
 *   - each corpus text (../shared/corpus, else tests/fixtures/corpus) as a text file;
 *   - a 20-page PDF with a text layer built from the corpus (target: fully processed in under 60 s);
 *   - a 5-page scanned PDF (300 dpi, OCR; target: extracted in under 60 s) when a Vietnamese font exists.
 * Prints per-stage medians, speech speed against real time (target ≥ 20×) and throughput.
 *
 *   npm run bench:pipeline [-- --runs N] [-- --no-scan]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildPdf, PDF_LINES_PER_PAGE, renderScans, textPages, wrapText } from '../tests/fixtures/extract/builders'

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '1' }, 'no-scan': { type: 'boolean', default: false } } })
const runs = Math.max(1, Number(args.runs))

// Outputs (MP3 files) go to a scratch DATA_DIR, as in a worker.
const scratch = mkdtempSync(path.join(tmpdir(), 'sotay-bench-pipeline-'))
process.env.DATA_DIR = scratch
const { extractStructured } = await import('../workers/extract-text')
const { summarizeStructure, summaryEngine } = await import('../workers/summarize')
const { renderTrack } = await import('../workers/speak')
const { speechSentences } = await import('../workers/reading')
const { sha256 } = await import('../workers/pipeline')

type Input = { name: string; input: { kind: 'file'; bytes: Uint8Array; title: null } | { kind: 'text'; text: string; title: null } }
type Timing = { name: string; extractMs: number; summaryMs: number; fullMs: number; shortMs: number; audioMs: number; summaryAudioMs: number; chars: number; sentences: number }

function corpus(): { folder: string; files: string[] } {
  const shared = path.resolve('../shared/corpus')
  const folder = existsSync(shared) && readdirSync(shared).some((f) => f.endsWith('.txt')) ? shared : path.resolve('tests/fixtures/corpus')
  return { folder, files: readdirSync(folder).filter((f) => f.endsWith('.txt')).sort() }
}

function textOfLines(texts: string[], lines: number): string {
  const parts: string[] = []
  let count = 0
  for (let i = 0; count < lines; i++) {
    parts.push(texts[i % texts.length])
    count += wrapText(texts[i % texts.length]).length
  }
  return parts.join('\n')
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`

async function processOne({ name, input }: Input): Promise<Timing> {
  const engine = await summaryEngine()
  let t = performance.now()
  const staged = await extractStructured(input as never)
  const extractMs = performance.now() - t
  t = performance.now()
  const summary = await summarizeStructure(staged.structure, engine)
  const summaryMs = performance.now() - t
  const sentences = speechSentences(staged.structure)
  t = performance.now()
  const full = await renderTrack(sentences, sha256(name, 'full'), 'bench')
  const fullMs = performance.now() - t
  t = performance.now()
  const short = summary.sentences.length ? await renderTrack(summary.sentences, sha256(name, 'summary'), 'bench') : undefined
  const shortMs = performance.now() - t
  return { name, extractMs, summaryMs, fullMs, shortMs, audioMs: full.durationMs, summaryAudioMs: short?.durationMs ?? 0, chars: staged.plainText.length, sentences: sentences.length }
}

const { folder, files } = corpus()
const texts = files.map((f) => readFileSync(path.join(folder, f), 'utf8').trim())
const inputs: Input[] = files.map((f, i) => ({ name: f, input: { kind: 'text', text: texts[i], title: null } }))
const pdf = buildPdf(textPages(textOfLines(texts, 20 * PDF_LINES_PER_PAGE)).slice(0, 20))
inputs.push({ name: 'PDF 20 trang (lớp chữ)', input: { kind: 'file', bytes: pdf, title: null } })

let scan: Input | undefined
if (!args['no-scan']) {
  try {
    const sheets = await renderScans(texts.join('\n').split('\n'), { dpi: 300, maxSheets: 5 })
    scan = { name: 'PDF quét 5 trang (OCR)', input: { kind: 'file', bytes: buildPdf(sheets.map((s) => s.page)), title: null } }
    inputs.push(scan)
  } catch (err) {
    console.log(`Bỏ qua bản quét: ${err instanceof Error ? err.message : err}`)
  }
}

console.log(`Bench pipeline — ${runs} lượt, nguồn: ${path.relative(process.cwd(), folder) || folder}, tải máy lúc đầu ${loadavg()[0].toFixed(2)}`)
const results: Timing[][] = inputs.map(() => [])
const wallStart = performance.now()
for (let r = 0; r < runs; r++) for (const [i, input] of inputs.entries()) results[i].push(await processOne(input))
const wallMs = performance.now() - wallStart

console.log('\nTừng tệp (trung vị):')
console.log('tệp'.padEnd(46), 'ký tự'.padStart(7), 'câu'.padStart(5), 'trích'.padStart(9), 'tóm tắt'.padStart(9), 'đọc toàn văn'.padStart(13), 'đọc tóm tắt'.padStart(12), 'tổng'.padStart(9), 'âm thanh'.padStart(9), '×thực'.padStart(6))
for (const [i, input] of inputs.entries()) {
  const rs = results[i]
  const m = (k: keyof Timing) => median(rs.map((x) => x[k] as number))
  const total = m('extractMs') + m('summaryMs') + m('fullMs') + m('shortMs')
  const speedup = (m('audioMs') + m('summaryAudioMs')) / (m('fullMs') + m('shortMs'))
  console.log(
    input.name.slice(0, 46).padEnd(46),
    String(rs[0].chars).padStart(7),
    String(rs[0].sentences).padStart(5),
    secs(m('extractMs')).padStart(9),
    secs(m('summaryMs')).padStart(9),
    secs(m('fullMs')).padStart(13),
    secs(m('shortMs')).padStart(12),
    secs(total).padStart(9),
    `${(m('audioMs') / 60000).toFixed(1)} ph`.padStart(9),
    `${speedup.toFixed(1)}×`.padStart(6),
  )
}

const all = results.flat()
const stage = (k: keyof Timing) => median(all.map((x) => x[k] as number))
const speechMs = all.reduce((s, x) => s + x.fullMs + x.shortMs, 0)
const audioMs = all.reduce((s, x) => s + x.audioMs + x.summaryAudioMs, 0)
console.log('\nTrung vị từng bước trên mọi tệp:', ['trích', secs(stage('extractMs')), '· tóm tắt', secs(stage('summaryMs')), '· đọc toàn văn', secs(stage('fullMs')), '· đọc tóm tắt', secs(stage('shortMs'))].join(' '))
console.log(`Tổng hợp tiếng nói + mã hóa MP3: ${(audioMs / 60000).toFixed(1)} phút âm thanh trong ${secs(speechMs)} → ${(audioMs / speechMs).toFixed(1)}× nhanh hơn thời gian thực (mục tiêu ≥ 20×)`)
console.log(`Thông lượng: ${all.length} văn bản trong ${secs(wallMs)} → ${((all.length / wallMs) * 3_600_000).toFixed(0)} văn bản/giờ, ${((all.reduce((s, x) => s + x.chars, 0) / wallMs) * 1000).toFixed(0)} ký tự/giây`)
const pdfIndex = inputs.findIndex((x) => x.name.startsWith('PDF 20'))
const pdfTotal = median(results[pdfIndex].map((x) => x.extractMs + x.summaryMs + x.fullMs + x.shortMs))
console.log(`PDF 20 trang xử lý trọn vẹn (trích, tóm tắt, hai tệp âm thanh): ${secs(pdfTotal)} (mục tiêu < 60 s) ${pdfTotal < 60_000 ? 'ĐẠT' : 'CHƯA ĐẠT'}`)
if (scan) {
  const scanExtract = median(results[inputs.indexOf(scan)].map((x) => x.extractMs))
  console.log(`PDF quét 5 trang, nhận dạng chữ: ${secs(scanExtract)} (mục tiêu < 60 s) ${scanExtract < 60_000 ? 'ĐẠT' : 'CHƯA ĐẠT'}`)
}
console.log(`Tải máy lúc cuối ${loadavg()[0].toFixed(2)} (máy dùng chung: số đo phụ thuộc tải).`)
rmSync(scratch, { recursive: true, force: true })
process.exit(0)
