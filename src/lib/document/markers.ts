/**
 * Recognisers for the line starts that carry structure in Vietnamese documents: heading markers
 * (Phần, Chương, Mục, Điều, I., 1., 1.1., a)), bullets, header separators and page furniture.
 * Lines are expected trimmed and canonical (NFC).
 */

/** A heading marker at the start of a line; `kind` is refined by context later (number → khoản). */
export interface Marker {
  kind: 'phan' | 'chuong' | 'muc' | 'dieu' | 'roman' | 'number' | 'subnumber' | 'letter'
  number: string
  /** The marker as printed ("Điều 3.", "1.2.", "a)"). */
  marker: string
  /** Text after the marker, trimmed (may be empty). */
  rest: string
}

const UPPER_START = /^[\p{Lu}]/u
/**
 * Text after a keyword number: a separator then anything, or an upper-case title, or nothing.
 * "Mục II của Kế hoạch" (a wrapped sentence) is therefore not a heading.
 */
const KEYWORD_TAIL = String.raw`(?:\s*[.:]\s*(.*)|\s*[-–]\s+(.*)|\s+(\p{Lu}[^\p{Ll}]*)|\s*)$`
const ROMAN = '(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})'
const ORDINALS = '(?:nhất|một|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|NHẤT|MỘT|HAI|BA|TƯ|BỐN|NĂM|SÁU|BẢY|TÁM|CHÍN|MƯỜI)'

/** Keyword headings; group 1 is the marker, group 2 the number, groups 3–5 the tail. */
const KEYWORD_MARKERS: Array<{ kind: Marker['kind']; re: RegExp }> = [
  {
    kind: 'phan',
    re: new RegExp(String.raw`^((?:Phần|PHẦN)\s+((?:thứ|THỨ)\s+${ORDINALS}(?:\s+${ORDINALS})?|${ROMAN}|\d{1,2}))` + KEYWORD_TAIL, 'u'),
  },
  { kind: 'chuong', re: new RegExp(String.raw`^((?:Chương|CHƯƠNG)\s+(${ROMAN}|\d{1,3}))` + KEYWORD_TAIL, 'u') },
  { kind: 'muc', re: new RegExp(String.raw`^((?:Mục|MỤC)\s+(${ROMAN}|\d{1,3}))` + KEYWORD_TAIL, 'u') },
  { kind: 'dieu', re: new RegExp(String.raw`^((?:Điều|ĐIỀU)\s+(\d{1,3}[a-z]?))` + KEYWORD_TAIL, 'u') },
]

const ROMAN_MARKER = new RegExp(String.raw`^((${ROMAN})\s*[.\-–])\s+(\S.*)$`, 'u')
const SUBNUMBER_MARKER = /^((\d{1,2}(?:\.\d{1,2})+)\.?)\s+(\S.*)$/u
const NUMBER_MARKER = /^((\d{1,2})\s*[.)-])\s+(\S.*)$/u
const LETTER_MARKER = /^(([a-zđ])[).])\s+(\S.*)$/u

/** Recognises a heading marker at the start of `line`, or returns null. */
export function parseMarker(line: string): Marker | null {
  for (const { kind, re } of KEYWORD_MARKERS) {
    const m = re.exec(line)
    if (!m) continue
    const rest = (m[3] ?? m[4] ?? m[5] ?? '').trim()
    const marker = line.slice(0, line.length - rest.length).trim()
    return { kind, number: m[2], marker, rest }
  }
  const roman = ROMAN_MARKER.exec(line)
  if (roman && UPPER_START.test(roman[3])) return { kind: 'roman', number: roman[2], marker: roman[1], rest: roman[3] }
  const sub = SUBNUMBER_MARKER.exec(line)
  if (sub) return { kind: 'subnumber', number: sub[2], marker: sub[1], rest: sub[3] }
  const num = NUMBER_MARKER.exec(line)
  if (num && !/^\d/.test(num[3])) return { kind: 'number', number: num[2], marker: num[1], rest: num[3] }
  const letter = LETTER_MARKER.exec(line)
  if (letter) return { kind: 'letter', number: letter[2], marker: letter[1], rest: letter[3] }
  return null
}

const BULLET = /^([-–—+•●▪◦∙·*])\s*(\S.*)$/u

/** A bullet item ("- Căn cứ …", "+ …", "• …"): its bullet and text, or null. */
export function parseBullet(line: string): { bullet: string; text: string } | null {
  const m = BULLET.exec(line)
  if (!m) return null
  // "-2-" is page furniture and "--" a rule, not bullets.
  if (/^[-–—]?\s*\d+\s*[-–—]?$/.test(line) || /^[-–—_*=.]+$/.test(m[2])) return null
  return { bullet: m[1] === '–' || m[1] === '—' ? '-' : m[1], text: m[2] }
}

/** Header-block decorations: "*", "---------------", "_____", "-----o0o-----". */
export function isSeparator(line: string): boolean {
  return /^[\s*\-–—_=~.·o0O]*$/.test(line) && /[*\-–—_=~]/.test(line) && !/[1-9]/.test(line)
}

/** Page furniture: "2", "- 2 -", "Trang 2", "Trang 2/5", "2/5", "Page 2 of 5". */
export function isPageNumber(line: string): boolean {
  return (
    /^[-–—]?\s*\d{1,3}\s*[-–—]?$/.test(line) ||
    /^trang\s+\d{1,3}(\s*(\/|trên|của|of)\s*\d{1,3})?$/iu.test(line) ||
    /^page\s+\d{1,3}(\s*(\/|of)\s*\d{1,3})?$/i.test(line) ||
    /^\d{1,3}\s*\/\s*\d{1,3}$/.test(line)
  )
}

/** True when the line starts a structural unit that must never be joined to the previous line. */
export function startsBlock(line: string): boolean {
  return parseMarker(line) !== null || parseBullet(line) !== null || isSeparator(line)
}

/** Next letter of a point sequence, allowing the Vietnamese "đ" after "d" to be skipped or used. */
export function isNextLetter(previous: string, next: string): boolean {
  const order = 'abcdđefghiklmnopqrstuvxy'
  const i = order.indexOf(previous)
  const j = order.indexOf(next)
  if (i < 0 || j < 0) return false
  return j > i && j - i <= 2
}

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10 }

/** Value of a roman numeral made of I, V, X ("XIV" → 14); NaN for anything else. */
export function romanValue(roman: string): number {
  let total = 0
  const up = roman.toUpperCase()
  for (let i = 0; i < up.length; i++) {
    const v = ROMAN_VALUES[up[i]]
    if (v === undefined) return NaN
    const next = ROMAN_VALUES[up[i + 1]] ?? 0
    total += v < next ? -v : v
  }
  return total
}
