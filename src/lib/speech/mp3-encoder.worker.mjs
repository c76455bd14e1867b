// @ts-check
/**
 * Worker thread running the LAME encoder (pure-JS `@breezystack/lamejs`) for `Mp3Writer` in `mp3.ts`.
 * Plain JavaScript because worker threads load files natively, without the TypeScript loader (tsx, jest).
 *
 * Protocol (from the parent): { type: 'pcm', buffer: ArrayBuffer of Int16 samples } · { type: 'silence',
 * samples } · { type: 'finish' }. Replies: { type: 'encoded', samples } after each pcm/silence message
 * (lets the parent bound its backlog), then { type: 'done', mp3: ArrayBuffer } after 'finish'.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { Mp3Encoder } from '@breezystack/lamejs'

/** Samples fed to the encoder at a time: keeps its internal output buffer small. */
const SLICE = 1152 * 16

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort)
const { sampleRate, bitrateKbps } = /** @type {{ sampleRate: number, bitrateKbps: number }} */ (workerData)
const encoder = new Mp3Encoder(1, sampleRate, bitrateKbps)
/** @type {Uint8Array[]} */
const chunks = []
/** @type {Int16Array} */
let zeros = new Int16Array(0)

/** @param {Uint8Array} encoded lamejs returns fresh Int8Arrays (despite its typings): keep them as bytes. */
function keep(encoded) {
  if (encoded.length > 0) chunks.push(new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.length))
}

/** @param {Int16Array} pcm */
function encode(pcm) {
  for (let start = 0; start < pcm.length; start += SLICE) keep(encoder.encodeBuffer(pcm.subarray(start, start + SLICE)))
}

port.on('message', (/** @type {{ type: string, buffer?: ArrayBuffer, samples?: number }} */ message) => {
  if (message.type === 'pcm') {
    const pcm = new Int16Array(/** @type {ArrayBuffer} */ (message.buffer))
    encode(pcm)
    port.postMessage({ type: 'encoded', samples: pcm.length })
  } else if (message.type === 'silence') {
    const samples = /** @type {number} */ (message.samples)
    if (zeros.length < samples) zeros = new Int16Array(samples)
    encode(zeros.subarray(0, samples))
    port.postMessage({ type: 'encoded', samples })
  } else if (message.type === 'finish') {
    keep(encoder.flush())
    const mp3 = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0))
    let offset = 0
    for (const chunk of chunks) {
      mp3.set(chunk, offset)
      offset += chunk.length
    }
    port.postMessage({ type: 'done', mp3: mp3.buffer }, [mp3.buffer])
  }
})
