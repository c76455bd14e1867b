/**
 * Retrieval quality on ALQAC 2023 (../shared/eval/search): MRR@10 and Recall@1/5/10 of the embedded
 * engine, with the queries as written and with diacritics stripped (đ → d), beside a plain BM25 over
 * syllables computed by the same code.
 *
 *   npx tsx scripts/eval-search.ts [--queries FILE] [--corpus FILE]
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fold } from '../src/lib/vi/text'
import { batchSearch, parseJsonLines, type CorpusLine } from '../search/batch'

interface EvalQuery {
  id: string
  query: string
  relevant_ids: string[]
}

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name)
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback
}

const dir = path.join(path.resolve(process.cwd(), '../shared'), 'eval/search')
const corpusFile = option('--corpus', path.join(dir, 'alqac-corpus.jsonl'))
const queriesFile = option('--queries', path.join(dir, 'alqac-queries-dev.jsonl'))
const corpus = parseJsonLines<CorpusLine>(readFileSync(corpusFile, 'utf8'), corpusFile)
const queries = parseJsonLines<EvalQuery>(readFileSync(queriesFile, 'utf8'), queriesFile)

type Metrics = { mrr10: number; r1: number; r5: number; r10: number }

function score(answers: { id: string; hits: string[] }[]): Metrics {
  const relevant = new Map(queries.map((q) => [q.id, new Set(q.relevant_ids)]))
  const sum = { mrr10: 0, r1: 0, r5: 0, r10: 0 }
  for (const a of answers) {
    const rel = relevant.get(a.id) ?? new Set<string>()
    const recall = (k: number) => a.hits.slice(0, k).filter((h) => rel.has(h)).length / Math.max(1, rel.size)
    const rank = a.hits.slice(0, 10).findIndex((h) => rel.has(h))
    sum.mrr10 += rank >= 0 ? 1 / (rank + 1) : 0
    sum.r1 += recall(1)
    sum.r5 += recall(5)
    sum.r10 += recall(10)
  }
  const n = Math.max(1, answers.length)
  return { mrr10: sum.mrr10 / n, r1: sum.r1 / n, r5: sum.r5 / n, r10: sum.r10 / n }
}

const variants = {
  'có dấu': queries.map((q) => ({ id: q.id, query: q.query })),
  'không dấu': queries.map((q) => ({ id: q.id, query: fold(q.query) })),
}

console.log(`ALQAC: ${corpus.length} điều luật, ${queries.length} câu hỏi (${path.basename(queriesFile)})`)
console.log('hệ thống            truy vấn     MRR@10  R@1    R@5    R@10   thời gian')
for (const ranking of ['plain', 'tuned'] as const) {
  for (const [name, list] of Object.entries(variants)) {
    const started = performance.now()
    const m = score(await batchSearch(corpus, list, 10, ranking))
    const seconds = ((performance.now() - started) / 1000).toFixed(1)
    const label = ranking === 'plain' ? 'BM25 âm tiết (gốc)' : 'sotay (nhúng)'
    const f = (x: number) => x.toFixed(4)
    console.log(`${label.padEnd(20)}${name.padEnd(13)}${f(m.mrr10)}  ${f(m.r1)} ${f(m.r5)} ${f(m.r10)} ${seconds}s`)
  }
}
