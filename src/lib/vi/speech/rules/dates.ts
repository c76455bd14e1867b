/**
 * Dates and date ranges: "10/7/2025", "ngày 10-7-2025", "10-12/7/2025", "từ 10/7 đến 12/7/2025",
 * "tháng 7/2025", "ngày 30/11". A day and month without a year is a date where the words before call for
 * one (ngày, sáng, từ, thứ Hai…) or when the day exceeds the month ("30/4"); elsewhere "1/4" stays a
 * fraction.
 */
import { type Rule, wordBefore } from '../draft'
import { readCardinal, readMonth } from '../numbers'

const DAY = '(0?[1-9]|[12]\\d|3[01])'
const MONTH = '(0?[1-9]|1[0-2])'
const YEAR = '(\\d{4})'
const START = '(?<![\\p{L}\\p{N}/.,-])'
const END = '(?![\\p{N}]|[/.-]\\d)'

/** Words after which a day/month pair is a date ("sáng 2/9", "Quốc khánh 2/9", "thứ Hai, 10/7"). */
const DATE_CONTEXT = new RegExp(
  '(?:^|[^\\p{L}])(?:ngày|hôm|sáng|trưa|chiều|tối|đêm|mồng|mùng|từ|đến|tới|trước|sau|vào|nay|dịp|lễ|tết|quốc\\s+khánh|' +
    'thứ\\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\\s+nhật|cn|' +
    // right after another date: "ngày 10/7 và 12/7"
    'tháng(?:\\s+\\p{L}+){1,2}\\s*(?:,|và|hoặc))[\\s,]*$',
  'iu',
)
/** Before a number and a year, these words mean the number is not a month ("quý 3/2025", "số 15/2020"). */
const NOT_MONTH = new Set(['quý', 'số', 'đợt', 'kỳ', 'khóa', 'lần', 'đoạn', 'phần'])

const n = (digits: string) => Number(digits)

/** "ngày " unless the text already says it. */
function dayWord(text: string, index: number): string {
  return ['ngày', 'mồng', 'mùng'].includes(wordBefore(text, index)) ? '' : 'ngày '
}

function dayMonth(day: string, month: string): string {
  return `${readCardinal(day)} tháng ${readMonth(n(month))}`
}

const year = (digits: string | undefined) => (digits ? ` năm ${readCardinal(digits)}` : '')

export const dateRules: Rule[] = [
  {
    // 10-12/7/2025: days 10 to 12 of one month
    pattern: new RegExp(`${START}${DAY}\\s*[-–]\\s*${DAY}([/.])${MONTH}(?:\\3${YEAR})?${END}`, 'gu'),
    replace: (m, text) =>
      n(m[1]) < n(m[2])
        ? `${dayWord(text, m.index)}${readCardinal(m[1])} đến ${dayMonth(m[2], m[4])}${year(m[5])}`
        : undefined,
  },
  {
    // 10/7 - 12/7/2025, 10/7 đến 12/7/2025
    pattern: new RegExp(
      `${START}${DAY}([/.-])${MONTH}(?:\\2${YEAR})?\\s*(?:[-–]|đến|tới)\\s*(?:ngày\\s+)?${DAY}\\2${MONTH}(?:\\2${YEAR})?${END}`,
      'giu',
    ),
    replace: (m, text) =>
      m[2] === '-' && !m[4] && !m[7]
        ? undefined
        : `${dayWord(text, m.index)}${dayMonth(m[1], m[3])}${year(m[4])} đến ngày ${dayMonth(m[5], m[6])}${year(m[7])}`,
  },
  {
    pattern: new RegExp(`${START}${DAY}([/.-])${MONTH}\\2${YEAR}${END}`, 'gu'),
    replace: (m, text) => `${dayWord(text, m.index)}${dayMonth(m[1], m[3])}${year(m[4])}`,
  },
  {
    // tháng 7/2025, 7/2025, quý 3/2025
    pattern: new RegExp(`${START}(\\d{1,2})([/.-])((?:1[89]|20)\\d\\d)${END}`, 'gu'),
    replace: (m, text) => {
      const before = wordBefore(text, m.index)
      const value = n(m[1])
      const isMonth = value >= 1 && value <= 12
      if (before === 'tháng' && isMonth) return `${readMonth(value)}${year(m[3])}`
      if (NOT_MONTH.has(before) || (!isMonth && m[2] === '/')) return `${readCardinal(m[1])}${year(m[3])}`
      return isMonth ? `tháng ${readMonth(value)}${year(m[3])}` : undefined
    },
  },
  {
    // ngày 30/11, sáng 2/9, and 30/4 alone (a day after its month is no fraction anyone writes)
    pattern: new RegExp(`${START}${DAY}([/.-])${MONTH}${END}`, 'gu'),
    replace: (m, text) =>
      DATE_CONTEXT.test(text.slice(Math.max(0, m.index - 40), m.index)) || n(m[1]) > n(m[3])
        ? `${dayWord(text, m.index)}${dayMonth(m[1], m[3])}`
        : undefined,
  },
]
