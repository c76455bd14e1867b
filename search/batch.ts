/**
 * Batch retrieval for evaluation: a fresh embedded index (in a temporary file) built from corpus lines
 * `{"id","title","text"}`, then every query line `{"id","query"}` answered with the ids of its hits.
 * Used by `sotay search --corpus … --queries …` and by scripts/eval-search.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
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
  // A fresh index in a temporary file, as the server keeps it (and ranked the same way, see ./rank).
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sotay-search-batch-'))
  const engine = await EmbeddedSearchEngine.open({ path: path.join(dir, 'search.db'), ranking, resultCache: 0 })
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
    rmSync(dir, { recursive: true, force: true })
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
