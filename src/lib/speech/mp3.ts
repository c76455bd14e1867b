/**
 * MP3 encoding (LAME, via the pure-JS `@breezystack/lamejs`, in a worker thread) and a reader for MPEG
 * audio frame headers, used to measure the encoded stream exactly.
 *
 * lamejs writes bare constant-bitrate frames: no ID3 tag, no Xing/LAME info frame, bit reservoir off. So every
 * decoder outputs the same samples: the encoder's priming (576) and the decoder's own delay (529) come first,
 * and the last frame is padded. Positions in the decoded stream are therefore input position + `CODEC_DELAY_SAMPLES`.
 */
import { Worker } from 'node:worker_threads'

/**
 * How far the decoded audio lags the encoder input, in samples: LAME's ENCDELAY (576) + MP3 decoder delay
 * (528 + 1). Checked with mpg123: a tone starting at input sample n is heard from sample n + 1105 (± 2).
 */
export const CODEC_DELAY_SAMPLES = 576 + 529

/** Bitrates valid in both MPEG-1 and MPEG-2 Layer III, so any engine sample rate works with any of them. */
export const MP3_BITRATES = [32, 40, 48, 56, 64, 80, 96, 112, 128, 160] as const

export interface Mp3FrameHeader {
  /** MPEG version: 1, 2 or 2.5. */
  version: 1 | 2 | 2.5
  bitrateKbps: number
  sampleRate: number
  channels: 1 | 2
  /** Length of the frame in bytes, header included. */
  bytes: number
  /** PCM samples per channel the frame decodes to. */
  samples: number
}

const LAYER3_BITRATES = {
  mpeg1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  mpeg2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
}
const SAMPLE_RATES: Record<1 | 2 | 2.5, number[]> = {
  1: [44100, 48000, 32000],
  2: [22050, 24000, 16000],
  2.5: [11025, 12000, 8000],
}
const VERSIONS: Array<1 | 2 | 2.5 | null> = [2.5, null, 2, 1] // by the header's 2-bit version field
const LAYER_3 = 0b01
const MODE_MONO = 0b11

/** Reads the Layer III frame header at `offset`, or returns null if there is none. */
export function readFrameHeader(data: Uint8Array, offset: number): Mp3FrameHeader | null {
  if (offset + 4 > data.length || data[offset] !== 0xff || (data[offset + 1] & 0xe0) !== 0xe0) return null
  const version = VERSIONS[(data[offset + 1] >> 3) & 0b11]
  const layer = (data[offset + 1] >> 1) & 0b11
  const bitrateIndex = data[offset + 2] >> 4
  const rateIndex = (data[offset + 2] >> 2) & 0b11
  if (version === null || layer !== LAYER_3 || bitrateIndex === 0 || bitrateIndex === 15 || rateIndex === 3) return null
  const padding = (data[offset + 2] >> 1) & 1
  const bitrateKbps = (version === 1 ? LAYER3_BITRATES.mpeg1 : LAYER3_BITRATES.mpeg2)[bitrateIndex]
  const sampleRate = SAMPLE_RATES[version][rateIndex]
  const samples = version === 1 ? 1152 : 576
  return {
    version,
    bitrateKbps,
    sampleRate,
    channels: data[offset + 3] >> 6 === MODE_MONO ? 1 : 2,
    bytes: Math.floor(((samples / 8) * bitrateKbps * 1000) / sampleRate) + padding,
    samples,
  }
}

/** Walks a stream of bare MP3 frames; throws if anything else is found. */
export function readFrames(data: Uint8Array): Mp3FrameHeader[] {
  const frames: Mp3FrameHeader[] = []
  for (let offset = 0; offset < data.length; ) {
    const frame = readFrameHeader(data, offset)
    if (!frame || offset + frame.bytes > data.length) throw new Error(`Luồng MP3 hỏng tại byte ${offset}`)
    frames.push(frame)
    offset += frame.bytes
  }
  return frames
}

/** Audio the writer may queue ahead of the encoder before `write` waits: bounds memory to ≈ 2.6 MB at 22 kHz. */
const MAX_BACKLOG_SECONDS = 60

interface Waiter<T> {
  resolve: (value: T) => void
  reject: (err: Error) => void
}

/**
 * Encodes mono 16-bit PCM, appended piece by piece, into one constant-bitrate MP3. LAME runs in a worker
 * thread (`mp3-encoder.worker.mjs`): encoding is the slow stage (≈ 40× real time), so it neither blocks the
 * caller's event loop nor stops the caller synthesising the next sentences meanwhile.
 */
export class Mp3Writer {
  private readonly worker: Worker
  private readonly maxBacklog: number
  /** Samples sent to the worker and not yet encoded. */
  private backlog = 0
  /** A `write` waiting for the backlog to shrink. */
  private drain: Waiter<void> | undefined
  /** `finish` waiting for the MP3. */
  private done: Waiter<Uint8Array> | undefined
  private failure: Error | undefined
  private closed = false

  constructor(sampleRate: number, bitrateKbps: number) {
    this.maxBacklog = sampleRate * MAX_BACKLOG_SECONDS
    this.worker = new Worker(new URL('./mp3-encoder.worker.mjs', import.meta.url), { workerData: { sampleRate, bitrateKbps } })
    this.worker.on('message', (message: WorkerReply) => this.receive(message))
    this.worker.on('error', (err) => this.fail(`Bộ mã hoá MP3 gặp lỗi: ${err.message}`))
    this.worker.on('exit', (code) => this.fail(`Bộ mã hoá MP3 dừng bất ngờ (mã ${code})`))
  }

  /** Queues samples (copied); waits while the encoder is more than a minute of audio behind. */
  write(pcm: Int16Array): Promise<void> {
    if (pcm.length === 0) return Promise.resolve()
    const copy = pcm.slice()
    return this.send({ type: 'pcm', buffer: copy.buffer }, pcm.length, [copy.buffer])
  }

  writeSilence(samples: number): Promise<void> {
    return samples > 0 ? this.send({ type: 'silence', samples }, samples) : Promise.resolve()
  }

  /** Flushes the encoder and returns the whole MP3; the writer is closed afterwards. */
  async finish(): Promise<Uint8Array> {
    try {
      if (this.failure) throw this.failure
      this.worker.postMessage({ type: 'finish' })
      return await new Promise<Uint8Array>((resolve, reject) => (this.done = { resolve, reject }))
    } finally {
      await this.close()
    }
  }

  /** Stops the worker (idempotent). */
  async close(): Promise<void> {
    this.closed = true
    await this.worker.terminate()
  }

  private send(message: object, samples: number, transfer: ArrayBuffer[] = []): Promise<void> {
    if (this.failure) return Promise.reject(this.failure)
    this.backlog += samples
    this.worker.postMessage(message, transfer)
    if (this.backlog <= this.maxBacklog) return Promise.resolve()
    return new Promise((resolve, reject) => (this.drain = { resolve, reject }))
  }

  private receive(message: WorkerReply): void {
    if (message.type === 'encoded') {
      this.backlog -= message.samples
      if (this.backlog <= this.maxBacklog) this.drain?.resolve()
    } else {
      this.done?.resolve(new Uint8Array(message.mp3))
    }
  }

  private fail(message: string): void {
    if (this.closed) return
    this.failure ??= new Error(message)
    this.drain?.reject(this.failure)
    this.done?.reject(this.failure)
  }
}

type WorkerReply = { type: 'encoded'; samples: number } | { type: 'done'; mp3: ArrayBuffer }
