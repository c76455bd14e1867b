/**
 * Vietnamese text primitives shared by extraction, summaries, speech and search.
 * Pure functions: no Payload, no I/O.
 *
 * Canonical form: Unicode NFC with the tone mark placed in the traditional ("old") style used by
 * Party and state documents — hòa, khóa, thủy (not hoà, khoá, thuỷ). `canonical()` maps either
 * placement to it, so "hoà" and "hòa" compare equal after canonicalisation.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/
const TONE_MARKS_G = /[\u0300\u0301\u0303\u0309\u0323]/g
/** Vowel letters after tone marks are removed (NFC, lower case). */
const VOWELS = 'aăâeêioôơuưy'
/** Vowels that carry a shape diacritic; the tone goes on them when present. */
const SHAPED = 'ăâêôơư'

function isVowel(ch: string): boolean {
  return VOWELS.includes(ch.toLowerCase())
}

/** Places `tone` (a combining mark) on the right vowel of one syllable with no tone mark. */
function placeTone(bare: string, tone: string): string {
  const lower = bare.toLowerCase()
  // Locate the vowel cluster (first run of vowels), treating the u of "qu" and the i of "gi"
  // (when another vowel follows) as part of the initial consonant.
  let start = 0
  while (start < lower.length && !isVowel(lower[start])) start++
  if (start >= lower.length) return bare + tone // no vowel: leave as typed
  if (lower[start] === 'u' && start > 0 && lower[start - 1] === 'q') start++
  else if (lower[start] === 'i' && start > 0 && lower[start - 1] === 'g' && start + 1 < lower.length && isVowel(lower[start + 1]))
    start++
  let end = start
  while (end < lower.length && isVowel(lower[end])) end++
  if (start >= end) {
    // "gi" / "qu" with nothing else: the tone sits on i / u ("gì", "quỳ" is handled above)
    start = end - 1
  }
  const cluster = lower.slice(start, end)
  const hasFinal = end < lower.length
  let pos: number
  let shaped = -1
  for (let i = 0; i < cluster.length; i++) if (SHAPED.includes(cluster[i])) shaped = i
  if (shaped >= 0) pos = shaped
  else if (cluster.length === 1) pos = 0
  else if (hasFinal) pos = cluster.length - 1
  else if (cluster.length >= 3) pos = 1
  else pos = 0
  const at = start + pos
  return (bare.slice(0, at + 1) + tone + bare.slice(at + 1)).normalize('NFC')
}

/** One syllable (a run of letters) in canonical tone placement. */
function canonicalSyllable(word: string): string {
  const nfd = word.normalize('NFD')
  const tones = nfd.match(TONE_MARKS_G)
  if (!tones || tones.length !== 1) return word.normalize('NFC')
  const bare = nfd.replace(TONE_MARKS_G, '').normalize('NFC')
  return placeTone(bare, tones[0])
}

const WORD = /\p{L}+/gu

/** NFC and one tone-mark placement for every syllable of `text`. */
export function canonical(text: string): string {
  return text.normalize('NFC').replace(WORD, (w) => (TONE_MARKS.test(w.normalize('NFD')) ? canonicalSyllable(w) : w))
}

/** Removes every diacritic and maps đ → d ("Nghị quyết" → "Nghi quyet"). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC')
}

/** Lower-cased, canonical syllables (letters and digits), punctuation dropped. */
export function syllables(text: string): string[] {
  return canonical(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
}

/** True when `text` holds at least one Vietnamese diacritic or đ. */
export function hasDiacritics(text: string): boolean {
  return fold(text) !== text.normalize('NFC')
}
