/**
 * Raw extracted text (or an HTML page) → `StructuredDocument`.
 *
 * Pipeline: normalise Unicode → physical lines without page furniture → drop web leftovers →
 * header block and title → closing blocks (nơi nhận, chữ ký) → re-join broken body lines →
 * preamble → section tree with stable ids.
 */
import { blankLinesAreNoise, collapseSpaces, joinLines, normaliseText, physicalLines } from './clean'
import { removeBoilerplate, type BoilerplateResult } from './boilerplate'
import { findClosingStart, parseClosing } from './closing'
import { isHeadline, isoDate, parseHeader, PREAMBLE_OPENER, takeDateStamp } from './header'
import { extractArticleBlocks, looksLikeHtml } from './html'
import { parseBullet, parseMarker } from './markers'
import { TreeBuilder } from './structure'
import type { Paragraph, StructuredDocument, Title } from './types'

export interface ParseOptions {
  /** Input format; by default HTML is recognised by its markup. */
  format?: 'text' | 'html'
}

/** Id prefixes of the parts that are not sections. */
export const PART_IDS = { title: 'tieu-de', preamble: 'can-cu', body: 'noi-dung' } as const

/** Parses extracted text or an HTML page into a structured document. Never throws on odd input. */
export function parseDocument(input: string, options: ParseOptions = {}): StructuredDocument {
  const format = options.format ?? (looksLikeHtml(input) ? 'html' : 'text')
  const { lines, source, published } = format === 'html' ? htmlLines(input) : textLines(input)
  const blankLinesBreak = format === 'html' || !blankLinesAreNoise(lines)

  const head = parseHeader(lines)
  const stamped = head.formal ? { lines } : takeDateStamp(lines)
  const closingStart = Math.max(head.next, findClosingStart(stamped.lines))
  const closing = parseClosing(stamped.lines.slice(closingStart))
  const bodyLines = joinLines(stamped.lines.slice(head.next, closingStart), { blankLinesBreak }).map(dropEndMark)
  const header = { ...head.header, date: head.header.date ?? stamped.date ?? published }
  if (!header.date) delete header.date
  const headline = !head.formal && isHeadline(bodyLines[0]) ? bodyLines.shift() : undefined

  const preambleCount = head.formal ? countPreamble(bodyLines) : 0
  const preamble: Paragraph[] = []
  const preambleBuilder = new TreeBuilder({ id: PART_IDS.preamble, children: preamble })
  for (const line of bodyLines.slice(0, preambleCount)) preambleBuilder.add(line)

  const body: StructuredDocument['body'] = []
  const bodyBuilder = new TreeBuilder({ id: PART_IDS.body, children: body })
  const rest = bodyLines.slice(preambleCount)
  for (let i = 0; i < rest.length; i++) {
    if (bodyBuilder.add(rest[i], rest[i + 1]).consumedNext) i++
  }

  const doc: StructuredDocument = {
    kind: head.formal ? 'formal' : 'article',
    header,
    preamble,
    body,
    closing,
  }
  const title = makeTitle(head.type, head.titleText ?? headline)
  if (title) doc.title = title
  if (source) doc.source = source
  return doc
}

/** Clean physical lines of the input, with what was learnt on the way. */
interface SourceLines extends BoilerplateResult {
  /** Publication date of a web page (ISO). */
  published?: string
}

function textLines(text: string): SourceLines {
  return removeBoilerplate(physicalLines(normaliseText(text)))
}

/**
 * Lines of a web page's article. The page title heads an article that lacks one, but never a formal
 * document, whose header block must come first.
 */
function htmlLines(html: string): SourceLines {
  const { title, blocks, published } = extractArticleBlocks(html)
  const result = textLines(blocks.join('\n\n'))
  const date = published ? /^(\d{4})-(\d{2})-(\d{2})/.exec(published) : null
  if (date) result.published = isoDate(Number(date[1]), Number(date[2]), Number(date[3]))
  const heading = title ? collapseSpaces(normaliseText(title)) : ''
  const first = result.lines[0] ? collapseSpaces(result.lines[0].text) : ''
  if (heading && first !== heading && !parseHeader(result.lines).formal) result.lines.unshift({ text: heading, gapBefore: false })
  return result
}

/** "thực hiện./." — the end-of-text mark is not part of the sentence. */
function dropEndMark(line: string): string {
  return line.replace(/\.\/\.$/, '.')
}

/** The enacting line closes the preamble: "… quy định … như sau:", "QUYẾT ĐỊNH:". */
function isEnacting(line: string): boolean {
  return /như sau\s*:$/u.test(line) || /^[\p{Lu}\s]{4,30}:$/u.test(line)
}

/** An upper-case authority line between trích yếu and Căn cứ ("BAN THƯỜNG VỤ TỈNH ỦY"). */
function isAuthorityLine(line: string): boolean {
  return !/\p{Ll}/u.test(line) && /\p{Lu}/u.test(line) && line.split(' ').length <= 12
}

/**
 * Leading paragraphs of a formal document that form its preamble: Căn cứ / Thực hiện / Xét …
 * paragraphs (bulleted or not), an authority line, and the enacting line that ends it.
 */
function countPreamble(lines: string[]): number {
  let count = 0
  for (const line of lines) {
    if (parseMarker(line)) break
    const text = parseBullet(line)?.text ?? line
    const belongs = PREAMBLE_OPENER.test(text) || isEnacting(text) || (isAuthorityLine(text) && count === 0)
    if (!belongs) break
    count++
    if (isEnacting(text)) break
  }
  return count
}

function makeTitle(type: string | undefined, text: string | undefined): Title | undefined {
  if (!type && !text) return undefined
  const full = [type, text].filter(Boolean).join(' ')
  const title: Title = { text: text ?? '', sentences: [{ id: `${PART_IDS.title}.s1`, text: full }] }
  if (type) title.type = type
  return title
}
