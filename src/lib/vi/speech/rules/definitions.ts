/**
 * Abbreviations a text defines for itself: "Sổ tay đảng viên điện tử (STĐVĐT)" or "… (sau đây viết tắt
 * là STĐVĐT)". The words before the parentheses are already read aloud, so a bare parenthesised
 * abbreviation is dropped there, and later occurrences of the abbreviation are read with those words.
 */
import { canonical, fold } from '../../text'
import type { Rule } from '../draft'

/** Words an abbreviation usually leaves out: "Ban Tuyên giáo và Dân vận" → BTGDV. */
const SKIPPABLE = new Set(['và', 'của', 'các', 'về', 'cho', 'với', 'trong'])
/** Most words an abbreviation spans. */
const MAX_WORDS = 12

/** "(ABC)" or "( ABC )": an abbreviation with at least two capitals. */
const PARENTHESISED = /[^\S\n]*\(\s*(\p{Lu}\p{L}*\p{Lu}\p{L}*)\s*\)/gu

function initialMatches(word: string, capital: string): boolean {
  const initial = fold(word[0]).toUpperCase()
  // "TW" stands for Trung ương: the W comes from "ương".
  return initial === fold(capital) || (capital === 'W' && /^ư/i.test(word))
}

/**
 * The words just before `index` that `abbreviation` stands for (one capital per word, small linking
 * words optional), or null.
 */
export function definedBy(text: string, index: number, abbreviation: string): string | null {
  const capitals = abbreviation.match(/\p{Lu}/gu) ?? []
  const line = text.slice(Math.max(0, index - 200), index).split('\n').pop() ?? ''
  const words = line.match(/\p{L}+/gu)?.slice(-MAX_WORDS) ?? []
  if (!/\p{L}[^\S\n]*$/u.test(line)) return null // something other than a word comes just before
  let c = capitals.length - 1
  let w = words.length - 1
  while (c >= 0 && w >= 0) {
    if (initialMatches(words[w], capitals[c])) c--
    else if (!SKIPPABLE.has(words[w].toLowerCase())) return null
    w--
  }
  if (c >= 0 || words.length - 1 - w < 2) return null
  return canonical(words.slice(w + 1).join(' ')).toLowerCase()
}

/** "(sau đây viết tắt là ABC)", "(sau đây gọi tắt là ABC)": read as written, but it defines ABC too. */
const NAMED = /[^\S\n]*\(\s*sau\s+đây\s+(?:gọi|viết)\s+tắt\s+là\s*:?\s*(\p{Lu}\p{L}*\p{Lu}\p{L}*)\s*\)/giu

/** Every abbreviation defined in `text`, with the words it stands for. */
export function findDefinitions(text: string): Record<string, string> {
  const found: Record<string, string> = {}
  for (const m of [...text.matchAll(PARENTHESISED), ...text.matchAll(NAMED)]) {
    const words = definedBy(text, m.index, m[1])
    if (words) found[m[1]] = words
  }
  return found
}

/** Drops "(ABC)" right after the words it abbreviates. */
export const definitionRules: Rule[] = [
  { pattern: PARENTHESISED, replace: (m, text) => (definedBy(text, m.index, m[1]) ? '' : undefined) },
]
