/**
 * Writes a tiny sentence-embedding model in transformers.js layout (config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx) so the real loading path of the embedding engine can run
 * without any download. The ONNX graph is one Gather: each word's row of a fixed embedding table,
 * mean-pooled by the pipeline — a bag-of-words sentence vector.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'

/** Minimal protobuf writer: varints and length-delimited fields are all ONNX needs here. */
function varint(n: number): number[] {
  const out: number[] = []
  let v = n
  while (v > 127) {
    out.push((v & 127) | 128)
    v = Math.floor(v / 128)
  }
  out.push(v)
  return out
}
const intField = (field: number, value: number): number[] => [...varint(field << 3), ...varint(value)]
function bytesField(field: number, bytes: Uint8Array | number[]): number[] {
  return [...varint((field << 3) | 2), ...varint(bytes.length), ...bytes]
}
const stringField = (field: number, s: string): number[] => bytesField(field, [...Buffer.from(s, 'utf8')])

const FLOAT = 1
const INT64 = 7
const ATTRIBUTE_INT = 2

function dim(name: string | number): number[] {
  return typeof name === 'number' ? intField(1, name) : stringField(2, name)
}

function tensorValue(name: string, elemType: number, dims: (string | number)[]): number[] {
  const shape = dims.flatMap((d) => bytesField(1, dim(d)))
  const tensorType = [...intField(1, elemType), ...bytesField(2, shape)]
  return [...stringField(1, name), ...bytesField(2, bytesField(1, tensorType))]
}

function onnxModel(table: Float32Array, vocabulary: number, width: number): Uint8Array {
  const axis = [...stringField(1, 'axis'), ...intField(3, 0), ...intField(20, ATTRIBUTE_INT)]
  const node = [
    ...stringField(1, 'embeddings'),
    ...stringField(1, 'input_ids'),
    ...stringField(2, 'last_hidden_state'),
    ...stringField(3, 'lookup'),
    ...stringField(4, 'Gather'),
    ...bytesField(5, axis),
  ]
  const initializer = [
    ...intField(1, vocabulary),
    ...intField(1, width),
    ...intField(2, FLOAT),
    ...stringField(8, 'embeddings'),
    ...bytesField(9, new Uint8Array(table.buffer)),
  ]
  const graph = [
    ...bytesField(1, node),
    ...stringField(2, 'tiny'),
    ...bytesField(5, initializer),
    ...bytesField(11, tensorValue('input_ids', INT64, ['batch', 'sequence'])),
    ...bytesField(12, tensorValue('last_hidden_state', FLOAT, ['batch', 'sequence', width])),
  ]
  const opset = [...stringField(1, ''), ...intField(2, 13)]
  return new Uint8Array([...intField(1, 8), ...stringField(2, 'sotay-test'), ...bytesField(7, graph), ...bytesField(8, opset)])
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Writes the model for `words` into `<modelDir>/<model>`. */
export function writeTinyModel(modelDir: string, model: string, words: string[], width = 32): void {
  const folder = path.join(modelDir, model)
  mkdirSync(path.join(folder, 'onnx'), { recursive: true })
  const vocab: Record<string, number> = { '[PAD]': 0, '[UNK]': 1 }
  for (const w of words) if (!(w in vocab)) vocab[w] = Object.keys(vocab).length
  const size = Object.keys(vocab).length
  const next = random(42)
  const table = new Float32Array(size * width).map((_, i) => (i < 2 * width ? 0 : next() * 2 - 1))
  writeFileSync(path.join(folder, 'onnx', 'model.onnx'), onnxModel(table, size, width))
  writeFileSync(
    path.join(folder, 'config.json'),
    JSON.stringify({ model_type: 'bert', architectures: ['BertModel'], hidden_size: width }),
  )
  writeFileSync(
    path.join(folder, 'tokenizer_config.json'),
    JSON.stringify({ tokenizer_class: 'BertTokenizer', model_max_length: 512, pad_token: '[PAD]', unk_token: '[UNK]' }),
  )
  writeFileSync(
    path.join(folder, 'tokenizer.json'),
    JSON.stringify({
      version: '1.0',
      truncation: null,
      padding: null,
      added_tokens: ['[PAD]', '[UNK]'].map((content, id) => ({
        id,
        content,
        single_word: false,
        lstrip: false,
        rstrip: false,
        normalized: false,
        special: true,
      })),
      normalizer: { type: 'Lowercase' },
      pre_tokenizer: { type: 'WhitespaceSplit' },
      post_processor: null,
      decoder: null,
      model: { type: 'WordLevel', vocab, unk_token: '[UNK]' },
    }),
  )
}
