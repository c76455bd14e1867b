import type { ProposedMetadata, StructuredDocument } from '../document'

/** What the bytes turned out to be (by content, never by file name). */
export type SourceFormat = 'pdf' | 'docx' | 'html' | 'text'

/**
 * How the text was obtained: a PDF's text layer, OCR of rendered PDF pages, both (some pages
 * scanned), a DOCX converted through its HTML, or the file's own text/HTML.
 */
export type ExtractionMethod = 'pdf-text' | 'ocr' | 'pdf-text+ocr' | 'docx' | 'html' | 'text'

export interface ExtractionFacts {
  format: SourceFormat
  method: ExtractionMethod
  /** Size of the input. */
  bytes: number
  /** Number of pages (PDF only). */
  pages?: number
  /** 1-based numbers of the pages read by OCR (empty when none). */
  ocrPages: number[]
  /** Mean OCR confidence, 0–100, over the OCR'd pages (absent when none). */
  ocrConfidence?: number
  /** Wall time of the whole extraction, structure parsing included. */
  durationMs: number
}

/**
 * The text handed to the structure parser, kept so that a document can be parsed again (after a
 * parser improvement) without extracting or OCR-ing it again: `parseDocument(text, { format })`.
 * PDF pages are separated by form feeds.
 */
export interface ExtractedSource {
  text: string
  format: 'text' | 'html'
}

export interface ExtractionResult {
  document: StructuredDocument
  metadata: ProposedMetadata
  source: ExtractedSource
  facts: ExtractionFacts
}

/**
 * Bounds on what one extraction may cost. Over-limit input is refused with an `ExtractError`
 * before the expensive work starts, never truncated: a partial legal text must not pass for the
 * whole.
 */
export interface ExtractLimits {
  /** Largest input accepted. */
  maxBytes: number
  /** Most PDF pages accepted. */
  maxPages: number
  /** Most PDF pages without a text layer that will be OCR'd (about 5 s each on one core). */
  maxOcrPages: number
  /** Most bytes a DOCX may unpack to, summed over its parts (declared and actual). */
  maxUnzippedBytes: number
  /** Most entries in a DOCX archive. */
  maxZipEntries: number
  /** Wall-time budget of one extraction, checked between pages and around OCR. */
  timeoutMs: number
}

export const DEFAULT_LIMITS: ExtractLimits = {
  maxBytes: 50 * 1024 * 1024,
  maxPages: 500,
  maxOcrPages: 100,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxZipEntries: 5000,
  timeoutMs: 15 * 60 * 1000,
}

export interface ExtractOptions {
  limits?: Partial<ExtractLimits>
  /**
   * Tesseract worker threads for OCR, one page each at a time (about 150 MB each). Default: two,
   * or one on a single-core machine.
   */
  ocrWorkers?: number
  /** Progress reports ("Đang nhận dạng chữ trang 3/12"), for logs and job status. */
  onProgress?: (message: string) => void
}
