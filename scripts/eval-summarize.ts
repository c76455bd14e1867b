/**
 * Evaluates the extractive summariser on VietNews dev (../shared/eval/summarization/vietnews-dev.jsonl):
 * syllable-level ROUGE-1 / ROUGE-2 / ROUGE-L F1 of LEAD-1, LEAD-3 and our engine, run through the same
 * request path as `sotay summarize`.
 *
 *   npx tsx scripts/eval-summarize.ts [--sentences N] [--half a|b] [--no-title] [--limit N]
 *                                     [--model-dir DIR --model NAME]
 *
 * --half a|b scores only the even / odd articles (tune on one half, check on the other);
 * --no-title withholds the titles from our engine (how it does on text alone);
 * the engine is chosen as `sotay summarize` chooses it (flags, or SOTAY_SUMMARY_MODEL_DIR / _MODEL).
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { summarizeRequest } from '../src/lib/summarize/jsonl'
import { createSummaryEngine } from '../src/lib/summarize/factory'
import { rouge, type RougeScores } from '../src/lib/summarize/rouge'

interface Article {
  id: string
  title: string
  text: string
  summary: string
}

const { values } = parseArgs({
  options: {
    sentences: { type: 'string', default: '2' },
    half: { type: 'string' },
    'no-title': { type: 'boolean', default: false },
    limit: { type: 'string' },
    'model-dir': { type: 'string' },
    model: { type: 'string' },
  },
})

const file = path.resolve(process.cwd(), '../shared/eval/summarization/vietnews-dev.jsonl')

function loadArticles(): Article[] {
  let articles = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Article)
  if (values.half === 'a' || values.half === 'b') {
    const parity = values.half === 'a' ? 0 : 1
    articles = articles.filter((_, i) => i % 2 === parity)
  }
  if (values.limit) articles = articles.slice(0, Number(values.limit))
  return articles
}

class Mean {
  readonly sum: RougeScores = { rouge1: 0, rouge2: 0, rougeL: 0 }
  private n = 0
  add(s: RougeScores): void {
    this.sum.rouge1 += s.rouge1
    this.sum.rouge2 += s.rouge2
    this.sum.rougeL += s.rougeL
    this.n++
  }
  row(name: string): string {
    const f = (v: number) => ((100 * v) / Math.max(1, this.n)).toFixed(2).padStart(7)
    return `${name.padEnd(28)}${f(this.sum.rouge1)}${f(this.sum.rouge2)}${f(this.sum.rougeL)}`
  }
}

function lead(text: string, n: number): string {
  return text
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean)
    .slice(0, n)
    .join('\n')
}

async function main(): Promise<void> {
  const articles = loadArticles()
  const maxSentences = Number(values.sentences)
  const engine = await createSummaryEngine({
    modelDir: values['model-dir'] ?? process.env.SOTAY_SUMMARY_MODEL_DIR,
    model: values.model ?? process.env.SOTAY_SUMMARY_MODEL,
  })
  const lead1 = new Mean()
  const lead3 = new Mean()
  const ours = new Mean()
  const started = Date.now()
  for (const a of articles) {
    lead1.add(rouge(lead(a.text, 1), a.summary))
    lead3.add(rouge(lead(a.text, 3), a.summary))
    const title = values['no-title'] ? undefined : a.title
    const { summary } = await summarizeRequest(engine, { id: a.id, text: a.text, title }, { maxSentences })
    ours.add(rouge(summary, a.summary))
  }
  const seconds = (Date.now() - started) / 1000
  const label = `${engine.name}, ${maxSentences} câu${values['no-title'] ? ', không tiêu đề' : ''}`
  console.log(`VietNews dev: ${articles.length} bài${values.half ? ` (nửa ${values.half})` : ''} — ROUGE F1 (%), âm tiết`)
  console.log(`${'hệ thống'.padEnd(28)}${'R-1'.padStart(7)}${'R-2'.padStart(7)}${'R-L'.padStart(7)}`)
  console.log(lead1.row('LEAD-1'))
  console.log(lead3.row('LEAD-3'))
  console.log(ours.row(label))
  const beats = (['rouge1', 'rouge2', 'rougeL'] as const).every(
    (k) => ours.sum[k] > lead1.sum[k] && ours.sum[k] > lead3.sum[k],
  )
  console.log(`Vượt cả LEAD-1 và LEAD-3 trên R-1, R-2, R-L: ${beats ? 'có' : 'KHÔNG'} (${seconds.toFixed(1)} s)`)
  process.exitCode = beats ? 0 : 1
}

await main()
