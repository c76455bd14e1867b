/**
 * DOCX → text lines for the structure parser. The archive is vetted first (zip bomb, size, entry
 * count), then mammoth converts it to HTML, which is laid out as a PDF extractor would: one
 * paragraph per line, list items with their markers, table cells side by side separated by a wide
 * gap (the two-column header and signature blocks of Vietnamese documents are tables).
 */
import mammoth from 'mammoth'
import { parseHtml, type HtmlElement, type HtmlNode } from '../document/html'
import { ExtractError, formatBytes, formatCount, RESAVE_ADVICE } from './errors'
import type { ExtractLimits } from './types'
import { inflateEntry, listZip, ZipFormatError, type ZipEntry } from './zip'

/** Gap between table cells: wide enough for the parser to see two columns. */
const COLUMN_GAP = '     '
/** Parts mammoth parses; media and embedded objects are never unpacked (images are dropped). */
const PARSED_PART = /\.(xml|rels)$/i

const CORRUPT_MESSAGE = `Tệp DOCX bị hỏng hoặc không đúng định dạng, không đọc được. ${RESAVE_ADVICE}`

/** Office formats that are ZIP archives but not Word documents. */
function zipKind(entries: ZipEntry[]): string | null {
  const names = new Set(entries.map((e) => e.name))
  if (names.has('word/document.xml')) return null
  if ([...names].some((n) => n.startsWith('xl/'))) return 'bảng tính Excel (.xlsx)'
  if ([...names].some((n) => n.startsWith('ppt/'))) return 'bản trình chiếu PowerPoint (.pptx)'
  if (names.has('mimetype') && names.has('content.xml')) return 'văn bản OpenDocument (.odt/.ods)'
  return 'tệp nén ZIP'
}

function bombError(limit: number): ExtractError {
  return new ExtractError(
    'zip-bomb',
    `Tệp DOCX khi giải nén vượt quá ${formatBytes(limit)} (có thể là tệp độc hại dạng "bom nén"), nên không được xử lý. Hãy kiểm tra lại tệp gốc.`,
  )
}

/**
 * Refuses archives that are not DOCX, or that would unpack to more than the limit: declared sizes
 * first (cheap), then the parts that will be parsed are actually inflated under a shrinking budget,
 * so lying headers cost no more memory than the limit.
 */
export function vetDocx(data: Uint8Array, limits: Pick<ExtractLimits, 'maxUnzippedBytes' | 'maxZipEntries'>): void {
  let entries: ZipEntry[]
  try {
    entries = listZip(data)
  } catch (err) {
    throw new ExtractError('docx-corrupt', CORRUPT_MESSAGE, { cause: err })
  }
  const kind = zipKind(entries)
  if (kind) throw new ExtractError('unsupported', `Tệp này là ${kind}, không phải văn bản Word (DOCX). ${RESAVE_ADVICE}`)
  if (entries.length > limits.maxZipEntries) {
    throw new ExtractError('zip-bomb', `Tệp DOCX chứa ${formatCount(entries.length)} thành phần, vượt giới hạn ${formatCount(limits.maxZipEntries)}; tệp không bình thường nên không được xử lý.`)
  }
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0)
  if (declared > limits.maxUnzippedBytes) throw bombError(limits.maxUnzippedBytes)
  let budget = limits.maxUnzippedBytes
  for (const entry of entries.filter((e) => PARSED_PART.test(e.name))) {
    let inflated: Buffer | null
    try {
      inflated = inflateEntry(data, entry, budget)
    } catch (err) {
      if (err instanceof ZipFormatError) throw new ExtractError('docx-corrupt', CORRUPT_MESSAGE, { cause: err })
      throw err
    }
    if (!inflated) throw bombError(limits.maxUnzippedBytes)
    budget -= inflated.length
  }
}

/** DOCX bytes → text, one paragraph a line. */
export async function docxToText(data: Uint8Array, limits: Pick<ExtractLimits, 'maxUnzippedBytes' | 'maxZipEntries'>): Promise<string> {
  vetDocx(data, limits)
  let html: string
  try {
    const result = await mammoth.convertToHtml({ buffer: Buffer.from(data.buffer, data.byteOffset, data.byteLength) }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) })
    html = result.value
  } catch (err) {
    throw new ExtractError('docx-corrupt', CORRUPT_MESSAGE, { cause: err })
  }
  return htmlToLines(html).join('\n')
}

// ---------------------------------------------------------------------------------------------
// mammoth's HTML → lines

const LINE_BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'])
const LISTS = new Set(['ol', 'ul'])

function elements(el: HtmlElement): HtmlElement[] {
  return el.children.filter((c): c is HtmlElement => typeof c !== 'string')
}

/** Footnote and endnote references ("[1]") and the notes themselves are left out. */
function isNote(el: HtmlElement): boolean {
  if (el.tag === 'li') return /^(footnote|endnote)-/.test(el.attrs.id ?? '')
  if (el.tag === 'sup') return elements(el).some((a) => a.tag === 'a' && /^#(footnote|endnote)-/.test(a.attrs.href ?? ''))
  return false
}

/** Inline text with <br> kept as line breaks and runs of white space collapsed. */
function inlineText(node: HtmlNode): string {
  if (typeof node === 'string') return node.replace(/[ \t\r\n]+/g, ' ')
  if (node.tag === 'br') return '\n'
  if (isNote(node)) return ''
  return node.children.map(inlineText).join('')
}

function splitLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/ {2,}/g, ' ').trim())
    .filter(Boolean)
}

/** "1." "2." at the outer level, "a)" "b)" inside, "-" deeper: the Vietnamese administrative style. */
function orderedMarker(index: number, depth: number): string {
  if (depth === 0) return `${index + 1}.`
  if (depth === 1) return `${String.fromCharCode(97 + (index % 26))})`
  return '-'
}

function listLines(list: HtmlElement, depth: number): string[] {
  const lines: string[] = []
  elements(list)
    .filter((li) => li.tag === 'li' && !isNote(li))
    .forEach((li, index) => {
      const marker = list.tag === 'ol' ? orderedMarker(index, depth) : depth === 0 ? '-' : '+'
      const own: HtmlNode[] = li.children.filter((c) => typeof c === 'string' || !LISTS.has(c.tag))
      const [first = '', ...rest] = blockLines({ ...li, children: own }, depth)
      lines.push(`${marker} ${first}`.trimEnd(), ...rest)
      for (const nested of elements(li).filter((c) => LISTS.has(c.tag))) lines.push(...listLines(nested, depth + 1))
    })
  return lines
}

function rowsOf(table: HtmlElement): HtmlElement[] {
  return elements(table).flatMap((c) => (c.tag === 'tr' ? [c] : ['thead', 'tbody', 'tfoot'].includes(c.tag) ? rowsOf(c) : []))
}

/** Cells side by side: line i of the row joins line i of each cell. */
function tableLines(table: HtmlElement, depth: number): string[] {
  const lines: string[] = []
  for (const row of rowsOf(table)) {
    const cells = elements(row)
      .filter((c) => c.tag === 'td' || c.tag === 'th')
      .map((cell) => blockLines(cell, depth))
      .filter((cellLines) => cellLines.length > 0)
    const height = Math.max(0, ...cells.map((c) => c.length))
    for (let i = 0; i < height; i++) lines.push(cells.map((c) => c[i] ?? '').filter(Boolean).join(COLUMN_GAP))
  }
  return lines
}

/** Lines of a container: block children in order, loose inline content gathered into lines. */
function blockLines(el: HtmlElement, depth = 0): string[] {
  const lines: string[] = []
  let inline = ''
  const flush = () => {
    lines.push(...splitLines(inline))
    inline = ''
  }
  for (const child of el.children) {
    if (typeof child === 'string' || !(LINE_BLOCKS.has(child.tag) || LISTS.has(child.tag) || child.tag === 'table' || child.tag === 'div')) {
      inline += inlineText(child)
      continue
    }
    flush()
    if (LINE_BLOCKS.has(child.tag)) lines.push(...splitLines(inlineText(child)))
    else if (LISTS.has(child.tag)) lines.push(...listLines(child, depth))
    else if (child.tag === 'table') lines.push(...tableLines(child, depth))
    else lines.push(...blockLines(child, depth))
  }
  flush()
  return lines
}

/** mammoth's HTML as text lines. */
export function htmlToLines(html: string): string[] {
  return blockLines(parseHtml(html))
}
