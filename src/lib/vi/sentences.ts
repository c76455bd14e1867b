/**
 * Vietnamese sentence splitting for news and Party/state documents.
 *
 * A boundary can only fall in a run of white space (a "gap"). Two kinds of evidence decide it:
 *  - terminal punctuation (. ! ? … ...) before the gap, possibly followed by closing quotes or
 *    brackets — unless it ends an abbreviation that stands before a name (TP., PGS.TS., Th.S., GS.),
 *    a name initial (Nguyễn V. Anh), or a heading/list marker (Điều 3., Chương II., 1., a., I.),
 *    or the next word starts in lower case;
 *  - a line break without terminal punctuation: a boundary unless the line is soft-wrapped (the
 *    next line starts in lower case, or the line ends with a comma, hyphen or a function word).
 *    Headings, list items and all-capital lines (document headers, signature titles) stand alone.
 * Dots inside a token never split it: numbers (1.234,5), dates (10.7.2025), Tp.HCM, v.v.
 * Document numbers (339-QĐ/TW, 100/2019/NĐ-CP) hold no gap and stay whole.
 *
 * Pure functions, no I/O.
 */

export interface SentenceSpan {
  /** The sentence with its white space collapsed (line wraps joined). */
  text: string
  /** Offset of the first character in the input. */
  start: number
  /** Offset just past the last character in the input. */
  end: number
}

/** Punctuation that can close a sentence. */
const TERMINAL = /[.!?…]$/u
/** Closing quotes and brackets that may follow the terminal punctuation. */
const CLOSERS = /["'”’»)\]}]+$/u
/** Opening quotes, brackets and dashes that may precede the first word of a sentence. */
const OPENERS = /^[\s"'“‘«([{\-–—]*/u

/**
 * Abbreviations written before a name or a place, never at the end of a sentence.
 * Compound forms (PGS.TS., Th.S., ThS.BS.) are accepted when every part is listed.
 */
const PREFIX_ABBREVIATIONS = new Set([
  'TP', 'Tp', 'tp', 'TX', 'Tx', 'TT', 'Q', 'P', 'H', 'X',
  'GS', 'PGS', 'TS', 'ThS', 'Th', 'S', 'BS', 'CKI', 'CKII', 'KS', 'KTS', 'CN', 'NCS', 'TSKH', 'NGND', 'NGƯT', 'NSND', 'NSƯT',
  'Đ/c', 'đ/c', 'Mr', 'Mrs', 'Ms', 'Dr', 'St', 'Nxb', 'NXB', 'tr',
])

/** Heading or list marker that opens a sentence: "Điều 3.", "Chương II.", "1.", "1.2.", "a.", "I.". */
const MARKER_ONLY =
  /^(?:[-+•*]\s*)?(?:(?:Điều|Chương|Mục|Phần|Tiết|Khoản|Điểm|Bước|Phụ lục)\s+)?(?:\d+|[IVXLCDM]+|[a-zđ])(?:\.\d+)*\.$/iu

/** A line that starts a list item or a heading. */
const LIST_START = /^(?:[-+•*▪●◦]\s|\d+(?:\.\d+)*[.)]\s|[IVXLCDM]+[.)]\s|[a-zđ][.)]\s)/u

/** A heading line of a regulation: "Điều 6. Hiệu lực thi hành", "Chương II", "PHỤ LỤC 1". */
const HEADING_START = /^(?:Điều|Chương|Mục|Phần|Tiết|Phụ lục)\s+(?:\d+|[IVXLCDM]+)(?:[.:]|\s*$|\s+[-–])/iu

/** Syllables after which a line cannot end a sentence: the sentence goes on after the wrap. */
const CONTINUATION_WORDS = new Set(
  (
    'và của với các những theo về cho tại trong là hoặc hay số ngày tháng năm để do bởi từ đến vào trên dưới ' +
    'giữa như mà thì nhưng nếu khi được bị có không đã sẽ đang các một này ở qua cùng nhằm việc'
  ).split(' '),
)

const HAS_TEXT = /[\p{L}\p{N}]/u
const LOWER_START = /^\p{Ll}/u

function firstWordChar(rest: string): string {
  return rest.replace(OPENERS, '').charAt(0)
}

function startsLowerCase(rest: string): boolean {
  return LOWER_START.test(firstWordChar(rest))
}

function isAllCaps(line: string): boolean {
  const letters = line.match(/\p{L}/gu) ?? []
  return letters.length >= 2 && !/\p{Ll}/u.test(line)
}

function lastToken(text: string): string {
  let i = text.length
  while (i > 0 && !/\s/u.test(text[i - 1])) i--
  return text.slice(i)
}

function firstLine(text: string): string {
  const nl = text.indexOf('\n')
  return (nl < 0 ? text : text.slice(0, nl)).trim()
}

function lastLine(text: string): string {
  return text.slice(text.lastIndexOf('\n') + 1).trim()
}

/** "PGS.TS." → true, "TP." → true, "Tp.HCM." → false. */
function isPrefixAbbreviation(core: string): boolean {
  const body = core.replace(/^[("'“‘«[]+/u, '').replace(/\.$/u, '')
  if (!body) return false
  return body.split('.').every((part) => PREFIX_ABBREVIATIONS.has(part))
}

/** A single capital letter after a capitalised word: the initial inside a name ("Nguyễn V. Anh"). */
function isNameInitial(core: string, before: string): boolean {
  if (!/^\p{Lu}\.$/u.test(core)) return false
  const previous = lastToken(before.slice(0, before.length - core.length).trimEnd())
  return /^\p{Lu}/u.test(previous)
}

/** Decision at a gap whose left side ends with terminal punctuation (`token` is its last token). */
function endsAtPunctuation(token: string, sentence: string, rest: string): boolean {
  if (startsLowerCase(rest)) return false
  const core = token.replace(CLOSERS, '')
  if (/[!?…]$/u.test(core) || core.endsWith('..')) return true
  if (MARKER_ONLY.test(sentence.trim())) return false
  if (core.length < token.length) return true // "…đảng viên." Ông nói: the quote closed the sentence
  return !isPrefixAbbreviation(core) && !isNameInitial(core, sentence)
}

/**
 * Width of the lines of a hard-wrapped text (PDF or e-mail extraction), or 0 when the text is not
 * hard-wrapped. Evidence of wrapping: lines without closing punctuation followed by a line that starts in
 * lower case. A line about as long as those is a wrapped line even when the next one starts with a
 * capital ("…thực hiện Nghị quyết\nĐại hội XIII").
 */
function wrapWidth(text: string): number {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => HAS_TEXT.test(l))
  const wrapped: number[] = []
  for (let i = 0; i + 1 < lines.length; i++) {
    const closed = /[.!?…:;]$/u.test(lines[i].replace(CLOSERS, ''))
    if (!closed && startsLowerCase(lines[i + 1])) wrapped.push(lines[i].length)
  }
  if (wrapped.length < 3 || wrapped.length < lines.length / 5) return 0
  wrapped.sort((a, b) => a - b)
  return wrapped[Math.floor(wrapped.length / 2)]
}

/** Share of the wrap width above which a line is taken as wrapped. */
const WRAPPED_LINE_SHARE = 0.8

/** Decision at a line break whose left side has no terminal punctuation. */
function endsAtLineBreak(sentence: string, rest: string, blankLine: boolean, width: number): boolean {
  const before = lastLine(sentence)
  const after = firstLine(rest)
  if (!HAS_TEXT.test(before) || !HAS_TEXT.test(after)) return true
  if (isAllCaps(before)) return isAllCaps(after) ? blankLine : !startsLowerCase(after)
  if (isAllCaps(after)) return true
  if (HEADING_START.test(sentence.trimStart())) return !startsLowerCase(after) // a heading line stands alone
  if (startsLowerCase(after)) return false
  if (/[:;]$/u.test(before)) return true
  if (/[,(/&\-–]$/u.test(before)) return false
  if (width > 0 && before.length >= WRAPPED_LINE_SHARE * width) return false
  const word = lastToken(before).toLowerCase()
  return !CONTINUATION_WORDS.has(word)
}

/** Text of a span: line wraps joined, a word hyphenated across lines ("16-\nHD/BTGDVTU") rejoined. */
function cleanSpan(raw: string): string {
  return raw
    .replace(/([\p{L}\p{N}])-[ \t]*\n\s*(?=[\p{Lu}\p{N}])/gu, '$1-')
    .replace(/\s+/gu, ' ')
    .trim()
}

/** Splits `text` into sentences with their offsets in `text`. Segments without letters or digits are dropped. */
export function splitSentenceSpans(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = []
  let start = 0
  const close = (end: number): void => {
    const raw = text.slice(start, end)
    const lead = raw.length - raw.trimStart().length
    const trimmed = raw.trim()
    if (HAS_TEXT.test(trimmed)) {
      const s = start + lead
      spans.push({ text: cleanSpan(trimmed), start: s, end: s + trimmed.length })
    }
  }
  const width = wrapWidth(text)
  const gap = /\s+/gu
  for (let m = gap.exec(text); m; m = gap.exec(text)) {
    const gapStart = m.index
    const gapEnd = gapStart + m[0].length
    if (gapEnd >= text.length) break
    if (gapStart <= start) continue // white space at the very start
    const sentence = text.slice(start, gapStart)
    const rest = text.slice(gapEnd)
    const newlines = (m[0].match(/\n/g) ?? []).length
    const nextLine = newlines > 0 ? firstLine(rest) : ''
    const token = lastToken(sentence)
    let cut: boolean
    if (LIST_START.test(nextLine) || HEADING_START.test(nextLine)) cut = true
    else if (TERMINAL.test(token.replace(CLOSERS, ''))) cut = endsAtPunctuation(token, sentence, rest)
    else cut = newlines > 0 && endsAtLineBreak(sentence, rest, newlines > 1, width)
    if (cut) {
      close(gapStart)
      start = gapEnd
    }
  }
  close(text.length)
  return spans
}

/** Splits `text` into sentences (white space collapsed). */
export function splitSentences(text: string): string[] {
  return splitSentenceSpans(text).map((s) => s.text)
}
