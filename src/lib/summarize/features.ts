/**
 * Lexical features of sentences: syllable terms, TF-IDF vectors, cosine similarity, and centrality
 * (TextRank) over a similarity matrix. Pure functions.
 */
import { syllables } from '../vi/text'
import { STOPWORDS } from './stopwords'

export type SparseVector = Map<string, number>

/** Lower-cased, canonical syllables of `text` without function words or lone numbers. */
export function contentTerms(text: string): string[] {
  return syllables(text).filter((s) => !STOPWORDS.has(s) && !/^\d+$/u.test(s))
}

/** Adjacent pairs of syllables ("công an", "an tỉnh"), function words included. */
export function bigrams(tokens: string[]): string[] {
  const out: string[] = []
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`)
  return out
}

/**
 * Inverse document frequency of each term over `documents` (here: the sentences of one text),
 * smoothed so that a term found in every sentence still weighs a little.
 */
export function inverseFrequencies(documents: string[][]): Map<string, number> {
  const df = new Map<string, number>()
  for (const terms of documents) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1)
  const n = documents.length
  const idf = new Map<string, number>()
  for (const [t, d] of df) idf.set(t, Math.log((n + 1) / (d + 0.5)))
  return idf
}

/** Unit-length TF-IDF vector with sub-linear term frequency. Unknown terms get the highest weight. */
export function tfidfVector(terms: string[], idf: Map<string, number>, unknownIdf: number): SparseVector {
  const tf = new Map<string, number>()
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1)
  const v: SparseVector = new Map()
  let norm = 0
  for (const [t, f] of tf) {
    const w = (1 + Math.log(f)) * (idf.get(t) ?? unknownIdf)
    v.set(t, w)
    norm += w * w
  }
  norm = Math.sqrt(norm)
  if (norm > 0) for (const [t, w] of v) v.set(t, w / norm)
  return v
}

export function cosine(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let dot = 0
  for (const [t, w] of small) dot += w * (large.get(t) ?? 0)
  return dot
}

/** Cosine of dense vectors (embeddings). */
export function denseCosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i]
    na += a[i] * a[i]
    nb += b[i] * b[i]
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0
}

const DAMPING = 0.85
const ITERATIONS = 30

/**
 * TextRank: PageRank over the weighted similarity graph of the sentences, scaled so the most
 * central sentence scores 1. A sentence close to many others states what the text is about.
 */
export function textRank(similarity: number[][]): number[] {
  const n = similarity.length
  if (n === 0) return []
  const outWeight = similarity.map((row, i) => row.reduce((s, w, j) => (i === j ? s : s + w), 0))
  let rank = new Array<number>(n).fill(1 / n)
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Array<number>(n).fill((1 - DAMPING) / n)
    for (let j = 0; j < n; j++) {
      if (outWeight[j] === 0) continue
      const share = (DAMPING * rank[j]) / outWeight[j]
      for (let i = 0; i < n; i++) if (i !== j) next[i] += share * similarity[j][i]
    }
    rank = next
  }
  const max = Math.max(...rank)
  return rank.map((r) => (max > 0 ? r / max : 0))
}
