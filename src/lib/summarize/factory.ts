/**
 * Chooses the summary engine: the embedding engine when the operator has configured a local model
 * that loads, otherwise the lexical engine (with the reason logged).
 */
import { EmbeddingSummaryEngine } from './embedding-engine'
import { LexicalSummaryEngine } from './lexical-engine'
import type { SummaryEngine } from './types'

export interface SummaryEngineOptions {
  /** Folder that holds sentence-embedding models; without it the lexical engine is used. */
  modelDir?: string
  /** Model folder inside `modelDir`. */
  model?: string
  /** Weight format of the model ("fp32", "q8", …). */
  dtype?: string
  /** Where to report why the embedding engine is not used (default: console.warn). */
  log?: (message: string) => void
}

export async function createSummaryEngine(options: SummaryEngineOptions = {}): Promise<SummaryEngine> {
  const { modelDir, model, dtype, log = (m: string) => console.warn(m) } = options
  if (!modelDir) return new LexicalSummaryEngine()
  const fallback = (reason: string): SummaryEngine => {
    log(`Tóm tắt: dùng bộ tóm tắt từ vựng vì ${reason}.`)
    return new LexicalSummaryEngine()
  }
  if (!model) return fallback('chưa chỉ định tên mô hình nhúng câu')
  try {
    return await EmbeddingSummaryEngine.load({ modelDir, model, dtype })
  } catch (err) {
    return fallback(err instanceof Error ? err.message : String(err))
  }
}
