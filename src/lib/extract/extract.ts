/**
 * The extraction stage: bytes of an uploaded file → structured document, proposed metadata and the
 * facts of how the text was obtained. The type is told by content; every refusal is an
 * `ExtractError` with a Vietnamese message; cost is bounded by `ExtractLimits`.
 */
import { readFile, stat } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { parseDocument, proposeMetadata, type StructuredDocument } from '../document'
import { looksLikeHtml } from '../document/html'
import { Deadline } from './deadline'
import { detectType, type DetectedType } from './detect'
import { docxToText } from './docx'
import { ExtractError, formatBytes, RESAVE_ADVICE } from './errors'
import { pdfToText } from './pdf'
import { decodeText } from './text'
import { DEFAULT_LIMITS, type ExtractedSource, type ExtractionFacts, type ExtractionResult, type ExtractLimits, type ExtractOptions } from './types'

type Extracted = { source: ExtractedSource; facts: Omit<ExtractionFacts, 'bytes' | 'durationMs'> }

/** Two OCR workers use both cores of a small server; more would only queue. */
const DEFAULT_OCR_WORKERS = Math.min(2, availableParallelism())

const NO_TEXT_MESSAGE = 'Không tìm thấy chữ nào trong tệp. Nếu đây là bản quét, hãy quét lại rõ nét hơn (từ 200 dpi) hoặc dùng bản có lớp chữ.'

function tooLarge(bytes: number, limit: number): ExtractError {
  return new ExtractError('too-large', `Tệp có dung lượng ${formatBytes(bytes)}, vượt giới hạn ${formatBytes(limit)}. Hãy giảm dung lượng (ví dụ quét ở độ phân giải thấp hơn) hoặc tách tệp.`)
}

function refuseType(type: DetectedType): never {
  if (type.kind === 'executable') {
    throw new ExtractError('executable', `Tệp này là ${type.label}, không phải văn bản, nên bị từ chối. Chỉ nhận văn bản PDF, DOCX, HTML hoặc tệp chữ.`)
  }
  if (type.kind === 'legacy-office') {
    throw new ExtractError('legacy-office', `Tệp Word 97–2003 (.doc) hoặc Office đời cũ chưa được hỗ trợ. ${RESAVE_ADVICE}`)
  }
  const label = type.kind === 'other' ? type.label : 'định dạng này'
  throw new ExtractError('unsupported', `Tệp là ${label}, chưa được hỗ trợ. ${RESAVE_ADVICE}`)
}

interface Context {
  limits: ExtractLimits
  deadline: Deadline
  ocrWorkers: number
  progress: (message: string) => void
}

async function extractSource(data: Uint8Array, context: Context): Promise<Extracted> {
  const type = detectType(data)
  switch (type.kind) {
    case 'pdf': {
      const pdf = await pdfToText(data, context)
      const ocrCount = pdf.ocrPages.length
      const method = ocrCount === 0 ? 'pdf-text' : ocrCount === pdf.pages.length ? 'ocr' : 'pdf-text+ocr'
      const facts = { format: 'pdf', method, pages: pdf.pages.length, ocrPages: pdf.ocrPages } as const
      return { source: { text: pdf.pages.join('\f'), format: 'text' }, facts: pdf.ocrConfidence === undefined ? facts : { ...facts, ocrConfidence: pdf.ocrConfidence } }
    }
    case 'zip':
      return { source: { text: await docxToText(data, context.limits), format: 'text' }, facts: { format: 'docx', method: 'docx', ocrPages: [] } }
    case 'text': {
      const text = decodeText(data)
      const html = looksLikeHtml(text)
      return { source: { text, format: html ? 'html' : 'text' }, facts: { format: html ? 'html' : 'text', method: html ? 'html' : 'text', ocrPages: [] } }
    }
    default:
      refuseType(type)
  }
}

function hasContent(doc: StructuredDocument): boolean {
  return Boolean(doc.title || doc.preamble.length || doc.body.length || doc.header.number || doc.closing.signatures.length)
}

/** Extracts and structures a document from the bytes of a file. Throws `ExtractError` on bad input. */
export async function extractDocument(data: Uint8Array, options: ExtractOptions = {}): Promise<ExtractionResult> {
  const started = Date.now()
  const limits: ExtractLimits = { ...DEFAULT_LIMITS, ...options.limits }
  if (data.length === 0) throw new ExtractError('empty', 'Tệp rỗng (0 byte), không có nội dung để xử lý. Hãy chọn lại đúng tệp.')
  if (data.length > limits.maxBytes) throw tooLarge(data.length, limits.maxBytes)
  const context: Context = {
    limits,
    deadline: new Deadline(limits.timeoutMs),
    ocrWorkers: options.ocrWorkers ?? DEFAULT_OCR_WORKERS,
    progress: options.onProgress ?? (() => {}),
  }
  const { source, facts } = await extractSource(data, context)
  if (!/\p{L}/u.test(source.text)) throw new ExtractError('no-text', NO_TEXT_MESSAGE)
  const document = parseDocument(source.text, { format: source.format })
  if (!hasContent(document)) throw new ExtractError('no-text', NO_TEXT_MESSAGE)
  return {
    document,
    metadata: proposeMetadata(document),
    source,
    facts: { ...facts, bytes: data.length, durationMs: Date.now() - started },
  }
}

/** `extractDocument` on a file; its size is checked before it is read. */
export async function extractFile(file: string, options: ExtractOptions = {}): Promise<ExtractionResult> {
  const maxBytes = options.limits?.maxBytes ?? DEFAULT_LIMITS.maxBytes
  const { size } = await stat(file)
  if (size > maxBytes) throw tooLarge(size, maxBytes)
  return extractDocument(await readFile(file), options)
}
