/**
 * Dictionary entries found in the text ("UBND", "TP.HCM", "v.v.", "email"), read from the lexicon, and
 * administrative units abbreviated in addresses ("Q. Ba Đình").
 * An entry that is also a Vietnamese word in capitals ("CA", "TU") is left alone inside a heading written
 * in capitals ("CA NGỢI", "TU DƯỠNG"), where it is that word.
 */
import type { Replacer, Rule } from '../draft'
import { isSyllable } from '../letters'
import { endsWord, type Lexicon } from '../lexicon'

/** A word in capitals that is unmistakably Vietnamese: a syllable with diacritics ("NGỢI", "BỘ"). */
function isCapitalisedVietnamese(word: string | undefined): boolean {
  return !!word && word.length > 1 && word === word.toUpperCase() && /[^\x00-\x7f]/.test(word) && isSyllable(word)
}

/** True when the token at [start, end) stands between words of a heading written in capitals. */
export function inCapitalsHeading(text: string, start: number, end: number): boolean {
  const before = /(\p{L}+)[^\S\n]+$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1]
  const after = /^[^\S\n]+(\p{L}+)/u.exec(text.slice(end, end + 30))?.[1]
  return isCapitalisedVietnamese(before) || isCapitalisedVietnamese(after)
}

function readEntry(lexicon: Lexicon): Replacer {
  return (m, text) => {
    const key = m[0]
    const end = m.index + key.length
    if (!endsWord(key, text[end])) return undefined
    if (key === key.toUpperCase() && isSyllable(key) && inCapitalsHeading(text, m.index, end)) return undefined
    const reading = lexicon.lookup(key)
    if (reading === undefined) return undefined
    // "… v.v." at the end of a line: the abbreviation's dot also ends the sentence.
    return key.endsWith('.') && /^[^\S\n]*(?:\n|$)/.test(text.slice(end)) ? `${reading}.` : reading
  }
}

/** Administrative units abbreviated in addresses: "số 8 Lê Duẩn, Q. Ba Đình", "P.3", "TT. Đông Anh". */
const ADDRESS_UNITS: Record<string, string> = {
  Q: 'quận',
  P: 'phường',
  H: 'huyện',
  X: 'xã',
  TT: 'thị trấn',
  TX: 'thị xã',
  TP: 'thành phố',
}
/** Only right after a comma or at the start of a line, and before a name or a number. */
const ADDRESS = new RegExp(
  `(?<=(?:^|[,;(])[^\\S\\n]*)(${Object.keys(ADDRESS_UNITS).join('|')})\\.(?=[^\\S\\n]?(?:\\p{Lu}|\\d))`,
  'gmu',
)

export function abbreviationRules(lexicon: Lexicon): Rule[] {
  const rules: Rule[] = [{ pattern: ADDRESS, replace: (m) => ADDRESS_UNITS[m[1]] }]
  for (const pattern of [lexicon.exactPattern, lexicon.anyCasePattern])
    if (pattern) rules.push({ pattern, replace: readEntry(lexicon) })
  return rules
}
