/**
 * An engine that compares sentences by their embeddings, computed by `@huggingface/transformers`
 * from a model the operator has placed on disk (transformers.js layout: `<modelDir>/<model>/config.json`,
 * tokenizer files and `onnx/model*.onnx`). Nothing is ever downloaded: remote models are disabled
 * before the model is loaded. The package is imported at run time, so the rest of the summariser
 * works without it.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { extractSummary, type Candidate, type SentenceSimilarity } from './extractive'
import { denseCosine } from './features'
import type { SummaryEngine, SummaryInput, SummaryResult } from './types'

/** Turns texts into vectors (one per text). */
export type SentenceEncoder = (texts: string[]) => Promise<ArrayLike<number>[]>

export interface EmbeddingModelOptions {
  /** Folder that holds the models (becomes `env.localModelPath`). */
  modelDir: string
  /** Model folder inside `modelDir`, e.g. "Xenova/multilingual-e5-small". */
  model: string
  /** Weight format to load ("fp32", "q8", …); the package's default when absent. */
  dtype?: string
}

/** The part of `@huggingface/transformers` used here. */
interface Transformers {
  env: { allowRemoteModels: boolean; allowLocalModels: boolean; localModelPath: string }
  pipeline(
    task: 'feature-extraction',
    model: string,
    options: { local_files_only: boolean; dtype?: string },
  ): Promise<(texts: string[], options: { pooling: 'mean'; normalize: boolean }) => Promise<{ tolist(): number[][] }>>
}

const PACKAGE = '@huggingface/transformers'
const BATCH = 16

async function importTransformers(): Promise<Transformers> {
  try {
    return (await import(/* webpackIgnore: true */ PACKAGE)) as Transformers
  } catch {
    throw new Error(`chưa cài gói ${PACKAGE}`)
  }
}

/** Loads a local sentence-embedding model; the error says in Vietnamese why it cannot be used. */
export async function loadSentenceEncoder(options: EmbeddingModelOptions): Promise<SentenceEncoder> {
  const folder = path.join(options.modelDir, options.model)
  if (!existsSync(path.join(folder, 'config.json'))) throw new Error(`không tìm thấy mô hình tại ${folder}`)
  const transformers = await importTransformers()
  transformers.env.allowRemoteModels = false
  transformers.env.allowLocalModels = true
  transformers.env.localModelPath = options.modelDir
  const extract = await transformers
    .pipeline('feature-extraction', options.model, {
      local_files_only: true,
      ...(options.dtype ? { dtype: options.dtype } : {}),
    })
    .catch((err: unknown) => {
      throw new Error(`không nạp được mô hình ${options.model} (${err instanceof Error ? err.message : String(err)})`)
    })
  return async (texts) => {
    const vectors: number[][] = []
    for (let i = 0; i < texts.length; i += BATCH) {
      const output = await extract(texts.slice(i, i + BATCH), { pooling: 'mean', normalize: true })
      vectors.push(...output.tolist())
    }
    return vectors
  }
}

/**
 * Stretches similarities to [0, 1] within one text: embedding cosines of sentences on one topic all
 * sit close together, and only their differences tell which sentence is closer.
 */
function stretch(values: number[]): number[] {
  const min = Math.min(...values)
  const max = Math.max(...values)
  return values.map((v) => (max > min ? (v - min) / (max - min) : 0))
}

function stretchPairwise(matrix: number[][]): number[][] {
  const off = matrix.flatMap((row, i) => row.filter((_, j) => j !== i))
  if (off.length === 0) return matrix
  const min = Math.min(...off)
  const max = Math.max(...off)
  return matrix.map((row, i) => row.map((v, j) => (i === j ? 1 : max > min ? (v - min) / (max - min) : 0)))
}

export class EmbeddingSummaryEngine implements SummaryEngine {
  readonly name: string

  constructor(
    private readonly encode: SentenceEncoder,
    model: string,
  ) {
    this.name = `embedding:${model}`
  }

  static async load(options: EmbeddingModelOptions): Promise<EmbeddingSummaryEngine> {
    return new EmbeddingSummaryEngine(await loadSentenceEncoder(options), options.model)
  }

  summarize(input: SummaryInput): Promise<SummaryResult> {
    return extractSummary(this.name, input, (candidates, title) => this.similarity(candidates, title))
  }

  private async similarity(candidates: Candidate[], title: string | undefined): Promise<SentenceSimilarity> {
    const texts = candidates.map((c) => c.text)
    const vectors = await this.encode(title ? [...texts, title] : texts)
    const sentences = vectors.slice(0, candidates.length)
    const pairwise = stretchPairwise(sentences.map((a) => sentences.map((b) => denseCosine(a, b))))
    const toTitle = title ? stretch(sentences.map((v) => denseCosine(v, vectors[candidates.length]))) : null
    return { pairwise, toTitle }
  }
}
