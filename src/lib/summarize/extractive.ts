/**
 * The ranking and selection shared by every engine. An engine only supplies how similar sentences
 * are to each other and to the title (lexical TF-IDF, or sentence embeddings); the rest is common:
 *
 *   score = (title overlap (shared syllables and syllable pairs) + similarity to the title
 *            + centrality (TextRank) + lead position) × form (fragment, overlong, list introducer);
 *
 * then sentences are taken best first, skipping any that would pass the word limit or repeat a
 * sentence already taken, and returned in the order of the source.
 */
import { syllables } from '../vi/text'
import { bigrams, contentTerms, cosine, inverseFrequencies, textRank, tfidfVector } from './features'
import {
  DEFAULT_MAX_SENTENCES,
  type SummaryInput,
  type SummaryResult,
  type SummarySection,
  type SummarySentence,
} from './types'

/** A sentence of the input with what the ranking needs to know about it. */
export interface Candidate {
  text: string
  section: number
  index: number
  /** Position in the whole input (0 = first sentence). */
  order: number
  /** Number of space-separated words. */
  words: number
  /** Content syllables (function words removed). */
  terms: string[]
}

export interface SentenceSimilarity {
  /** Similarity of every pair of candidates, in [0, 1]. */
  pairwise: number[][]
  /** Similarity of each candidate to the title, or null without a title. */
  toTitle: number[] | null
}

/** How an engine measures similarity, for centrality and closeness to the title. */
export type SimilarityModel = (candidates: Candidate[], title: string | undefined) => Promise<SentenceSimilarity>

interface Weights {
  titleOverlap: number
  titleSimilarity: number
  centrality: number
  position: number
}

/** With a title: what the title names is what the text is about; the lead position only breaks ties. */
const WITH_TITLE: Weights = { titleOverlap: 1, titleSimilarity: 1, centrality: 0, position: 0.1 }
/** Without one: the sentences most like the others, near the top, stand for the text. */
const WITHOUT_TITLE: Weights = { titleOverlap: 0, titleSimilarity: 0, centrality: 1, position: 1 }

/** Sentences shorter than this many words are fragments; their score shrinks in proportion. */
const FULL_SENTENCE_WORDS = 8
/**
 * Sentences longer than this many words are scaled by (LONG_SENTENCE_WORDS / words) ^ LONG_SENTENCE_DAMPING:
 * a long sentence shares more words with the title by chance alone, and crowds out a second point.
 */
const LONG_SENTENCE_WORDS = 30
const LONG_SENTENCE_DAMPING = 0.8
/** A sentence ending with a colon introduces a list or a quotation and says little alone. */
const INTRODUCER_FACTOR = 0.5
/** A sentence this similar (TF-IDF cosine) to one already chosen repeats it. */
const REDUNDANCY = 0.6

export function sectionsOf(input: SummaryInput): SummarySection[] {
  return input.sections ?? [{ sentences: input.sentences ?? [] }]
}

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length
}

/** Every sentence with text in it, in order. */
export function candidatesOf(sections: SummarySection[]): Candidate[] {
  const out: Candidate[] = []
  sections.forEach((section, s) =>
    section.sentences.forEach((text, i) => {
      const words = wordCount(text)
      if (words > 0) out.push({ text, section: s, index: i, order: out.length, words, terms: contentTerms(text) })
    }),
  )
  return out
}

/** Content syllables and syllable pairs of a title. */
interface TitleProfile {
  terms: Set<string>
  pairs: Set<string>
}

function titleProfile(title: string): TitleProfile {
  return { terms: new Set(contentTerms(title)), pairs: new Set(bigrams(syllables(title))) }
}

function shareFound(wanted: Set<string>, found: Set<string>): number {
  if (wanted.size === 0) return 0
  let shared = 0
  for (const w of wanted) if (found.has(w)) shared++
  return shared / wanted.size
}

/** Mean of the shares of the title's content syllables and of its syllable pairs that a sentence repeats. */
function titleOverlap(candidate: Candidate, title: TitleProfile): number {
  const terms = shareFound(title.terms, new Set(candidate.terms))
  const pairs = shareFound(title.pairs, new Set(bigrams(syllables(candidate.text))))
  return (terms + pairs) / 2
}

/** How fit a sentence is to stand alone in a summary, from its form only. */
function formFactor(c: Candidate): number {
  const fragment = Math.min(1, c.words / FULL_SENTENCE_WORDS)
  const long = Math.min(1, LONG_SENTENCE_WORDS / c.words) ** LONG_SENTENCE_DAMPING
  const introducer = /:\s*$/u.test(c.text) ? INTRODUCER_FACTOR : 1
  return fragment * long * introducer
}

/** Score of every candidate; higher is more worth keeping. */
export function scoreCandidates(candidates: Candidate[], similarity: SentenceSimilarity, title?: string): number[] {
  const profile = title ? titleProfile(title) : null
  const weights = profile && profile.terms.size > 0 ? WITH_TITLE : WITHOUT_TITLE
  const centrality = weights.centrality > 0 ? textRank(similarity.pairwise) : null
  return candidates.map((c, i) => {
    let score = weights.position / (1 + c.order)
    if (centrality) score += weights.centrality * centrality[i]
    if (profile) score += weights.titleOverlap * titleOverlap(c, profile)
    if (similarity.toTitle) score += weights.titleSimilarity * similarity.toTitle[i]
    return score * formFactor(c)
  })
}

/** Best-first choice within the limits, without repeats; returned in source order. */
export function selectSentences(
  candidates: Candidate[],
  scores: number[],
  pairwise: number[][],
  maxSentences: number,
  maxWords = Infinity,
): Candidate[] {
  const ranked = candidates.map((_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b)
  const chosen: number[] = []
  let words = 0
  for (const i of ranked) {
    if (chosen.length >= maxSentences) break
    if (words + candidates[i].words > maxWords) continue
    if (chosen.some((j) => pairwise[i][j] > REDUNDANCY)) continue
    chosen.push(i)
    words += candidates[i].words
  }
  return chosen.sort((a, b) => a - b).map((i) => candidates[i])
}

function toSummarySentence(c: Candidate): SummarySentence {
  return { text: c.text, section: c.section, index: c.index }
}

/**
 * TF-IDF similarity of the candidates, with inverse frequencies taken over the sentences of the
 * text itself (no corpus needed).
 */
export function lexicalSimilarity(candidates: Candidate[], title: string | undefined): SentenceSimilarity {
  const documents = candidates.map((c) => c.terms)
  const idf = inverseFrequencies(documents)
  const unknownIdf = Math.log(documents.length + 1)
  const vectors = documents.map((terms) => tfidfVector(terms, idf, unknownIdf))
  const pairwise = vectors.map((a, i) => vectors.map((b, j) => (i === j ? 1 : cosine(a, b))))
  if (!title) return { pairwise, toTitle: null }
  const titleVector = tfidfVector(contentTerms(title), idf, unknownIdf)
  return { pairwise, toTitle: vectors.map((v) => cosine(v, titleVector)) }
}

/**
 * Runs the shared ranking. `model` may replace the lexical similarity used for scoring; repeats are
 * always judged lexically (a repeat shares its words).
 */
export async function extractSummary(engine: string, input: SummaryInput, model?: SimilarityModel): Promise<SummaryResult> {
  const candidates = candidatesOf(sectionsOf(input))
  const maxSentences = Math.max(0, Math.floor(input.maxSentences ?? DEFAULT_MAX_SENTENCES))
  if (candidates.length === 0 || maxSentences === 0) return { engine, sentences: [] }
  const title = input.title?.trim() || undefined
  const lexical = lexicalSimilarity(candidates, title)
  const similarity = model ? await model(candidates, title) : lexical
  const scores = scoreCandidates(candidates, similarity, title)
  const chosen = selectSentences(candidates, scores, lexical.pairwise, maxSentences, input.maxWords)
  return { engine, sentences: chosen.map(toSummarySentence) }
}
