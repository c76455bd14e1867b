/**
 * Types of the speech pipeline: a pluggable text-to-speech engine, the sentences to read, and the
 * rendered track (one MP3 plus a timing map a player uses to highlight the sentence being read and to
 * jump to a chapter such as "Điều 3").
 */

/** Options understood by every engine. */
export interface SynthesisOptions {
  /** Engine-specific voice name, e.g. "vi" for eSpeak NG's Northern Vietnamese voice. */
  voice: string
  /** Speaking-rate multiplier: 1 is the engine's normal speed, 0.5 half as fast, 2 twice as fast. */
  rate: number
}

/** Speech for a batch of texts: `clips[i]` is the mono 16-bit PCM for `texts[i]` (empty if nothing is pronounceable). */
export interface SynthesisResult {
  sampleRate: number
  clips: Int16Array[]
}

/** A text-to-speech engine. Engines synthesise batches so that per-call start-up cost is paid once per batch. */
export interface TtsEngine {
  /** Identifies the engine and its version in timing files, e.g. "espeak-ng 1.52-dev". */
  readonly id: string
  /** Voice names this engine accepts; the first is the default. */
  readonly voices: readonly string[]
  synthesize(texts: readonly string[], options: SynthesisOptions): Promise<SynthesisResult>
}

/** One sentence to read, already in speakable form (or normalised by the injected normaliser). */
export interface SpeechSentence {
  /** Stable sentence id (e.g. "dieu-3.k2.s1"); unique within a track. */
  id: string
  text: string
  /** Title of the chapter (section) this sentence belongs to, e.g. "Điều 3. Nội dung …". A chapter mark starts
   * wherever this value changes to a non-empty title. */
  chapter?: string
}

/** Where a sentence is heard in the MP3, in milliseconds of the decoded stream (see `SpeechTiming`). */
export interface SentenceTiming {
  id: string
  startMs: number
  endMs: number
}

export interface ChapterMark {
  title: string
  startMs: number
}

/**
 * The timing map written next to the MP3 as `<file>.mp3.json`.
 *
 * Times are positions in the stream a standard MP3 decoder outputs (browsers, ffmpeg, mpg123), so they
 * include the encoder + decoder delay at the start (about 50 ms at 22.05 kHz). `durationMs` is the decoded
 * length (frames × samples per frame), which is what players report. Sentences are in reading order,
 * non-overlapping and monotonic; the silence between them (pauses) belongs to no sentence. A sentence with
 * nothing pronounceable has `startMs === endMs`.
 */
export interface SpeechTiming {
  version: 1
  engine: string
  voice: string
  rate: number
  audio: { codec: 'mp3'; sampleRate: number; channels: 1; bitrateKbps: number }
  durationMs: number
  sentences: SentenceTiming[]
  chapters: ChapterMark[]
}

export interface SpeechTrack {
  mp3: Uint8Array
  timing: SpeechTiming
}

/** Bad input (empty text, duplicate ids, unknown voice…): the message is in Vietnamese and meant for the user. */
export class SpeechInputError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'SpeechInputError'
  }
}
