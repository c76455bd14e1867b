/**
 * PDF → text, page by page, with pdf.js: the text layer where a page has a usable one, OCR of the
 * rendered page where it has none (scans) or only garbage (legacy TCVN3/VNI fonts, glyphs without
 * Unicode). The page count and the number of pages to OCR are checked against the limits before
 * any costly work.
 *
 * pdf.js is used directly rather than through pdf-parse: the text layer is laid out here so that a
 * wide gap between two runs on one line (the two-column header and signature blocks of Vietnamese
 * documents) stays a column break, which pdf-parse turns into a single space; and pages are
 * rendered to raw grey pixels for OCR instead of PNG.
 */
import { createRequire } from 'node:module'
import path from 'node:path'
import type { DocumentInitParameters, PDFDocumentProxy, PDFPageProxy, TextContent, TextItem } from 'pdfjs-dist/types/src/display/api'
import type { Deadline } from './deadline'
import { ExtractError, formatCount, RESAVE_ADVICE } from './errors'
import { createOcrEngine, type OcrEngine, type OcrPage } from './ocr'
import type { ExtractLimits } from './types'

export interface PdfText {
  /** Text of each page, in order. */
  pages: string[]
  /** 1-based numbers of the pages whose text comes from OCR. */
  ocrPages: number[]
  ocrConfidence?: number
}

export interface PdfOptions {
  limits: ExtractLimits
  deadline: Deadline
  /** Tesseract worker threads for OCR. */
  ocrWorkers: number
  progress: (message: string) => void
}

/**
 * Resolution of pages rendered for OCR, whatever the scan's own: measured on the corpus, 300 dpi
 * reads no better than 200 dpi (character error rate under 1% for both) and costs more.
 */
const OCR_DPI = 200
/** Cap on the longer side of a rendered page (pixels): A3 at 200 dpi fits. */
const MAX_RENDER_SIDE = 3400
/** Largest image pdf.js will decode (pixels): a 600 dpi A4 scan is 35 million. */
const MAX_IMAGE_PIXELS = 50_000_000
/**
 * A text layer with fewer letters than this is "sparse": a scanned page may carry a few words of
 * text (a scanner's caption, a signature stamp), so such a page is OCR'd when it holds a large image.
 */
const SPARSE_LETTERS = 200
/** An image at least this large (pixels, both sides) on a sparse page is taken for a scan. */
const SCAN_IMAGE_SIDE = 400
/** A horizontal gap of this many font sizes between runs on one line separates two columns. */
const COLUMN_GAP_EM = 2
/** What a column gap becomes in the text: the structure parser splits columns on 3+ spaces. */
const COLUMN_BREAK = '     '
/** Private-use, replacement and control characters: glyphs without a Unicode mapping. */
const GARBAGE = /[\uFFFD\uE000-\uF8FF\u0000-\u0008\u000E-\u001F]/g
/**
 * Latin-1 letters and signs that Vietnamese Unicode text never uses but that text in the legacy
 * TCVN3 (.VnTime) and VNI fonts is full of: "Céng hoµ x· héi" is "Cộng hoà xã hội" in TCVN3.
 */
const LEGACY_FONT_SIGNS = /[¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿ÄÅÆÇËÎÏÐÑÖ×ØÛÜÞßäåæçëîïðñö÷øûüþÿ]/g

const CORRUPT_MESSAGE = `Tệp PDF bị hỏng hoặc không đúng định dạng, không đọc được. ${RESAVE_ADVICE}`

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjsModule: Promise<Pdfjs> | undefined
/**
 * pdf.js, loaded on first use. Its legacy build installs polyfills for the whole process (core-js wraps
 * JSON.parse, among others), which cost every API request of a web process ~2 % of its CPU when loaded
 * at start-up by the job definitions; a process that never reads a PDF now never loads it.
 */
const loadPdfjs = (): Promise<Pdfjs> => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'))

/** Local pdf.js assets (character maps, standard fonts, image decoders), so nothing is fetched. */
function pdfjsAssets(): Partial<DocumentInitParameters> {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))
  return {
    cMapUrl: `${path.join(root, 'cmaps')}/`,
    cMapPacked: true,
    standardFontDataUrl: `${path.join(root, 'standard_fonts')}/`,
    wasmUrl: `${path.join(root, 'wasm')}/`,
  }
}

// ---------------------------------------------------------------------------------------------
// Text layer

export type TextLayer = 'text' | 'sparse' | 'garbled'

function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0
}

/**
 * What a page's text layer is worth: real text, too little to tell (maybe a scan), or mojibake
 * (legacy font encodings, glyphs without Unicode mapping) that only OCR can read.
 */
export function classifyTextLayer(text: string): TextLayer {
  const letters = letterCount(text)
  const garbage = text.match(GARBAGE)?.length ?? 0
  const legacy = text.match(LEGACY_FONT_SIGNS)?.length ?? 0
  if (letters > 0 && (garbage > letters * 0.05 || legacy > letters * 0.02)) return 'garbled'
  return letters < SPARSE_LETTERS ? 'sparse' : 'text'
}

function isTextItem(item: TextContent['items'][number]): item is TextItem {
  return 'str' in item
}

/**
 * Text runs in content order → lines. A run whose baseline moves by more than half the larger font
 * size starts a new line (sub- and superscripts do not); a wide gap on a line, left empty or filled by a
 * space run, becomes a column break.
 */
export function layoutText(items: TextContent['items']): string {
  let text = ''
  let lastY: number | undefined
  let lastEnd: number | undefined
  let lastSize = 0
  for (const item of items.filter(isTextItem)) {
    const [, , c, d, x, y] = item.transform
    const size = Math.hypot(c, d) || 10
    const atLineStart = text === '' || text.endsWith('\n')
    const blank = item.str.trim() === ''
    if (lastY !== undefined && Math.abs(y - lastY) > Math.max(size, lastSize) / 2 && !atLineStart) text += '\n'
    else if (lastEnd !== undefined && !atLineStart && x - lastEnd > size * COLUMN_GAP_EM) text += COLUMN_BREAK
    text += blank && item.width > size * COLUMN_GAP_EM ? COLUMN_BREAK : item.str
    lastY = y
    lastSize = size
    lastEnd = x + item.width
    if (item.hasEOL) text += '\n'
  }
  return text.replace(/ +\n/g, '\n').trim()
}

async function pageText(doc: PDFDocumentProxy, number: number): Promise<string> {
  const page = await doc.getPage(number)
  try {
    return layoutText((await page.getTextContent()).items)
  } finally {
    page.cleanup()
  }
}

// ---------------------------------------------------------------------------------------------
// Scans and OCR

/** True when the page paints an image the size of a scan. */
async function hasScanImage(doc: PDFDocumentProxy, number: number): Promise<boolean> {
  const { OPS } = await loadPdfjs()
  const page = await doc.getPage(number)
  try {
    const { fnArray, argsArray } = await page.getOperatorList()
    return fnArray.some((op, i) => {
      if (op !== OPS.paintImageXObject && op !== OPS.paintInlineImageXObject) return false
      const [, width, height] = argsArray[i] as [unknown, number?, number?]
      return (width ?? SCAN_IMAGE_SIDE) >= SCAN_IMAGE_SIDE && (height ?? SCAN_IMAGE_SIDE) >= SCAN_IMAGE_SIDE
    })
  } finally {
    page.cleanup()
  }
}

/**
 * Pages to OCR: garbled or empty text layers (a blank page costs OCR a fraction of a second, less
 * than looking for a scan on every scanned page), and sparse ones on a page holding a scan-sized image.
 */
async function pagesToOcr(doc: PDFDocumentProxy, pages: string[], deadline: Deadline): Promise<number[]> {
  const numbers: number[] = []
  for (const [index, text] of pages.entries()) {
    const layer = classifyTextLayer(text)
    if (layer === 'text') continue
    deadline.check()
    if (layer === 'garbled' || letterCount(text) === 0 || (await hasScanImage(doc, index + 1))) numbers.push(index + 1)
  }
  return numbers
}

/** Render scale for OCR: `OCR_DPI`, with the longer side capped so huge pages stay bounded. */
function renderScale(page: PDFPageProxy): number {
  const { width, height } = page.getViewport({ scale: 1 })
  return Math.min(OCR_DPI / 72, MAX_RENDER_SIDE / Math.max(width, height, 1))
}

/** RGBA pixels → binary PGM (greyscale), which tesseract reads without decoding work. */
function toPgm(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1')
  const pgm = new Uint8Array(header.length + width * height)
  pgm.set(header)
  for (let i = 0, p = header.length; i < rgba.length; i += 4, p++) pgm[p] = (rgba[i] * 77 + rgba[i + 1] * 150 + rgba[i + 2] * 29) >> 8
  return pgm
}

/** A page rendered to a greyscale image for OCR. A missing canvas module means OCR is not available here. */
async function renderPage(doc: PDFDocumentProxy, number: number): Promise<Uint8Array> {
  let createCanvas: typeof import('@napi-rs/canvas').createCanvas
  try {
    ;({ createCanvas } = await import('@napi-rs/canvas'))
  } catch (err) {
    throw new ExtractError('ocr-unavailable', 'Không dựng được ảnh trang PDF để nhận dạng chữ: thiếu gói @napi-rs/canvas.', { cause: err })
  }
  const page = await doc.getPage(number)
  try {
    const viewport = page.getViewport({ scale: renderScale(page) })
    const width = Math.ceil(viewport.width)
    const height = Math.ceil(viewport.height)
    const canvas = createCanvas(width, height)
    const context = canvas.getContext('2d')
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, width, height)
    await page.render({ canvasContext: context as unknown as CanvasRenderingContext2D, canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise
    return toPgm(context.getImageData(0, 0, width, height).data, width, height)
  } catch (err) {
    throw new ExtractError('pdf-corrupt', `Trang ${number} của tệp PDF bị hỏng, không dựng được ảnh để nhận dạng chữ. ${RESAVE_ADVICE}`, { cause: err })
  } finally {
    page.cleanup()
  }
}

/** The OCR engine, or the timeout error; an engine that comes up too late is shut down. */
async function startEngine(workers: number, deadline: Deadline): Promise<OcrEngine> {
  const starting = createOcrEngine(workers)
  try {
    return await deadline.race(starting)
  } catch (err) {
    starting.then((engine) => engine.terminate()).catch(() => {})
    throw err
  }
}

/**
 * Renders and recognises the given pages. Rendering (main thread) overlaps with recognition
 * (tesseract worker threads, one page each); at most one rendered page waits for a worker.
 */
async function ocrPages(doc: PDFDocumentProxy, numbers: number[], workers: number, deadline: Deadline, progress: (message: string) => void): Promise<Map<number, OcrPage>> {
  const results = new Map<number, OcrPage>()
  const poolSize = Math.max(1, Math.min(workers, numbers.length))
  let engine: OcrEngine | undefined
  try {
    engine = await startEngine(poolSize, deadline)
    const ocr = engine
    /** Recognitions under way; each settles with its error instead of rejecting, so none goes unhandled. */
    const inFlight: Promise<unknown>[] = []
    for (const [index, number] of numbers.entries()) {
      deadline.check()
      const image = await renderPage(doc, number)
      if (inFlight.length >= poolSize) {
        const failure = await inFlight.shift()
        if (failure) throw failure
      }
      progress(`Đang nhận dạng chữ (OCR) trang ${number} (${index + 1}/${numbers.length})`)
      inFlight.push(
        deadline.race(ocr.recognize(image)).then(
          (page) => void results.set(number, page),
          (err: unknown) => err,
        ),
      )
    }
    for (const failure of await Promise.all(inFlight)) if (failure) throw failure
  } finally {
    await engine?.terminate()
  }
  return results
}

/**
 * OCR text replaces a garbled text layer, and a sparse one when it reads more letters (a scan with
 * a caption); a sparse page that OCR reads no better keeps its text layer and is not an OCR page.
 */
function mergeOcr(pages: string[], recognised: Map<number, OcrPage>): PdfText {
  const merged = [...pages]
  const used: number[] = []
  const confidences: number[] = []
  for (const [number, page] of [...recognised].sort(([a], [b]) => a - b)) {
    const layer = pages[number - 1]
    if (classifyTextLayer(layer) !== 'garbled' && letterCount(page.text) <= letterCount(layer)) continue
    merged[number - 1] = page.text
    used.push(number)
    confidences.push(page.confidence)
  }
  if (used.length === 0) return { pages: merged, ocrPages: [] }
  return { pages: merged, ocrPages: used, ocrConfidence: Math.round(confidences.reduce((a, b) => a + b, 0) / confidences.length) }
}

// ---------------------------------------------------------------------------------------------

function translateError(err: unknown): unknown {
  if (err instanceof ExtractError) return err
  if ((err as { name?: string })?.name === 'PasswordException') {
    return new ExtractError('pdf-encrypted', 'Tệp PDF được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (mở tệp rồi in/lưu lại thành PDF không mật khẩu) và tải lên lại.', { cause: err })
  }
  return new ExtractError('pdf-corrupt', CORRUPT_MESSAGE, { cause: err })
}

function checkPageCount(total: number, limits: ExtractLimits): void {
  if (total < 1) throw new ExtractError('pdf-corrupt', CORRUPT_MESSAGE)
  if (total > limits.maxPages) {
    throw new ExtractError(
      'too-many-pages',
      `Tệp PDF có ${formatCount(total)} trang, vượt giới hạn ${formatCount(limits.maxPages)} trang cho một văn bản. Hãy tách tệp thành các phần nhỏ hơn rồi tải lên từng phần.`,
    )
  }
}

/** Text of every page of a PDF, OCR-ing the pages that need it. */
export async function pdfToText(data: Uint8Array, { limits, deadline, ocrWorkers, progress }: PdfOptions): Promise<PdfText> {
  const pdfjs = await loadPdfjs()
  const task = pdfjs.getDocument({
    data: new Uint8Array(data),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    isEvalSupported: false,
    maxImageSize: MAX_IMAGE_PIXELS,
    ...pdfjsAssets(),
  })
  try {
    const doc = await task.promise
    checkPageCount(doc.numPages, limits)
    progress(`Đang đọc lớp chữ của ${formatCount(doc.numPages)} trang PDF`)
    const pages: string[] = []
    for (let number = 1; number <= doc.numPages; number++) {
      deadline.check()
      pages.push(await pageText(doc, number))
    }
    const scanned = await pagesToOcr(doc, pages, deadline)
    if (scanned.length > limits.maxOcrPages) {
      throw new ExtractError(
        'too-many-scanned-pages',
        `Tệp PDF có ${formatCount(scanned.length)} trang dạng ảnh quét cần nhận dạng chữ, vượt giới hạn ${formatCount(limits.maxOcrPages)} trang. Hãy tách tệp thành các phần nhỏ hơn, hoặc dùng bản PDF có lớp chữ.`,
      )
    }
    if (scanned.length === 0) return { pages, ocrPages: [] }
    return mergeOcr(pages, await ocrPages(doc, scanned, ocrWorkers, deadline, progress))
  } catch (err) {
    throw translateError(err)
  } finally {
    await task.destroy()
  }
}
