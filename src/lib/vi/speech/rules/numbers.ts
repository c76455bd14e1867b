/**
 * Numbers left after dates, times, phones, document numbers and units: ordinals after "thứ", months
 * after "tháng", fractions and plain numbers; and, before units, ranges ("2026-2030" → "… đến …") and
 * minus signs.
 */
import type { Rule } from '../draft'
import { readCardinal, readDenominator, readMonth, readNumberToken, readOrdinal } from '../numbers'
import { NUMBER } from './patterns'

/** A fraction is said with "phần" when it is a part of a whole (1/4, 2/3), with "trên" otherwise (15/20, 3/2). */
function readSlashed(numerator: string, denominator: string): string {
  const top = Number(numerator)
  const bottom = Number(denominator)
  if (top < bottom && top < 10) return `${readCardinal(numerator)} phần ${readDenominator(denominator)}`
  return `${readCardinal(numerator)} trên ${readCardinal(denominator)}`
}

/** Signs between and before numbers; run before units so that "5-7%" and "-5°C" keep them. */
export const signRules: Rule[] = [
  {
    // a dash between two numbers is a range: 2026-2030, 5-7%
    pattern: /(?<=\d[^\S\n]*)[-–—](?=[^\S\n]*\d)/gu,
    replace: () => ' đến ',
  },
  {
    // the same word on both sides: "thứ 2 - thứ 6", "tháng 3 – tháng 5", "Điều 3 - Điều 5"
    pattern: /(?<=(?:^|[^\p{L}])(\p{L}+)[^\S\n]+\d+[^\S\n]*)[-–—](?=[^\S\n]*\1[^\S\n]+\d)/giu,
    replace: () => ' đến ',
  },
  {
    // a minus sign right before a number, after a space or an opening bracket: -5°C
    pattern: /(?<=^|[\s(:])[-−](?=\d)/gu,
    replace: () => 'âm ',
  },
]

export const numberRules: Rule[] = [
  {
    // thứ 3 → thứ ba, thứ 1 → thứ nhất, thứ 4 → thứ tư
    pattern: /(?<=(?:^|[^\p{L}])thứ[^\S\n]+)\d+(?![\p{N}]|[.,:/]\d)/giu,
    replace: (m) => readOrdinal(Number(m[0])),
  },
  {
    // tháng 4 → tháng tư
    pattern: /(?<=(?:^|[^\p{L}])tháng[^\S\n]+)(?:0?[1-9]|1[0-2])(?![\p{N}]|[.,:/-]\d)/giu,
    replace: (m) => readMonth(Number(m[0])),
  },
  {
    // 1/4, 18/20, 3.120/3.500
    pattern: /(?<![\p{L}\p{N}/.,])(\d{1,3}(?:\.\d{3})+|\d+)\/(\d{1,3}(?:\.\d{3})+|\d+)(?![\p{N}]|[/.,]\d)/gu,
    replace: (m) => readSlashed(m[1].replace(/\./g, ''), m[2].replace(/\./g, '')),
  },
  { pattern: new RegExp(NUMBER, 'gu'), replace: (m) => readNumberToken(m[0]) },
]
