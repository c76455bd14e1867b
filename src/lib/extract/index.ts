/**
 * Text extraction of uploaded documents (PDF with or without a text layer, DOCX, HTML, plain text)
 * into the structured form of `src/lib/document`, offline (OCR data ships in npm packages) and with
 * bounded cost. Pure library: no Payload.
 */
export { extractDocument, extractFile } from './extract'
export { ExtractError, type ExtractErrorCode } from './errors'
export { detectType, type DetectedType } from './detect'
export { DEFAULT_LIMITS } from './types'
export type * from './types'
