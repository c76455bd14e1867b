/**
 * Vietnamese number reading (Northern standard, the register of Party and state documents).
 *
 * Rules applied:
 * - units after "mươi": 1 → "mốt", 4 → "tư", 5 → "lăm" (hai mươi mốt, sáu mươi tư, ba mươi lăm);
 *   after "mười": 5 → "lăm" only (mười một, mười bốn, mười lăm);
 * - a zero tens digit inside a number reads "linh" (một trăm linh năm);
 * - groups of three digits take "nghìn", "triệu"; above that the number of "tỷ" is read as a number
 *   (một nghìn tỷ); an all-zero group is skipped, and a group after a non-empty one is read in full
 *   (một nghìn không trăm linh năm).
 */

export const DIGIT_NAMES = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const

/** Scale words of the groups of three digits below one "tỷ", from the right. */
const SCALES = ['', 'nghìn', 'triệu']

/** Longest digit string read as a quantity (up to "trăm triệu tỷ"); longer strings are codes. */
const MAX_CARDINAL_DIGITS = 18

/** Each digit by name: "0912" → "không chín một hai". */
export function readDigits(digits: string): string {
  return [...digits].filter((c) => c >= '0' && c <= '9').map((c) => DIGIT_NAMES[Number(c)]).join(' ')
}

/** Tens and units (0–99) of a group; `afterHundreds` selects "linh" for a lone unit (một trăm linh năm). */
function readTensUnits(tens: number, units: number, afterHundreds: boolean): string[] {
  if (tens === 0) {
    if (units === 0) return []
    return afterHundreds ? ['linh', DIGIT_NAMES[units]] : [DIGIT_NAMES[units]]
  }
  if (tens === 1) return units === 0 ? ['mười'] : ['mười', units === 5 ? 'lăm' : DIGIT_NAMES[units]]
  const words = [DIGIT_NAMES[tens], 'mươi']
  if (units === 1) words.push('mốt')
  else if (units === 4) words.push('tư')
  else if (units === 5) words.push('lăm')
  else if (units > 0) words.push(DIGIT_NAMES[units])
  return words
}

/** One group of three digits (1–999). `full` reads a zero hundreds digit ("không trăm") as inside a number. */
function readGroup(group: number, full: boolean): string[] {
  const hundreds = Math.floor(group / 100)
  const tens = Math.floor(group / 10) % 10
  const units = group % 10
  if (hundreds === 0 && !full) return readTensUnits(tens, units, false)
  return [DIGIT_NAMES[hundreds], 'trăm', ...readTensUnits(tens, units, true)]
}

/** A non-negative integer written as digits ("2026" → "hai nghìn không trăm hai mươi sáu"). */
export function readCardinal(digits: string): string {
  const clean = digits.replace(/^0+(?=\d)/, '')
  if (!/^\d+$/.test(clean)) throw new Error(`Không phải số nguyên: "${digits}"`)
  if (clean.length > MAX_CARDINAL_DIGITS) return readDigits(clean)
  if (clean === '0') return DIGIT_NAMES[0]
  return readPositive(clean, false).join(' ')
}

/**
 * Words of a positive number. Above a billion the count of "tỷ" is itself read as a number
 * (500 003 tỷ → "năm trăm nghìn không trăm linh ba tỷ"). `inside` means a higher part was already said,
 * so a short leading group is read in full ("không trăm linh năm").
 */
function readPositive(digits: string, inside: boolean): string[] {
  if (digits.length > 9) {
    const billions = digits.slice(0, -9)
    const rest = digits.slice(-9)
    const words = Number(billions) > 0 ? [...readPositive(billions, inside), 'tỷ'] : []
    if (Number(rest) > 0) words.push(...readPositive(rest, inside || words.length > 0))
    return words
  }
  const groups: number[] = []
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(Number(digits.slice(Math.max(0, end - 3), end)))
  const words: string[] = []
  groups.forEach((group, i) => {
    if (group === 0) return
    words.push(...readGroup(group, inside || words.length > 0))
    const scale = SCALES[groups.length - 1 - i]
    if (scale) words.push(scale)
  })
  return words
}

/** Reads an integer value (convenience for small numbers computed elsewhere, e.g. Roman numerals). */
export function readInteger(n: number): string {
  return readCardinal(String(n))
}

/** Ordinal after "thứ": 1 → "nhất", 4 → "tư", otherwise the cardinal (thứ ba, thứ mười bốn). */
export function readOrdinal(n: number): string {
  if (n === 1) return 'nhất'
  if (n === 4) return 'tư'
  return readInteger(n)
}

/** Month number after "tháng": 4 → "tư" (tháng tư), otherwise the cardinal (tháng một, tháng mười hai). */
export function readMonth(n: number): string {
  return n === 4 ? 'tư' : readInteger(n)
}

/** Denominator after "phần": 4 → "tư" (một phần tư), otherwise the cardinal. */
export function readDenominator(digits: string): string {
  return Number(digits) === 4 ? 'tư' : readCardinal(digits)
}

/**
 * Digits after the decimal comma: one or two digits without a leading zero are read as a number
 * ("2,5" → "năm", "87,25" → "hai mươi lăm"); otherwise digit by digit ("0,05" → "không năm").
 */
export function readFraction(digits: string): string {
  return digits.length <= 2 && !digits.startsWith('0') ? readCardinal(digits) : readDigits(digits)
}

/**
 * A number token in Vietnamese notation: "1.234.567" (dots group thousands), "87,25" (comma is the decimal
 * mark), "1.234,5", plain "2025", padded "05". Longer integers with a leading zero ("007") are codes.
 * Dotted sequences that are not thousands ("4.0", "2.1.3") are read part by part with "chấm".
 */
export function readNumberToken(token: string): string {
  const thousands = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(token)
  if (thousands) return withFraction(readCardinal(thousands[1].replace(/\./g, '')), thousands[2])
  const englishThousands = /^\d{1,3}(?:,\d{3}){2,}$/.exec(token)
  if (englishThousands) return readCardinal(token.replace(/,/g, ''))
  const decimal = /^(\d+),(\d+)$/.exec(token)
  if (decimal) return withFraction(readWhole(decimal[1]), decimal[2])
  if (/^\d+(?:\.\d+)+$/.test(token)) {
    const parts = token.split('.')
    // "01.004567" is a code: every part digit by digit; "4.0", "2.1.3" are numbered parts
    const isCode = parts.some((part) => part.length > 1 && part.startsWith('0'))
    return parts.map(isCode ? readDigits : readWhole).join(' chấm ')
  }
  if (/^\d+$/.test(token)) return readWhole(token)
  throw new Error(`Không phải số: "${token}"`)
}

/**
 * An integer. Official style pads small quantities to two digits ("05 năm", "ngày 09", "03 bản"), so
 * "0X" is the number X; longer strings with a leading zero are codes, read digit by digit ("007").
 */
function readWhole(digits: string): string {
  return digits.length > 2 && digits.startsWith('0') ? readDigits(digits) : readCardinal(digits)
}

function withFraction(whole: string, fraction: string | undefined): string {
  return fraction === undefined ? whole : `${whole} phẩy ${readFraction(fraction)}`
}
