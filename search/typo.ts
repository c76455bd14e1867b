/**
 * Typing-mistake tolerance. A query word of {@link MIN_TYPO_LENGTH}+ letters that the index has never
 * seen is matched through the indexed words one edit away from it — a letter inserted, deleted, replaced,
 * or two neighbours swapped — most frequent first; the corrected query is offered as "Có phải bạn muốn
 * tìm …". The engine generates the candidates here and looks them up in its own term dictionary, so no
 * copy of the vocabulary is kept in memory and nothing goes stale.
 */

export const MIN_TYPO_LENGTH = 4
export const MAX_CORRECTIONS = 3

/** Letters of folded (unaccented) words. */
export const FOLDED_LETTERS = 'abcdefghijklmnopqrstuvwxyz'

/** Letters of accented words: the folded ones, đ, the shaped vowels and every vowel with every tone. */
export const ACCENTED_LETTERS = (() => {
  const vowels = 'aăâeêioôơuưy'
  const toned = [...vowels].flatMap((v) => ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'].map((t) => (v + t).normalize('NFC')))
  return [...new Set([...FOLDED_LETTERS, 'đ', ...vowels, ...toned])].join('')
})()

/** Every string one edit (insertion, deletion, substitution, adjacent swap) away from `word`. */
export function editsWithinOne(word: string, alphabet: string): string[] {
  const letters = [...alphabet]
  const chars = [...word]
  const out = new Set<string>()
  for (let i = 0; i <= chars.length; i++) {
    const head = chars.slice(0, i).join('')
    const rest = chars.slice(i)
    for (const l of letters) out.add(head + l + rest.join(''))
    if (i === chars.length) continue
    const tail = chars.slice(i + 1).join('')
    out.add(head + tail)
    for (const l of letters) out.add(head + l + tail)
    if (i + 1 < chars.length) out.add(head + chars[i + 1] + chars[i] + chars.slice(i + 2).join(''))
  }
  out.delete(word)
  return [...out]
}

/** Whether a query word may be a typing mistake worth correcting (long enough, letters only). */
export function correctable(fold: string): boolean {
  return fold.length >= MIN_TYPO_LENGTH && /^[a-z]+$/.test(fold)
}

/** The best corrections among looked-up candidates: known ones, most frequent first. */
export function bestCorrections(found: ReadonlyMap<string, number>, candidates: readonly string[], limit = MAX_CORRECTIONS): string[] {
  return candidates
    .filter((c) => (found.get(c) ?? 0) > 0)
    .sort((a, b) => (found.get(b) ?? 0) - (found.get(a) ?? 0) || a.localeCompare(b))
    .slice(0, limit)
}
