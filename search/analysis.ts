/**
 * Vietnamese text analysis shared by the search engines.
 *
 * Every text is cut into syllables and each syllable is kept twice: `exact` (canonical — NFC, one tone
 * placement, lower case: "định") and `fold` (no diacritics, đ → d: "dinh"). Engines index both streams
 * so that a query typed without diacritics still matches, while a match that agrees with the query's own
 * diacritics can be ranked above one that only matches once folded.
 *
 * Queries are turned into a {@link QueryPlan}: bounded, stripped of anything but letters and digits (so no
 * query syntax of any engine can get through), with stop words marked and any document number recognised.
 */
import { canonical, fold } from '../src/lib/vi/text'
import { bareNumberRef, findNumberRef, type NumberRef } from './docnumber'

export interface Syllable {
  exact: string
  fold: string
}

const TOKEN = /[\p{L}\p{N}]+/gu
const CACHE_LIMIT = 200_000
const cache = new Map<string, Syllable>()

/** One raw token (letters and digits, NFC) as its canonical and folded forms; memoised. */
function syllable(raw: string): Syllable {
  let hit = cache.get(raw)
  if (!hit) {
    const exact = canonical(raw).toLowerCase()
    hit = { exact, fold: fold(exact) }
    if (cache.size >= CACHE_LIMIT) cache.clear()
    cache.set(raw, hit)
  }
  return hit
}

/** The syllables of `text` in order: letters and digits only, punctuation and symbols dropped. */
export function analyze(text: string): Syllable[] {
  return (text.normalize('NFC').match(TOKEN) ?? []).map(syllable)
}

/**
 * Joins two folded syllables into one pair token ("ky" + "luat" → "_ky_luat"). The leading "_" keeps
 * pair tokens apart from syllables in the term dictionary, so a syllable prefix ("ky*") never has to
 * walk through every pair that starts with it.
 */
export function pairToken(a: Syllable, b: Syllable): string {
  return `_${a.fold}_${b.fold}`
}

/**
 * The three token streams indexed for a text: the syllables that carry diacritics (as written), all
 * syllables folded, and folded pairs of adjacent syllables. A syllable without diacritics is the same
 * in both forms, so it is kept once, in the folded stream: accented and folded tokens never share a
 * posting list, which keeps look-ups of common folded syllables cheap. Pairs capture Vietnamese words
 * of two syllables (and the syllable order) as single tokens, so matching them is a plain term
 * look-up rather than a positional phrase check.
 */
export function indexStreams(text: string): { exact: string; fold: string; pairs: string } {
  const syls = analyze(text)
  const pairs: string[] = []
  for (let i = 0; i + 1 < syls.length; i++) pairs.push(pairToken(syls[i], syls[i + 1]))
  const exact = syls.filter((s) => s.exact !== s.fold).map((s) => s.exact)
  return { exact: exact.join(' '), fold: syls.map((s) => s.fold).join(' '), pairs: pairs.join(' ') }
}

const TELEX_SHAPE: Record<string, string> = { '\u0306': 'w', '\u031b': 'w' }
const TELEX_TONE: Record<string, string> = { '\u0300': 'f', '\u0301': 's', '\u0303': 'x', '\u0309': 'r', '\u0323': 'j' }

/**
 * An accented syllable spelled in ASCII the way Telex typists do ("đảng" → "ddangr", "nghiệp" →
 * "nghieepj"): lets an engine that strips diacritics itself (Meilisearch) still tell spellings apart.
 */
export function telex(exact: string): string {
  let out = ''
  let tone = ''
  for (const ch of exact.normalize('NFD')) {
    if (ch === 'đ') out += 'dd'
    else if (ch === '\u0302') out += out.slice(-1) // circumflex doubles its vowel: â → aa
    else if (TELEX_SHAPE[ch]) out += TELEX_SHAPE[ch]
    else if (TELEX_TONE[ch]) tone = TELEX_TONE[ch]
    else out += ch
  }
  return out + tone
}

/** The syllables of `text` with their character offsets, for highlighting. */
export function analyzeWithOffsets(text: string): { syl: Syllable; start: number; end: number }[] {
  const out: { syl: Syllable; start: number; end: number }[] = []
  for (const m of text.matchAll(TOKEN)) {
    const raw = m[0].normalize('NFC')
    out.push({ syl: syllable(raw), start: m.index, end: m.index + m[0].length })
  }
  return out
}

/**
 * Function words and question words that carry no topic: "đúng hay sai", "nào", "gì", "không"…
 * They still count inside adjacent-syllable pairs ("không được"), never as required words on their own.
 */
const STOP_WORDS = new Set(
  (
    'là và của có không được các những cho với trong theo về từ thì mà này đó nào gì ai sao bao nhiêu đâu ' +
    'hay hoặc đúng sai nếu khi đã sẽ đang bị một phải như thế sau đây trên ra vào lại cũng rằng để do bởi vì ' +
    'nên tại ở hãy nhé ạ chứ vậy giờ'
  ).split(/\s+/),
)

/**
 * Folded stop words that are unambiguous without diacritics. "co" (có / cơ), "dung" (đúng / dụng), "ma"
 * (mà / ma túy), "vi" (vì / hành vi), "tai" (tại / tài sản), "thi" (thì / thi hành) are not here: typed
 * without marks they may well be the topic.
 */
const FOLDED_STOP_WORDS = new Set('la va cua khong duoc cac nhung cho voi theo nay nao gi hoac se mot phai vao rang hay'.split(' '))

export function isStopWord(syl: Syllable, accented: boolean): boolean {
  return accented ? STOP_WORDS.has(syl.exact) : FOLDED_STOP_WORDS.has(syl.fold)
}

/** Longest query kept, in characters and in syllables; the rest is ignored. */
export const MAX_QUERY_CHARS = 1000
export const MAX_QUERY_TERMS = 64

export interface QueryTerm extends Syllable {
  /** A function word: used only in syllable pairs, never required. */
  stop: boolean
  /** The last word while the user is still typing it: also matches as a prefix. */
  prefix: boolean
  /** Part of a recognised document number ("quy định 339"): matched through the number, not as text. */
  inNumber: boolean
}

export interface QueryPlan {
  /** Syllables of the query in order, bounded to {@link MAX_QUERY_TERMS}. */
  terms: QueryTerm[]
  /** The query carries diacritics: prefer matches on the exact (accented) forms. */
  accented: boolean
  /** A document number named by the query, if any. */
  numberRef?: NumberRef
  /** The query is nothing but a document number ("339", "qd 339", "339-QĐ/TW"). */
  lookup: boolean
}

/** Removes control characters and bounds the length of a raw query. */
export function cleanQuery(raw: string): string {
  return String(raw ?? '')
    .slice(0, MAX_QUERY_CHARS * 2)
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Cs}\p{Co}]/gu, ' ')
    .slice(0, MAX_QUERY_CHARS)
}

/** Analyses a raw user query into the plan both engines compile into their own query language. */
export function planQuery(raw: string): QueryPlan {
  const text = cleanQuery(raw)
  const syls = analyze(text).slice(0, MAX_QUERY_TERMS)
  const accented = syls.some((s) => s.exact !== s.fold)
  const folded = syls.map((s) => s.fold)
  const found = findNumberRef(text, folded) ?? bareNumberRef(folded)
  const used = new Set(found?.used ?? [])
  const typing = /[\p{L}\p{N}]$/u.test(text.trimEnd()) && text.trimEnd() === text
  const terms = syls.map<QueryTerm>((s, i) => ({
    ...s,
    stop: isStopWord(s, accented),
    prefix: typing && i === syls.length - 1 && !/^\d+$/.test(s.fold),
    inNumber: used.has(i),
  }))
  const lookup = found !== undefined && terms.every((t) => t.inNumber || t.stop)
  return { terms, accented, numberRef: found?.ref, lookup }
}

/** The words that must (AND mode) or may (OR mode) match: neither stop words nor part of a number. */
export function contentTerms(plan: QueryPlan): QueryTerm[] {
  const content = plan.terms.filter((t) => !t.stop && !t.inNumber)
  if (content.length || plan.numberRef) return content
  return plan.terms.filter((t) => !t.inNumber) // a query made only of stop words still searches them
}
