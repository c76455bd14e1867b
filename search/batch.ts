/**
 * Batch retrieval for evaluation: a fresh in-memory embedded index built from corpus lines
 * `{"id","title","text"}`, then every query line `{"id","query"}` answered with the ids of its hits.
 * Used by `sotay search --corpus … --queries …` and by scripts/eval-search.ts.
 */
import { EmbeddedSearchEngine, type EmbeddedOptions } from './embedded'
import { PUBLIC_AUDIENCE, type SearchDoc } from './types'

export interface CorpusLine {
  id: string
  title?: string
  text?: string
}

export interface QueryLine {
  id: string
  query: string
}

export interface BatchAnswer {
  id: string
  hits: string[]
}

/** A corpus line as a public, one-section unit. */
export function corpusDoc(line: CorpusLine): SearchDoc {
  return {
    id: String(line.id),
    kind: 'document',
    title: String(line.title ?? ''),
    audience: [PUBLIC_AUDIENCE],
    sections: [{ text: String(line.text ?? '') }],
  }
}

export async function batchSearch(
  corpus: Iterable<CorpusLine>,
  queries: readonly QueryLine[],
  limit: number,
  ranking: EmbeddedOptions['ranking'] = 'tuned',
): Promise<BatchAnswer[]> {
  const engine = await EmbeddedSearchEngine.open({ path: ':memory:', ranking })
  try {
    await engine.reindexAll([...corpus].map(corpusDoc))
    const answers: BatchAnswer[] = []
    for (const q of queries) {
      const result = await engine.search({ text: q.query, scope: { audience: [PUBLIC_AUDIENCE] }, pageSize: limit })
      answers.push({ id: q.id, hits: result.hits.map((h) => h.id) })
    }
    return answers
  } finally {
    await engine.close()
  }
}

/** Parses JSON lines, reporting the first bad line by number (1-based). */
export function parseJsonLines<T>(text: string, what: string): T[] {
  const out: T[] = []
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return
    try {
      out.push(JSON.parse(line) as T)
    } catch {
      throw new Error(`${what}: dòng ${i + 1} không phải JSON hợp lệ`)
    }
  })
  return out
}
