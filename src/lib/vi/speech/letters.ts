/**
 * Letters and syllables: Vietnamese names of the Latin letters (to spell acronyms and foreign strings),
 * and a test of whether a written token is a well-formed Vietnamese syllable. eSpeak NG's Vietnamese voice
 * reads a syllable-shaped word in Vietnamese but switches to English for other Latin words ("email",
 * "UBND"), so anything that is not a syllable must be spelled, expanded or segmented before synthesis.
 */
import { DIGIT_NAMES } from './numbers'

/** How a Vietnamese speaker names each letter when spelling an abbreviation (VTV → "vê tê vê"). */
const LETTER_NAMES: Record<string, string> = {
  a: 'a', ă: 'á', â: 'ớ', b: 'bê', c: 'xê', d: 'dê', đ: 'đê', e: 'e', ê: 'ê', f: 'ép', g: 'giê', h: 'hát',
  i: 'i', j: 'di', k: 'ca', l: 'e lờ', m: 'em mờ', n: 'en nờ', o: 'o', ô: 'ô', ơ: 'ơ', p: 'pê', q: 'quy',
  r: 'e rờ', s: 'ét xì', t: 'tê', u: 'u', ư: 'ư', v: 'vê', w: 'vê kép', x: 'ích xì', y: 'i dài', z: 'dét',
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g

/** Removes the five tone marks but keeps the letter shapes (ă, â, ê, ô, ơ, ư, đ): "Quyết" → "quyêt". */
export function toneless(word: string): string {
  return word.normalize('NFD').replace(TONE_MARKS, '').normalize('NFC').toLowerCase()
}

/** Spells letters by their Vietnamese names and digits by theirs; other characters are dropped. */
export function spell(token: string): string {
  const names: string[] = []
  for (const ch of toneless(token)) {
    if (LETTER_NAMES[ch]) names.push(LETTER_NAMES[ch])
    else if (ch >= '0' && ch <= '9') names.push(DIGIT_NAMES[Number(ch)])
  }
  return names.join(' ')
}

const ONSETS = 'ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x'
/** Every rime (vowel nucleus plus final) of Vietnamese orthography, tone marks removed. */
const RIMES = (
  'a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây ' +
  'e ec em en eng eo ep et ê êch êm ên ênh êp êt êu ' +
  'i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu ' +
  'o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oc oe oen oeo oep oet oi om on ong ' +
  'ooc oong op ot ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt ' +
  'u ua uân uâng uât uây uc uê uêch uênh ui um un ung up ut uy uya uych uyên uyêt uynh uyt uyu uơ ' +
  'uôc uôi uôm uôn uông uôt ư ưa ưc ưi ưm ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu ' +
  'y yêm yên yêt yêu'
).split(' ')
/** After "qu" (whose u belongs to the onset) any rime not starting with u or ư, plus quynh, quýt. */
const QU_SYLLABLE = new RegExp(`^qu(?![uư])(${[...RIMES, 'ynh', 'yt'].join('|')})$`)
const SYLLABLE = new RegExp(`^(${ONSETS})?(${RIMES.join('|')})$`)
/** Spelling constraints: k, gh, ngh only before i e ê y; c, ng never before them; g never before e ê y. */
const FRONT = /^[ieêy]/

/** Answers already computed: a text repeats a small vocabulary. Bounded so that it cannot grow without end. */
const known = new Map<string, boolean>()
const MAX_KNOWN = 20_000

/**
 * True when `word` (any case) is one well-formed Vietnamese syllable: "Quyết", "MỤC", "ban". A syllable
 * ending in c, ch, p or t carries the sắc or nặng tone ("hát", "học"); without it ("hat", "et") it is
 * not Vietnamese, and eSpeak NG reads such words in English.
 */
export function isSyllable(word: string): boolean {
  let answer = known.get(word)
  if (answer === undefined) {
    answer = checkSyllable(word)
    if (known.size >= MAX_KNOWN) known.clear()
    known.set(word, answer)
  }
  return answer
}

const STOP_TONES = /[\u0301\u0323]/

function checkSyllable(word: string): boolean {
  const w = toneless(word)
  if (/(?:c|ch|p|t)$/.test(w) && !STOP_TONES.test(word.normalize('NFD'))) return false
  if (QU_SYLLABLE.test(w)) return true
  const m = SYLLABLE.exec(w)
  if (!m) return false
  const onset = m[1] ?? ''
  const rime = m[2]
  if (onset === 'qu') return false // its rimes are checked by QU_SYLLABLE
  if (onset === 'k' || onset === 'gh' || onset === 'ngh') return FRONT.test(rime)
  if (onset === 'c' || onset === 'ng') return !FRONT.test(rime)
  if (onset === 'g') return !/^[eêy]/.test(rime) // gì, gìn, giêng: the i of "gi" may head the rime
  return true
}

/** Longest run of letters segmented into syllables; longer strings are spelled instead. */
const MAX_SEGMENTED_LENGTH = 40

/**
 * Splits a run of letters written without spaces into the fewest syllables ("dangcongsan" → "dang cong san"),
 * or returns null when no split into syllables exists ("example").
 */
export function segmentSyllables(word: string): string | null {
  const w = word.toLowerCase()
  if (w.length === 0 || w.length > MAX_SEGMENTED_LENGTH) return null
  const best: (string[] | null)[] = Array(w.length + 1).fill(null)
  best[0] = []
  for (let end = 1; end <= w.length; end++) {
    for (let start = Math.max(0, end - 7); start < end; start++) {
      const prefix = best[start]
      if (!prefix || !isSyllable(w.slice(start, end))) continue
      if (!best[end] || prefix.length + 1 < best[end]!.length) best[end] = [...prefix, w.slice(start, end)]
    }
  }
  return best[w.length]?.join(' ') ?? null
}
