import { describe, expect, it } from '@jest/globals'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { summarizeRequest } from '@/lib/summarize/jsonl'
import { LexicalSummaryEngine } from '@/lib/summarize/lexical-engine'
import { rouge, type RougeScores } from '@/lib/summarize/rouge'

const engine = new LexicalSummaryEngine()

const article = [
  'Sáng 10/7, Ban Bí thư ban hành Quy định về sử dụng ứng dụng Sổ tay đảng viên điện tử.',
  'Thời tiết Hà Nội hôm đó nắng nóng, nhiệt độ lên tới 38 độ.',
  'Ứng dụng Sổ tay đảng viên điện tử hỗ trợ đảng viên học tập nghị quyết và sinh hoạt chi bộ.',
  'Nhiều người dân đi du lịch biển vào dịp cuối tuần.',
  'Các cấp ủy có trách nhiệm hướng dẫn đảng viên cài đặt và sử dụng ứng dụng.',
]

describe('LexicalSummaryEngine', () => {
  it('returns sentences verbatim, in source order, at most maxSentences', async () => {
    const result = await engine.summarize({ sentences: article, maxSentences: 2, title: 'Sổ tay đảng viên điện tử' })
    expect(result.engine).toBe('lexical')
    expect(result.sentences).toHaveLength(2)
    for (const s of result.sentences) expect(article[s.index]).toBe(s.text)
    const order = result.sentences.map((s) => s.index)
    expect(order).toEqual([...order].sort((a, b) => a - b))
  })

  it('prefers the sentences about what the title names', async () => {
    const result = await engine.summarize({ sentences: article, maxSentences: 2, title: 'Sổ tay đảng viên điện tử' })
    expect(result.sentences.map((s) => s.index)).toEqual([0, 2])
    const weather = await engine.summarize({ sentences: article, maxSentences: 1, title: 'Nắng nóng ở Hà Nội: nhiệt độ 38 độ' })
    expect(weather.sentences.map((s) => s.index)).toEqual([1])
  })

  it('without a title, prefers central sentences near the top over off-topic ones', async () => {
    const result = await engine.summarize({ sentences: article, maxSentences: 2 })
    const chosen = result.sentences.map((s) => s.index)
    expect(chosen).not.toContain(1)
    expect(chosen).not.toContain(3)
  })

  it('keeps within maxWords and never repeats a sentence', async () => {
    const repeated = [article[0], article[0], ...article.slice(1)]
    const result = await engine.summarize({ sentences: repeated, maxSentences: 3, title: 'Quy định Sổ tay đảng viên' })
    const texts = result.sentences.map((s) => s.text)
    expect(new Set(texts).size).toBe(texts.length)
    const limited = await engine.summarize({ sentences: article, maxSentences: 5, maxWords: 20 })
    const words = limited.sentences.reduce((n, s) => n + s.text.split(/\s+/).length, 0)
    expect(limited.sentences.length).toBeGreaterThan(0)
    expect(words).toBeLessThanOrEqual(20)
  })

  it('reports section and index for sectioned input', async () => {
    const result = await engine.summarize({
      title: 'Sinh hoạt chi bộ',
      sections: [
        { heading: 'Điều 1', sentences: ['Quy định này áp dụng cho đảng viên.'] },
        { heading: 'Điều 2', sentences: ['Thời tiết đẹp.', 'Chi bộ tổ chức sinh hoạt chi bộ thường kỳ mỗi tháng một lần.'] },
      ],
      maxSentences: 1,
    })
    expect(result.sentences).toEqual([
      { text: 'Chi bộ tổ chức sinh hoạt chi bộ thường kỳ mỗi tháng một lần.', section: 1, index: 1 },
    ])
  })

  it('handles empty input and blank sentences', async () => {
    expect((await engine.summarize({ sentences: [] })).sentences).toEqual([])
    expect((await engine.summarize({ sentences: ['', '  ', '...'] })).sentences).toEqual([])
    expect((await engine.summarize({ sentences: article, maxSentences: 0 })).sentences).toEqual([])
  })
})

/** Every 20th article of VietNews dev (100 articles): lead paragraph as reference, one sentence a line. */
describe('on a sample of VietNews articles', () => {
  interface Article {
    id: string
    title: string
    text: string
    summary: string
  }
  const file = path.resolve(process.cwd(), 'tests/fixtures/summarize/vietnews-sample.jsonl')
  const articles = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Article)

  function mean(scores: RougeScores[]): RougeScores {
    const sum = (k: keyof RougeScores) => scores.reduce((s, x) => s + x[k], 0) / scores.length
    return { rouge1: sum('rouge1'), rouge2: sum('rouge2'), rougeL: sum('rougeL') }
  }
  const lead = (a: Article, n: number) => a.text.split('\n').slice(0, n).join('\n')

  it('two chosen sentences beat LEAD-1 and LEAD-3 on ROUGE-1, ROUGE-2 and ROUGE-L', async () => {
    const ours: RougeScores[] = []
    for (const a of articles) {
      const { summary } = await summarizeRequest(engine, a, { maxSentences: 2 })
      const lines = summary.split('\n')
      expect(lines.length).toBeLessThanOrEqual(2)
      for (const line of lines) expect(a.text.split('\n')).toContain(line)
      ours.push(rouge(summary, a.summary))
    }
    const system = mean(ours)
    for (const baseline of [1, 3]) {
      const b = mean(articles.map((a) => rouge(lead(a, baseline), a.summary)))
      expect(system.rouge1).toBeGreaterThan(b.rouge1)
      expect(system.rouge2).toBeGreaterThan(b.rouge2)
      expect(system.rougeL).toBeGreaterThan(b.rougeL)
    }
  })
})
