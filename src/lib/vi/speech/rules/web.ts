/**
 * Web addresses and e-mail addresses. A URL is announced as "đường dẫn" followed by its site name (the
 * path is left out: nobody can follow a path read aloud); an e-mail address is read in full with "a còng"
 * for "@". Each dot-separated label is read as Vietnamese syllables when it splits into them
 * ("dangcongsan" → "dang cong san"), else spelled.
 */
import type { Rule } from '../draft'
import { segmentSyllables, spell } from '../letters'
import { readDigits } from '../numbers'

/** How the common labels of host names are said. */
const LABELS: Record<string, string> = {
  vn: 'vê en nờ',
  com: 'com',
  net: 'nét',
  org: 'o rờ gờ',
  gov: 'gờ o vờ',
  edu: 'e đu',
  info: 'in phô',
  int: 'in tê',
}

const TOP_LEVEL = 'vn|com|net|org|gov|edu|info|int'

/** One run of letters or digits inside a label. */
function readPiece(piece: string): string {
  if (/^\d+$/.test(piece)) return readDigits(piece)
  return LABELS[piece] ?? segmentSyllables(piece) ?? spell(piece)
}

/** A label such as "tai-lieu" or "xaydungdang": hyphens and underscores separate words. */
function readLabel(label: string): string {
  return (label.toLowerCase().match(/[a-z]+|\d+/g) ?? []).map(readPiece).join(' ')
}

/** A host name without "www.": labels joined by "chấm". */
function readHost(host: string): string {
  return host
    .replace(/^www\./i, '')
    .split('.')
    .filter(Boolean)
    .map(readLabel)
    .join(' chấm ')
}

const EMAIL = /(?<![\w.@-])([A-Za-z0-9][A-Za-z0-9._%+-]*)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?<!\.)/g
/** A URL with a scheme or "www.", minus trailing punctuation that belongs to the sentence. */
const WEB_ADDRESS = /(?<![\w@/])(?:https?:\/\/|www\.)([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)(?::\d+)?(?:[/?#][^\s<>"“”]*[^\s<>"“”.,;:!?)])?/gi
/** A bare site name: "dangcongsan.vn", "tapchicongsan.org.vn/...". */
const SITE = new RegExp(
  `(?<![\\w@/.])((?:[a-z0-9-]+\\.)+(?:${TOP_LEVEL}))(?![\\w.-]*@)(?:/[^\\s<>"“”]*[^\\s<>"“”.,;:!?)])?(?![\\w])`,
  'g',
)

export const webRules: Rule[] = [
  {
    pattern: EMAIL,
    replace: (m) => `${readHost(m[1])} a còng ${readHost(m[2])}`,
  },
  { pattern: WEB_ADDRESS, replace: (m) => `đường dẫn ${readHost(m[1])}` },
  { pattern: SITE, replace: (m) => readHost(m[1]) },
]
