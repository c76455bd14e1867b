/**
 * The one error the extraction stage throws: a stable `code` for programs, a Vietnamese `message`
 * for people (what is wrong and what to do).
 */

export type ExtractErrorCode =
  /** The file has no bytes. */
  | 'empty'
  /** The file is larger than the size limit. */
  | 'too-large'
  /** A program (Windows, Linux, macOS executable), whatever its name says. */
  | 'executable'
  /** Word 97–2003 (.doc) or another legacy Office file. */
  | 'legacy-office'
  /** Any other format: images, archives, RTF, spreadsheets, ODF, unknown binaries. */
  | 'unsupported'
  /** A PDF that cannot be read. */
  | 'pdf-corrupt'
  /** A PDF that needs a password to open. */
  | 'pdf-encrypted'
  /** A PDF with more pages than the page limit. */
  | 'too-many-pages'
  /** A PDF with more scanned pages (no text layer) than the OCR limit. */
  | 'too-many-scanned-pages'
  /** A DOCX that cannot be read. */
  | 'docx-corrupt'
  /** A DOCX whose content unpacks to more than the limit (a "zip bomb"). */
  | 'zip-bomb'
  /** A text file not in UTF-8/UTF-16 (TCVN3, VNI, Windows-1258 …). */
  | 'text-encoding'
  /** The file holds no readable text. */
  | 'no-text'
  /** Text recognition (OCR) cannot start: engine, language data or page renderer missing. */
  | 'ocr-unavailable'
  /** Text recognition failed on a page. */
  | 'ocr-failed'
  /** Extraction took longer than the time limit. */
  | 'timeout'

export class ExtractError extends Error {
  readonly code: ExtractErrorCode

  constructor(code: ExtractErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'ExtractError'
    this.code = code
  }
}

/** "1.234" — Vietnamese thousands separator. */
export function formatCount(n: number): string {
  return n.toLocaleString('vi-VN')
}

/** "12,5 MB" / "800 KB". */
export function formatBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024)
  if (mb >= 1) return `${mb.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
  return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`
}

/** The advice shared by every refused format. */
export const RESAVE_ADVICE = 'Hãy mở tệp bằng Word (hoặc phần mềm soạn thảo) và lưu lại dưới dạng DOCX hoặc PDF rồi tải lên lại.'
