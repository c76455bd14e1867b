/**
 * Line-level clean-up of extracted text: Unicode normalisation, page furniture removal (page numbers,
 * running headers/footers) and re-joining of lines that PDF layout broke mid-sentence.
 */
import { canonical } from '../vi/text'
import { isPageNumber, isSeparator, parseBullet, parseMarker, startsBlock } from './markers'

/** One physical line after clean-up; `gapBefore` marks a blank line (paragraph break) before it. */
export interface Line {
  text: string
  gapBefore: boolean
}

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g

/** Canonical Unicode, one kind of space, no invisible characters, no control characters. */
export function normaliseText(text: string): string {
  return canonical(text)
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/g, '')
}

/** Collapses runs of spaces and trims. */
export function collapseSpaces(line: string): string {
  return line.replace(/ {2,}/g, ' ').trim()
}

/** Header and signature lines set in two columns come out of PDF extraction side by side, separated by wide gaps. */
export function splitColumns(line: string): string[] {
  return line.split(/\s{3,}/).map(collapseSpaces).filter(Boolean)
}

/**
 * Splits normalised text into pages (on form feeds) and lines, dropping page numbers and running
 * headers/footers. Blank lines become `gapBefore` flags on the following line.
 */
export function physicalLines(text: string): Line[] {
  const pages = text.split('\f').map((page) => page.split('\n').map((l) => l.trimEnd()))
  const furniture = runningFurniture(pages)
  const lines: Line[] = []
  let gap = false
  for (const page of pages) {
    // A page break is not a paragraph break: blank lines at the top of a page and around dropped
    // furniture say nothing about the text.
    let pageTop = true
    for (const raw of page) {
      const text = raw.trim()
      if (!text) {
        gap = !pageTop
        continue
      }
      if (isPageNumber(text) || furniture.has(furnitureKey(text))) {
        gap = false
        continue
      }
      lines.push({ text, gapBefore: gap })
      gap = false
      pageTop = false
    }
  }
  return lines
}

/** Digits do not distinguish running headers ("Trang 3 - Công báo số 12"). */
function furnitureKey(line: string): string {
  return collapseSpaces(line).replace(/\d+/g, '#')
}

/**
 * Running headers and footers: short lines repeated at the top or bottom of several pages, or (when
 * the text has no page breaks) repeated three or more times far apart. Structure lines never count.
 */
function runningFurniture(pages: string[][]): Set<string> {
  if (pages.length === 1) return repeatedFarApart(pages[0], 3)
  const counts = new Map<string, number>()
  for (const edges of pages.map(pageEdges)) {
    for (const key of new Set(edges.filter(isFurnitureCandidate).map(furnitureKey))) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  const threshold = Math.max(2, Math.ceil(pages.length / 2))
  return new Set([...counts].filter(([, n]) => n >= threshold).map(([key]) => key))
}

/** First two and last two non-blank lines of a page. */
function pageEdges(page: string[]): string[] {
  const lines = page.map((l) => l.trim()).filter(Boolean)
  return [...lines.slice(0, 2), ...lines.slice(-2)]
}

function isFurnitureCandidate(line: string): boolean {
  return line.length <= 100 && !startsBlock(line) && !/[.:;]$/.test(line)
}

/** Lines repeated `threshold`+ times with at least 15 lines between occurrences. */
function repeatedFarApart(lines: string[], threshold: number): Set<string> {
  const positions = new Map<string, number[]>()
  lines.forEach((raw, i) => {
    const line = raw.trim()
    if (!line || !isFurnitureCandidate(line)) return
    const key = furnitureKey(line)
    positions.set(key, [...(positions.get(key) ?? []), i])
  })
  const result = new Set<string>()
  for (const [key, at] of positions) {
    if (at.length >= threshold && at.every((p, i) => i === 0 || p - at[i - 1] >= 15)) result.add(key)
  }
  return result
}

/**
 * True when blank lines carry no meaning: PDF extractors often emit a blank line after every line.
 * Then a blank line must not stop a sentence from being re-joined.
 */
export function blankLinesAreNoise(lines: Line[]): boolean {
  if (lines.length < 6) return false
  const gaps = lines.slice(1).filter((l) => l.gapBefore).length
  return gaps / (lines.length - 1) >= 0.8
}

const SENTENCE_END = /[.!?…:;]["'”’»)\]]*$/u
/** A line continuing a sentence: lower case, closing punctuation, or a bracket opening in lower case. */
const LOWER_START = /^(?:[\p{Ll},;:)\]”’…]|\(\p{Ll})/u

/**
 * Re-joins lines broken by layout. A line continues into the next when it does not end a sentence
 * and the next line does not start a structural unit, and either the next line starts in lower case,
 * the line ends with a comma or hyphen, or the line fills the text width (wrapped by the layout).
 */
export function joinLines(lines: Line[], options: { blankLinesBreak: boolean }): string[] {
  const width = typicalWidth(lines)
  const out: string[] = []
  let current: string | null = null
  for (const line of lines) {
    const text = collapseSpaces(line.text)
    const hardBreak = options.blankLinesBreak && line.gapBefore
    if (current !== null && !hardBreak && continues(current, text, width)) {
      current = joinPair(current, text)
    } else {
      if (current !== null) out.push(current)
      current = text
    }
  }
  if (current !== null) out.push(current)
  return out
}

function continues(previous: string, next: string, width: number): boolean {
  if (startsBlock(next) || isPageNumber(next)) return false
  if (/[\p{L}\p{N}]-$/u.test(previous)) return true // "Hướng dẫn số 16-" + "HD/BTGDVTU"
  if (/[.!?…]["'”’»)\]]*$/u.test(previous)) return false
  if (isSeparator(previous)) return false
  if (LOWER_START.test(next)) return true
  if (SENTENCE_END.test(previous)) return false
  if (/,$/.test(previous)) return true
  return width > 0 && previous.length >= width * 0.8 && !isShortHeading(previous)
}

/** A heading line ("I. MỤC ĐÍCH YÊU CẦU") that happens to be long must not swallow the next line. */
function isShortHeading(line: string): boolean {
  const marker = parseMarker(line)
  if (marker && ['phan', 'chuong', 'muc', 'dieu', 'roman'].includes(marker.kind)) return !/\p{Ll}/u.test(marker.rest)
  return !/\p{Ll}/u.test(line)
}

function joinPair(previous: string, next: string): string {
  if (/[\p{L}\p{N}]-$/u.test(previous)) return previous + next
  return `${previous} ${next}`
}

/**
 * The layout's line width: the 90th percentile of line lengths, when enough lines look wrapped
 * (PDF text). Zero for text whose lines are whole paragraphs.
 */
function typicalWidth(lines: Line[]): number {
  const lengths = lines
    .map((l) => collapseSpaces(l.text))
    .filter((t) => !parseBullet(t) || t.length > 20)
    .map((t) => t.length)
    .sort((a, b) => a - b)
  if (lengths.length < 5) return 0
  const p90 = lengths[Math.floor(lengths.length * 0.9)]
  const wrapped = lengths.filter((n) => n >= p90 * 0.8).length
  return p90 >= 40 && p90 <= 200 && wrapped >= lengths.length * 0.3 ? p90 : 0
}
