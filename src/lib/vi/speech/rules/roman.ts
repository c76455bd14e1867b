/**
 * Roman numerals where Vietnamese texts use them: after words that number things (Đại hội XIII, khóa
 * XIV, Chương II, Phần I, Mục III, thế kỷ XXI, lists "khóa XI, XII và XIII"), as ordinals after "thứ"
 * (lần thứ IV → lần thứ tư), and as heading numbers at the start of a line ("II. NỘI DUNG"). Elsewhere
 * a capital I is a letter, not a number.
 */
import type { Rule } from '../draft'
import { readCardinal, readInteger, readOrdinal } from '../numbers'
import { parseRoman } from '../roman'

const KEYWORDS = [
  'đại hội', 'khóa', 'chương', 'phần', 'mục', 'tiểu mục', 'thứ', 'hội nghị', 'quốc hội', 'trung ương',
  'thế kỷ', 'thế kỉ', 'quý', 'tập', 'quyển', 'phụ lục', 'hạng', 'cấp', 'loại', 'nhóm', 'vùng', 'khu vực',
  'quân khu', 'quân đoàn', 'sư đoàn', 'giai đoạn', 'đợt', 'kỳ', 'kì', 'bài', 'phiên',
].join('|')

/**
 * Numerals up to XXXIX plus XL–LXXXIX: enough for chapters, congresses and centuries. C, D and M are left
 * out on purpose: "loại C", "nhóm D" are letters.
 */
const NUMERAL = '(?:[IVX]+|X?L[IVX]*)'
const LINK = '[^\\S\\n]*(?:,|và|-|–|đến|tới)[^\\S\\n]*'

/** Reads "XI, XII và XIII" or "I-III"; null when any numeral is not a well-formed upper-case one. */
function readSequence(sequence: string, ordinal: boolean): string | null {
  const words: string[] = []
  for (const piece of sequence.split(/([^\S\n]*(?:,|và|-|–|đến|tới)[^\S\n]*)/)) {
    const link = piece.trim()
    if (link === '' || link === ',' || link === 'và' || link === 'đến' || link === 'tới') {
      if (link) words.push(link === ',' ? ',' : ` ${link}`)
      continue
    }
    if (link === '-' || link === '–') {
      words.push(' đến')
      continue
    }
    const value = parseRoman(link)
    if (value === null) return null
    words.push(` ${ordinal ? readOrdinal(value) : readInteger(value)}`)
  }
  return words.join('').trim()
}

export const romanRules: Rule[] = [
  {
    // an optional year after a slash: "quý I/2026"
    pattern: new RegExp(
      `(?<=(?:^|[^\\p{L}])(${KEYWORDS})[^\\S\\n]+)(${NUMERAL}(?:${LINK}${NUMERAL})*)(?:/(\\d{4}))?(?![\\p{L}\\p{N}])`,
      'giu',
    ),
    replace: (m) => {
      const numerals = readSequence(m[2], m[1].toLowerCase() === 'thứ')
      if (numerals === null) return undefined
      return m[3] ? `${numerals} năm ${readCardinal(m[3])}` : numerals
    },
  },
  {
    // "II. NỘI DUNG", "IV) Tổ chức thực hiện"
    pattern: new RegExp(`(?<=(?:^|\\n)[^\\S\\n]*)${NUMERAL}(?=[.)][^\\S\\n])`, 'gu'),
    replace: (m) => {
      const value = parseRoman(m[0])
      return value === null ? undefined : readInteger(value)
    },
  },
]
