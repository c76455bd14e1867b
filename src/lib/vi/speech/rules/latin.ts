/**
 * Every word still as written that eSpeak NG would not read as Vietnamese: abbreviations not in the
 * dictionary (an organ and its level, or spelled: "ĐBSCL" → "đê bê ét xì xê e lờ"), Roman numerals
 * standing alone ("XIV"), single capital consonants ("Phụ lục B"), and foreign words (from the
 * dictionary, split into syllables, or spelled). Headings in capitals ("MỤC ĐÍCH") are put in lower case
 * so that they are read as words.
 */
import { hasDiacritics } from '../../text'
import type { Rule } from '../draft'
import { isSyllable, segmentSyllables, spell } from '../letters'
import type { Lexicon } from '../lexicon'
import { readInteger } from '../numbers'
import { parseRoman } from '../roman'
import { inCapitalsHeading } from './abbreviations'

const isUpperCase = (word: string) => word === word.toUpperCase() && word !== word.toLowerCase()

/** An abbreviation: a Roman numeral made of I, V and X ("XIV"), else as the lexicon reads codes. */
function readAbbreviation(token: string, lexicon: Lexicon): string {
  const roman = /^[IVX]{2,}$/.test(token) && !lexicon.lookup(token) ? parseRoman(token) : null
  return roman === null ? lexicon.readCode(token) : readInteger(roman)
}

/**
 * A foreign word: the dictionary (also as an abbreviation typed in small letters: "Tp", "Ubnd"),
 * Vietnamese syllables written together, or its letters.
 */
function readForeignWord(word: string, lexicon: Lexicon): string {
  return lexicon.lookup(word) ?? lexicon.lookup(word.toUpperCase()) ?? segmentSyllables(word) ?? spell(word)
}

function readToken(token: string, text: string, start: number, lexicon: Lexicon): string | undefined {
  const lowerCase = token === token.toLowerCase()
  if (lowerCase && /[^\x00-\x7f]/.test(token)) return undefined // the bulk of any text: a Vietnamese word
  if (isSyllable(token)) {
    if (/^\p{Lu}?\p{Ll}*$/u.test(token)) return undefined // a word, possibly capitalised
    if (!isUpperCase(token)) return token.toLowerCase() // stray capitals inside a word: "hUI"
    if (token.length === 1) return token.toLowerCase() // "A", "Y": a letter that is also a word
    const heading = hasDiacritics(token) || inCapitalsHeading(text, start, start + token.length)
    return heading ? token.toLowerCase() : readAbbreviation(token, lexicon)
  }
  if (isUpperCase(token) || /\p{Ll}\p{Lu}|\p{Lu}{2}/u.test(token)) return readAbbreviation(token, lexicon)
  if (/[^\x00-\x7f]/.test(token)) return undefined // a Vietnamese word written together: "Lênin"
  return readForeignWord(token, lexicon)
}

/** Initials before a name, "C.Mác", "Ph.Ăngghen", "V. I. Lênin": spelled, without the dots' pauses. */
const INITIALS = /(?<![\p{L}\p{N}.])(?:(?:\p{Lu}\p{Ll}?\.[^\S\n]?){2,3}(?=\p{Lu}\p{Ll})|\p{Lu}\p{Ll}?\.(?=\p{Lu}))/gu

export function latinRules(lexicon: Lexicon): Rule[] {
  return [
    { pattern: INITIALS, replace: (m) => (m[0].match(/\p{L}+/gu) ?? []).map(spell).join(' ') },
    { pattern: /\p{L}+/gu, replace: (m, text) => readToken(m[0], text, m.index, lexicon) },
  ]
}
