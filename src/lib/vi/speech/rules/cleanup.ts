/**
 * Final shaping of the spoken text: symbols that are words ("&" → "và", "=" → "bằng"), brackets and
 * dashes turned into pauses, quotes and other marks removed, spacing and punctuation tidied. Only the
 * pause marks . , ; : ? ! survive and no digit is left. Lines stay as they are (one output line per input
 * line), since a line break may end a heading or just wrap a sentence.
 */
import { readDigits } from '../numbers'

/** Words that a quantity is counted per. */
const PER_WORDS = 'người|tháng|năm|ngày|giờ|tuần|quý|lượt|lần|hộ|suất|buổi|phút|giây|kỳ|đợt|khóa|chiếc|cái|con|lít|tấn|đảng viên|chi bộ'
const PER = new RegExp(`(?<=\\p{L})[^\\S\\n]*/[^\\S\\n]*(?=(?:${PER_WORDS})(?!\\p{L}))`, 'giu')

/** Symbols said as words. */
const SYMBOL_WORDS: [RegExp, string][] = [
  [/&/g, ' và '],
  [/%/g, ' phần trăm '],
  [/≥|>=/g, ' lớn hơn hoặc bằng '],
  [/≤|<=/g, ' nhỏ hơn hoặc bằng '],
  [/≠/g, ' khác '],
  [/=/g, ' bằng '],
  [/>/g, ' lớn hơn '],
  [/</g, ' nhỏ hơn '],
  [/≈/g, ' xấp xỉ '],
  [/±/g, ' cộng trừ '],
  [/×/g, ' nhân '],
  [/÷/g, ' chia '],
  [/~/g, ' khoảng '],
  [/@/g, ' a còng '],
  [/[#№]/g, ' số '],
  [/§/g, ' mục '],
  [/[°º]/g, ' độ '],
  // "đồng/người/tháng": a slash before what something is counted per
  [PER, ' trên '],
  // "+" between two terms is "cộng"; a "+" opening a line is a bullet
  [/(?<=[\p{L}\p{N}][^\S\n]*)\+(?=[^\S\n]*[\p{L}\p{N}])/gu, ' cộng '],
]

/** Pause marks, strongest first: a run of marks is reduced to its strongest one. */
const PAUSES = '?!.;:,'

function strongest(run: string): string {
  for (const mark of PAUSES) if (run.includes(mark)) return mark
  return ''
}

/** One line: marks and spacing. */
function tidyLine(line: string): string {
  return line
    .replace(/[^\S\n]+/g, ' ')
    .replace(/[ ?!.;:,]*[?!.;:,][ ?!.;:,]*/g, (run) => `${strongest(run)} `)
    .replace(/^[ ?!.;:,]+/, '')
    .trim()
}

export function finish(text: string): string {
  let out = text
  for (const [pattern, words] of SYMBOL_WORDS) out = out.replace(pattern, words)
  out = out
    .replace(/…|\.{2,}/g, '.')
    .replace(/[()[\]{}]/g, ',')
    .replace(/[^\S\n][–—][^\S\n]/g, ', ')
    // any digit a rule left, and other numerals ("①", "³"), digit by digit
    .replace(/\p{N}+/gu, (run) => ` ${readDigits(run.normalize('NFKC'))} `)
    // everything else that is neither a letter, a combining mark, white space nor a pause mark
    .replace(/[^\p{L}\p{M}\s?!.;:,]/gu, ' ')
  return out.split('\n').map(tidyLine).join('\n')
}
