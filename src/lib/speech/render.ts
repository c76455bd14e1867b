/**
 * Renders a list of sentences into one MP3 and its timing map.
 *
 * Sentences are synthesised in batches (bounded memory: ≈ 2 MB of PCM per 1000 characters); each clip's
 * edge silence is trimmed and clips are laid end to end with uniform pauses — a longer one before a new
 * chapter — streamed to the encoder thread, which encodes one batch while the next is synthesised.
 * Positions are counted in samples fed to the encoder and converted to decoded-stream milliseconds at the
 * end (see `SpeechTiming`).
 */
import { CODEC_DELAY_SAMPLES, MP3_BITRATES, Mp3Writer, readFrames } from './mp3'
import {
  SpeechInputError,
  type ChapterMark,
  type SpeechSentence,
  type SpeechTrack,
  type TtsEngine,
} from './types'

export interface Pauses {
  /** Before the first sentence. */
  leadingMs: number
  /** Between sentences of the same chapter. */
  sentenceMs: number
  /** Before the first sentence of a new chapter. */
  chapterMs: number
  /** After the last sentence. */
  trailingMs: number
}

export const DEFAULT_PAUSES: Pauses = { leadingMs: 150, sentenceMs: 350, chapterMs: 900, trailingMs: 400 }

export interface RenderOptions {
  engine: TtsEngine
  /** Defaults to the engine's first voice. */
  voice?: string
  /** Speaking-rate multiplier, default 1. */
  rate?: number
  /** Turns written text into speakable text (numbers, abbreviations…); applied to every sentence. Default: none. */
  normalize?: (text: string) => string
  /** Default 48 (mono speech). */
  bitrateKbps?: number
  pauses?: Partial<Pauses>
  /** Characters sent to the engine per call (a longer single sentence goes alone). Default 2000 ≈ 1½ min of speech. */
  batchChars?: number
}

/** Samples quieter than this (about −54 dBFS) count as silence when trimming clip edges. */
const SILENCE_THRESHOLD = 64
/** Silence kept around a trimmed clip so that soft onsets and releases are not cut. */
const EDGE_MARGIN_MS = 20

export async function renderSpeech(sentences: readonly SpeechSentence[], options: RenderOptions): Promise<SpeechTrack> {
  const { engine } = options
  const voice = options.voice ?? engine.voices[0]
  const rate = options.rate ?? 1
  const bitrateKbps = options.bitrateKbps ?? 48
  if (!(MP3_BITRATES as readonly number[]).includes(bitrateKbps)) {
    throw new SpeechInputError(`Tốc độ bit không hợp lệ: ${bitrateKbps}. Chọn một trong: ${MP3_BITRATES.join(', ')} kbps.`)
  }
  const items = prepare(sentences, options.normalize ?? ((text) => text))
  const pauses = { ...DEFAULT_PAUSES, ...options.pauses }
  let layout: Layout | undefined
  try {
    for (const batch of batches(items, options.batchChars ?? 2000)) {
      const { sampleRate, clips } = await engine.synthesize(
        batch.map((item) => item.text),
        { voice, rate },
      )
      layout ??= new Layout(sampleRate, bitrateKbps, pauses)
      if (sampleRate !== layout.sampleRate) throw new Error(`${engine.id} đổi tần số lấy mẫu giữa chừng`)
      for (const [i, item] of batch.entries()) await layout.place(item, clips[i])
    }
    const { mp3, ...timeline } = await layout!.finish()
    return { mp3, timing: { version: 1, engine: engine.id, voice, rate, ...timeline } }
  } finally {
    await layout?.close()
  }
}

/** Validates the input, applies the normaliser, and rejects input with nothing to read. */
function prepare(sentences: readonly SpeechSentence[], normalize: (text: string) => string): SpeechSentence[] {
  if (!Array.isArray(sentences) || sentences.length === 0) throw new SpeechInputError('Không có câu nào để đọc.')
  const seen = new Set<string>()
  const items = sentences.map((sentence, index) => {
    if (typeof sentence?.id !== 'string' || sentence.id === '') {
      throw new SpeechInputError(`Câu thứ ${index + 1} thiếu mã câu (id).`)
    }
    if (seen.has(sentence.id)) throw new SpeechInputError(`Mã câu bị trùng: "${sentence.id}".`)
    seen.add(sentence.id)
    if (typeof sentence.text !== 'string') throw new SpeechInputError(`Câu "${sentence.id}" không có nội dung văn bản.`)
    return { ...sentence, text: normalize(sentence.text) }
  })
  if (items.every((item) => item.text.trim() === '')) {
    throw new SpeechInputError('Văn bản cần đọc đang trống (chỉ có khoảng trắng).')
  }
  return items
}

function* batches(items: SpeechSentence[], maxChars: number): Generator<SpeechSentence[]> {
  let batch: SpeechSentence[] = []
  let chars = 0
  for (const item of items) {
    if (batch.length > 0 && chars + item.text.length > maxChars) {
      yield batch
      batch = []
      chars = 0
    }
    batch.push(item)
    chars += item.text.length
  }
  if (batch.length > 0) yield batch
}

/** The voiced part of a clip, keeping `EDGE_MARGIN_MS` of its own silence on each side; empty if all silent. */
function trimSilence(clip: Int16Array, sampleRate: number): Int16Array {
  let first = 0
  while (first < clip.length && Math.abs(clip[first]) < SILENCE_THRESHOLD) first++
  if (first === clip.length) return clip.subarray(0, 0)
  let last = clip.length - 1
  while (Math.abs(clip[last]) < SILENCE_THRESHOLD) last--
  const margin = Math.round((EDGE_MARGIN_MS * sampleRate) / 1000)
  return clip.subarray(Math.max(0, first - margin), Math.min(clip.length, last + 1 + margin))
}

interface Span {
  id: string
  start: number
  end: number
}

/** Lays clips and pauses end to end into the encoder, remembering where each sentence and chapter starts. */
class Layout {
  private readonly writer: Mp3Writer
  private readonly spans: Span[] = []
  private readonly chapters: Array<{ title: string; start: number }> = []
  /** Samples written so far. */
  private cursor = 0
  private chapter: string | undefined
  /** A chapter whose mark waits for its first audible sentence (placed after the chapter pause). */
  private pendingChapter: string | undefined
  private spoken = false

  constructor(
    readonly sampleRate: number,
    bitrateKbps: number,
    private readonly pauses: Pauses,
  ) {
    this.writer = new Mp3Writer(sampleRate, bitrateKbps)
  }

  async place(sentence: SpeechSentence, clip: Int16Array): Promise<void> {
    if (sentence.chapter !== this.chapter) {
      this.markPendingChapter()
      this.chapter = sentence.chapter
      if (sentence.chapter) this.pendingChapter = sentence.chapter
    }
    const voiced = trimSilence(clip, this.sampleRate)
    if (voiced.length === 0) {
      this.spans.push({ id: sentence.id, start: this.cursor, end: this.cursor })
      return
    }
    const { leadingMs, chapterMs, sentenceMs } = this.pauses
    await this.silence(!this.spoken ? leadingMs : this.pendingChapter !== undefined ? chapterMs : sentenceMs)
    this.markPendingChapter()
    this.spans.push({ id: sentence.id, start: this.cursor, end: this.cursor + voiced.length })
    this.cursor += voiced.length
    await this.writer.write(voiced)
    this.spoken = true
  }

  async finish() {
    if (!this.spoken) throw new SpeechInputError('Văn bản không có nội dung nào phát âm được.')
    this.markPendingChapter()
    await this.silence(this.pauses.trailingMs)
    const mp3 = await this.writer.finish()
    const frames = readFrames(mp3)
    const { sampleRate, bitrateKbps } = frames[0]
    const decodedSamples = frames.reduce((sum, frame) => sum + frame.samples, 0)
    // Input samples are at the engine's rate; LAME may resample, so convert through seconds.
    const toMs = (position: number) => Math.round((position / this.sampleRate + CODEC_DELAY_SAMPLES / sampleRate) * 1000)
    return {
      mp3,
      audio: { codec: 'mp3' as const, sampleRate, channels: 1 as const, bitrateKbps },
      durationMs: Math.round((decodedSamples / sampleRate) * 1000),
      sentences: this.spans.map(({ id, start, end }) => ({ id, startMs: toMs(start), endMs: toMs(end) })),
      chapters: this.chapters.map(({ title, start }): ChapterMark => ({ title, startMs: toMs(start) })),
    }
  }

  close(): Promise<void> {
    return this.writer.close()
  }

  private markPendingChapter(): void {
    if (this.pendingChapter === undefined) return
    this.chapters.push({ title: this.pendingChapter, start: this.cursor })
    this.pendingChapter = undefined
  }

  private silence(ms: number): Promise<void> {
    const samples = Math.round((ms * this.sampleRate) / 1000)
    this.cursor += samples
    return this.writer.writeSilence(samples)
  }
}
