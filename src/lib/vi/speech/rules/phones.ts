/**
 * Telephone numbers and other codes, read digit by digit in the groups they are written in:
 * "0912 345 678" → "không chín một hai, ba bốn năm, sáu bảy tám". Covers Vietnamese numbers (ten or
 * eleven digits starting with 0, or +84), 1800/1900 hotlines, and any digit string of five or more
 * digits after words such as "mã số", "số tài khoản", "điện thoại".
 */
import type { Rule } from '../draft'
import { readDigits } from '../numbers'

/** Groups as written, or 4-3-3 / 3-4-4 when written without separators. */
function groups(number: string): string[] {
  const written = number.split(/[^\d]+/).filter(Boolean)
  if (written.length > 1) return written
  const digits = written[0] ?? ''
  const sizes = digits.length === 10 ? [4, 3, 3] : digits.length === 11 ? [3, 4, 4] : [digits.length]
  const out: string[] = []
  let at = 0
  for (const size of sizes) out.push(digits.slice(at, (at += size)))
  return out
}

function readPhone(number: string): string {
  return groups(number).map(readDigits).join(', ')
}

const digitCount = (s: string) => s.replace(/\D/g, '').length
const SEP = '[^\\S\\n]?[.-]?[^\\S\\n]?'

/** Words after which a long digit string is a code, not a quantity (up to three words may follow). */
const CODE_WORDS =
  'mã số|mã|số hiệu|số tài khoản|tài khoản|stk|số điện thoại|điện thoại|sđt|đt|hotline|đường dây nóng|fax|' +
  'số thẻ|cccd|cmnd|căn cước|định danh|mã số thuế|mst|hộ chiếu|số sê ri|số seri|tel|zalo|liên hệ|gọi'

export const phoneRules: Rule[] = [
  {
    // +84 912 345 678, +84 (0) 24 3822 1234
    pattern: new RegExp(`\\+84${SEP}(?:\\(0\\)${SEP})?\\d(?:${SEP}\\d){7,9}(?!\\d)`, 'gu'),
    replace: (m) => `cộng tám bốn, ${readPhone(m[0].replace(/^\+84/, '').replace(/\(0\)/, ''))}`,
  },
  {
    // 0912 345 678, 0243.8221.234, (024) 3822 1234, 0912345678
    pattern: new RegExp(`(?<![\\p{L}\\p{N}.,+/-])\\(?0\\d{1,3}\\)?${SEP}\\d{2,4}(?:${SEP}\\d{2,4}){0,2}(?![\\p{N}]|[.,/-]\\d)`, 'gu'),
    replace: (m) => ([10, 11].includes(digitCount(m[0])) ? readPhone(m[0]) : undefined),
  },
  {
    // hotlines: 1900 1234, 1800.6789, 1900 55 88 99
    pattern: new RegExp(`(?<![\\p{L}\\p{N}.,/-])1[89]00(?:${SEP}\\d{2,4}){1,3}(?![\\p{N}]|[.,/-]\\d)`, 'gu'),
    replace: (m) => ([8, 10].includes(digitCount(m[0])) ? readPhone(m[0]) : undefined),
  },
  {
    // Mã số đảng viên 01.004567, số tài khoản 1234 5678 9012
    // (the cheap lookahead for five digits comes first so that the long lookbehind runs rarely)
    pattern: new RegExp(
      `(?<![\\p{N}])(?=\\d(?:${SEP}\\d){4})(?<=(?:^|[^\\p{L}])(?:${CODE_WORDS})(?:[^\\S\\n]+\\p{L}+){0,3}[^\\S\\n]*:?[^\\S\\n]*)\\d(?:${SEP}\\d)*(?![\\p{N}])`,
      'giu',
    ),
    replace: (m) => readPhone(m[0]),
  },
]
