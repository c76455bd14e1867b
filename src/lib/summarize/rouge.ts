/**
 * ROUGE-1, ROUGE-2 and ROUGE-L (sentence-level LCS) F1 over syllables, as used to evaluate Vietnamese
 * summaries: NFC, lower case, every character that is not a letter or a digit treated as a space.
 */

export interface RougeScores {
  rouge1: number
  rouge2: number
  rougeL: number
}

/** Lower-cased syllables with punctuation removed. */
export function rougeTokens(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []
}

function f1(overlap: number, candidateTotal: number, referenceTotal: number): number {
  if (overlap === 0 || candidateTotal === 0 || referenceTotal === 0) return 0
  const precision = overlap / candidateTotal
  const recall = overlap / referenceTotal
  return (2 * precision * recall) / (precision + recall)
}

function ngramCounts(tokens: string[], n: number): Map<string, number> {
  const counts = new Map<string, number>()
  for (let i = 0; i + n <= tokens.length; i++) {
    const key = tokens.slice(i, i + n).join(' ')
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}

/** ROUGE-N F1: clipped n-gram overlap. */
export function rougeN(candidate: string[], reference: string[], n: number): number {
  const c = ngramCounts(candidate, n)
  const r = ngramCounts(reference, n)
  let overlap = 0
  for (const [gram, count] of c) overlap += Math.min(count, r.get(gram) ?? 0)
  return f1(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1))
}

/** Length of the longest common subsequence (two-row dynamic programme). */
export function lcsLength(a: string[], b: string[]): number {
  let previous = new Array<number>(b.length + 1).fill(0)
  let current = new Array<number>(b.length + 1).fill(0)
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      current[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1])
    }
    ;[previous, current] = [current, previous]
  }
  return previous[b.length]
}

/** ROUGE-L F1 over the whole texts taken as one sequence each. */
export function rougeL(candidate: string[], reference: string[]): number {
  return f1(lcsLength(candidate, reference), candidate.length, reference.length)
}

export function rouge(candidate: string, reference: string): RougeScores {
  const c = rougeTokens(candidate)
  const r = rougeTokens(reference)
  return { rouge1: rougeN(c, r, 1), rouge2: rougeN(c, r, 2), rougeL: rougeL(c, r) }
}
