import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EmbeddingSummaryEngine, type SentenceEncoder } from '@/lib/summarize/embedding-engine'
import { createSummaryEngine } from '@/lib/summarize/factory'
import { syllables } from '@/lib/vi/text'
import { writeTinyModel } from './tiny-onnx-model'

/**
 * A small real encoder (hashed bag of syllables, 256 dimensions): the embedding engine's own logic
 * runs on it, since no neural model is available on this machine.
 */
const hashedBagOfSyllables: SentenceEncoder = async (texts) =>
  texts.map((text) => {
    const v = new Array<number>(256).fill(0)
    for (const s of syllables(text)) {
      let h = 0
      for (const ch of s) h = (h * 31 + ch.codePointAt(0)!) % 256
      v[h] += 1
    }
    return v
  })

const sentences = [
  'Sáng 10/7, Ban Bí thư ban hành Quy định về sử dụng ứng dụng Sổ tay đảng viên điện tử.',
  'Thời tiết Hà Nội hôm đó nắng nóng, nhiệt độ lên tới 38 độ.',
  'Ứng dụng Sổ tay đảng viên điện tử hỗ trợ đảng viên học tập nghị quyết và sinh hoạt chi bộ.',
  'Nhiều người dân đi du lịch biển vào dịp cuối tuần.',
]

describe('EmbeddingSummaryEngine', () => {
  const engine = new EmbeddingSummaryEngine(hashedBagOfSyllables, 'test/hashed')

  it('is named after its model and returns source sentences in order', async () => {
    const result = await engine.summarize({ sentences, title: 'Sổ tay đảng viên điện tử', maxSentences: 2 })
    expect(result.engine).toBe('embedding:test/hashed')
    expect(result.sentences.map((s) => s.index)).toEqual([0, 2])
    for (const s of result.sentences) expect(s.text).toBe(sentences[s.index])
  })

  it('follows the title through embedding similarity', async () => {
    const result = await engine.summarize({ sentences, title: 'Nắng nóng ở Hà Nội: nhiệt độ 38 độ', maxSentences: 1 })
    expect(result.sentences.map((s) => s.index)).toEqual([1])
  })
})

describe('createSummaryEngine', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sotay-models-'))
    mkdirSync(path.join(dir, 'broken-model'))
    writeFileSync(path.join(dir, 'broken-model', 'config.json'), '{}')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('uses the lexical engine, silently, when no model is configured', async () => {
    const log: string[] = []
    const engine = await createSummaryEngine({ log: (m) => log.push(m) })
    expect(engine.name).toBe('lexical')
    expect(log).toEqual([])
  })

  it('falls back to the lexical engine with a logged reason when the model is missing', async () => {
    const log: string[] = []
    const engine = await createSummaryEngine({ modelDir: dir, model: 'absent-model', log: (m) => log.push(m) })
    expect(engine.name).toBe('lexical')
    expect(log).toHaveLength(1)
    expect(log[0]).toContain('không tìm thấy mô hình')
    expect(log[0]).toContain(path.join(dir, 'absent-model'))
  })

  it('falls back when the model name is not given', async () => {
    const log: string[] = []
    const engine = await createSummaryEngine({ modelDir: dir, log: (m) => log.push(m) })
    expect(engine.name).toBe('lexical')
    expect(log[0]).toContain('tên mô hình')
  })

  it('falls back, with a reason, when the model does not load', async () => {
    const log: string[] = []
    const engine = await createSummaryEngine({ modelDir: dir, model: 'broken-model', log: (m) => log.push(m) })
    expect(engine.name).toBe('lexical')
    expect(log).toHaveLength(1)
    expect(log[0]).toMatch(/^Tóm tắt: dùng bộ tóm tắt từ vựng vì (?:không nạp được mô hình broken-model|chưa cài gói)/u)
    const result = await engine.summarize({ sentences, maxSentences: 1 })
    expect(result.sentences).toHaveLength(1)
  })

  // onnxruntime-node rejects typed arrays made in jest's VM realm, so the model runs in a child process.
  it('loads a local model through @huggingface/transformers without falling back', () => {
    const words = sentences.flatMap((s) => s.toLowerCase().split(/\s+/u))
    writeTinyModel(dir, 'tiny/words', words)
    const input = JSON.stringify({ id: 1, title: 'thời tiết hà nội hôm đó nắng nóng', text: sentences.join('\n') })
    const run = spawnSync(
      process.execPath,
      [path.resolve('bin/sotay.js'), 'summarize', '--sentences', '1', '--model-dir', dir, '--model', 'tiny/words'],
      { input, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    )
    expect(run.stderr).not.toContain('Tóm tắt: dùng bộ tóm tắt từ vựng')
    expect(run.status).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({ id: 1, summary: sentences[1] })
  })
})
