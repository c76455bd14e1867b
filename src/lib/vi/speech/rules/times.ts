/**
 * Clock times: "14h30", "7h", "8g30", "14:30", "14:30:15", and ranges "8h-11h30". Minutes are said with
 * "phút" ("bảy giờ ba mươi phút"); zero minutes are left out ("mười sáu giờ").
 */
import type { Rule } from '../draft'
import { readCardinal } from '../numbers'

const HOUR = '(?:[01]?\\d|2[0-4])'
const MINUTE = '[0-5]\\d'
/** One time: 14h30, 14h, 14 giờ is plain text; 8g30 needs minutes (8g alone is eight grams). */
const TIME = `${HOUR}(?:[^\\S\\n]?[hH](?:[^\\S\\n]?${MINUTE})?|g${MINUTE}|:${MINUTE}(?::${MINUTE})?)'?`
const PARTS = /^(\d+)\s?[hHg:]\s?(\d\d)?(?::(\d\d))?/

function readTime(time: string): string {
  const [, hours, minutes, seconds] = PARTS.exec(time)!
  const words = [readCardinal(hours), 'giờ']
  if (minutes && Number(minutes) > 0) words.push(readCardinal(minutes), 'phút')
  if (seconds && Number(seconds) > 0) words.push(readCardinal(seconds), 'giây')
  return words.join(' ')
}

export const timeRules: Rule[] = [
  {
    pattern: new RegExp(`(?<![\\p{L}\\p{N}:.,])(${TIME})(?:\\s*[-–]\\s*(${TIME}))?(?![\\p{L}\\p{N}]|:\\d)`, 'gu'),
    replace: (m) => (m[2] ? `${readTime(m[1])} đến ${readTime(m[2])}` : readTime(m[1])),
  },
]
