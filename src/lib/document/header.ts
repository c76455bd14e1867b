/**
 * The header block of a Vietnamese Party/state document: issuing body, số hiệu, place and date,
 * the Party/national motto, then the document type line ("QUY ĐỊNH") and its trích yếu.
 * News articles have none of it: their first line is the headline, maybe after a date stamp.
 */
import { fold } from '../vi/text'
import { collapseSpaces, splitColumns, type Line } from './clean'
import { isSeparator, startsBlock } from './markers'
import type { HeaderBlock } from './types'

/** Document type lines, as printed in upper case. */
const DOCUMENT_TYPES = [
  'BỘ LUẬT',
  'LUẬT',
  'PHÁP LỆNH',
  'LỆNH',
  'HIẾN PHÁP',
  'ĐIỀU LỆ',
  'NGHỊ QUYẾT',
  'NGHỊ QUYẾT LIÊN TỊCH',
  'NGHỊ ĐỊNH',
  'THÔNG TƯ',
  'THÔNG TƯ LIÊN TỊCH',
  'QUYẾT ĐỊNH',
  'QUY ĐỊNH',
  'QUY CHẾ',
  'QUY TRÌNH',
  'CHỈ THỊ',
  'KẾT LUẬN',
  'KẾ HOẠCH',
  'HƯỚNG DẪN',
  'THÔNG TRI',
  'THÔNG BÁO',
  'THÔNG CÁO',
  'BÁO CÁO',
  'TỜ TRÌNH',
  'CHƯƠNG TRÌNH',
  'ĐỀ ÁN',
  'ĐỀ CƯƠNG',
  'PHƯƠNG ÁN',
  'CÔNG VĂN',
  'CÔNG ĐIỆN',
  'BIÊN BẢN',
  'LỜI KÊU GỌI',
  'DIỄN VĂN',
  'TUYÊN BỐ',
]

const MOTTOS = ['DANG CONG SAN VIET NAM', 'CONG HOA XA HOI CHU NGHIA VIET NAM', 'DOC LAP TU DO HANH PHUC']

/** Lines that open a preamble or the body; a trích yếu never runs into them. */
export const PREAMBLE_OPENER = /^(?:[-–+•]\s*)?(Căn cứ|Thực hiện|Xét|Theo đề nghị|Trên cơ sở|Kính gửi|Nhằm|Để)(?![\p{L}\p{N}])/u

const NUMBER_LINE = /^Số\s*[:.]?\s*(\d[\p{L}\p{N}\-/.]*[\p{L}\p{N}])?\s*$/u
const PLACE_DATE = /^(?:([\p{L}][\p{L}\s.-]{1,40}?),\s*)?[Nn]gày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\.?$/u
/** A web page's date stamp in front of the headline: "date 2025-11-19 Sổ tay …", "Ngày đăng: 19/11/2025 …". */
const DATE_STAMP =
  /^(?:date|ngày(?:\s+đăng)?|cập\s+nhật|đăng\s+ngày|published)\s*:?\s*(\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s+/iu

export interface HeaderParse {
  header: HeaderBlock
  /** Document type line as printed. */
  type?: string
  /** Trích yếu. */
  titleText?: string
  /** Index of the first line after the header and title. */
  next: number
  formal: boolean
}

/** Letters only, folded and upper-cased: used to compare header lines regardless of spacing and dashes. */
function key(line: string): string {
  return fold(line)
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim()
}

function isUpper(line: string): boolean {
  return /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line)
}

function isMotto(line: string): boolean {
  return MOTTOS.includes(key(line))
}

/** The document type of a line ("QUY ĐỊNH", "Quy định"), and any trích yếu printed after it on the same line. */
function documentType(line: string): { type: string; rest: string } | null {
  const text = collapseSpaces(line)
  const upper = text.toUpperCase()
  for (const type of DOCUMENT_TYPES) {
    if (upper === type || upper === `${type}:`) return { type: text.replace(/:$/, ''), rest: '' }
    if (upper.startsWith(`${type} VỀ `) && isUpper(text)) return { type: text.slice(0, type.length), rest: text.slice(type.length + 1) }
  }
  return null
}

function parsePlaceDate(line: string): { place?: string; date: string } | null {
  const m = PLACE_DATE.exec(collapseSpaces(line))
  if (!m) return null
  const date = isoDate(Number(m[4]), Number(m[3]), Number(m[2]))
  return date ? { place: m[1]?.trim(), date } : null
}

/** "2025-07-10" for a valid calendar date, else undefined. */
export function isoDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day))
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined
  return d.toISOString().slice(0, 10)
}

function stampDate(stamp: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stamp)
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(stamp)
  return dmy ? isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1])) : undefined
}

const HEADER_SCAN_LIMIT = 20

/** Parses the header block and title at the start of `lines`. */
export function parseHeader(lines: Line[]): HeaderParse {
  const header: HeaderBlock = { issuers: [], motto: [] }
  let i = 0
  let type: string | undefined
  let titleText: string | undefined
  for (; i < lines.length && i < HEADER_SCAN_LIMIT && type === undefined; i++) {
    const parts = splitColumns(lines[i].text)
    if (!parts.every((part) => isHeaderPart(part))) break
    for (const part of parts) {
      const found = documentType(part)
      if (found) {
        type = found.type
        titleText = found.rest || undefined
      } else if (titleText === undefined && /^V\/v\b/iu.test(part)) {
        titleText = part
      } else {
        readHeaderPart(part, header)
      }
    }
  }
  const formal = type !== undefined || header.number !== undefined || header.date !== undefined || header.motto.length > 0
  if (!formal) return { header: { issuers: [], motto: [] }, next: 0, formal }
  if (type !== undefined && titleText === undefined) {
    const summary = readSummary(lines, i)
    titleText = summary.text
    i = summary.next
  }
  while (i < lines.length && isSeparator(collapseSpaces(lines[i].text))) i++
  return { header, type, titleText, next: i, formal }
}

function isHeaderPart(part: string): boolean {
  return (
    isSeparator(part) ||
    NUMBER_LINE.test(part) ||
    parsePlaceDate(part) !== null ||
    isMotto(part) ||
    documentType(part) !== null ||
    /^V\/v\b/iu.test(part) ||
    (isUpper(part) && part.split(' ').length <= 14 && !startsBlock(part))
  )
}

function readHeaderPart(part: string, header: HeaderBlock): void {
  if (isSeparator(part)) return
  const number = NUMBER_LINE.exec(part)
  if (number) {
    header.numberLine = part
    header.number = number[1]
    return
  }
  const placeDate = parsePlaceDate(part)
  if (placeDate) {
    header.placeDateLine = part
    header.place = placeDate.place
    header.date = placeDate.date
    return
  }
  if (isMotto(part)) header.motto.push(part)
  else header.issuers.push(part)
}

/**
 * The trích yếu under the type line: upper-case lines while it is upper case, else lines that continue
 * it in lower case; it stops at a separator, a list item or a preamble opener, and spans at most 4 lines.
 */
function readSummary(lines: Line[], start: number): { text?: string; next: number } {
  const parts: string[] = []
  let i = start
  for (; i < lines.length && parts.length < 4; i++) {
    const text = collapseSpaces(lines[i].text)
    if (isSeparator(text) || startsBlock(text) || PREAMBLE_OPENER.test(text) || isMotto(text)) break
    if (parts.length > 0) {
      const sameCase = isUpper(parts[0]) ? isUpper(text) : /^\p{Ll}/u.test(text)
      if (!sameCase) break
    }
    parts.push(text)
  }
  return { text: parts.length ? parts.join(' ') : undefined, next: i }
}

/**
 * A web page's date stamp in front of the first line ("date 2025-11-19 Sổ tay …"): the ISO date and
 * the lines without it.
 */
export function takeDateStamp(lines: Line[]): { date?: string; lines: Line[] } {
  if (lines.length === 0) return { lines }
  const first = collapseSpaces(lines[0].text)
  const stamp = DATE_STAMP.exec(first)
  if (!stamp) return { lines }
  return { date: stampDate(stamp[1]), lines: [{ ...lines[0], text: first.slice(stamp[0].length) }, ...lines.slice(1)] }
}

/** The headline of a news article: its first logical line, when it is not a sentence or a list item. */
export function isHeadline(line: string | undefined): boolean {
  return line !== undefined && line.length > 0 && line.length <= 250 && !/[.;:,!?…]$/.test(line) && !startsBlock(line)
}
