/**
 * The default engine: eSpeak NG's Vietnamese voices, from the `espeak-ng` npm package (WebAssembly, no
 * system install).
 *
 * That package is the eSpeak NG command-line program compiled with Emscripten: every call of its factory
 * creates a WebAssembly instance (fixed 32 MiB memory, voice data embedded in the .wasm) and runs `main(argv)`
 * once; `main` cannot be run again in the same instance. So:
 *  - the WebAssembly module is compiled once per process and reused by every instance;
 *  - one instance serves a whole batch of texts. Given no text argument, the CLI reads stdin line by line,
 *    synthesises each line and flushes stdout; with `--stdout` it writes the audio there as a WAV stream.
 *    stdin and stdout are in-memory devices (no files anywhere), and since a line's audio is flushed before the
 *    CLI asks for the next line, the stdout length at that moment is the exact boundary between two clips;
 *  - an instance's memory is released with it after the batch; output grows with the batch (≈ 44 kB per
 *    second of speech), so callers bound batch sizes (see `render.ts`).
 * An instance costs ≈ 70–100 ms to start, paid once per batch. Keeping one alive across calls would need main()
 * to block on stdin (Atomics in a worker) for no real gain: synthesis runs at ≈ 500× real time, and runs in
 * the caller's thread (a 2000-character batch takes ≈ 0.2–0.3 s).
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'
import ESpeakNg from 'espeak-ng'
import { SpeechInputError, type SynthesisOptions, type SynthesisResult, type TtsEngine } from './types'

/** Vietnamese voices shipped in the package: Northern (default), Central, Southern. */
export const ESPEAK_VOICES = ['vi', 'vi-vn-x-central', 'vi-vn-x-south'] as const
/** eSpeak NG always synthesises at this rate. */
const SAMPLE_RATE = 22050
/** eSpeak NG's default speed (words — for Vietnamese, syllables — per minute), our rate 1. */
const NORMAL_WPM = 175
export const MIN_RATE = 0.5
export const MAX_RATE = 2.5
/** Amplitude 0–200 (default 100 peaks at full scale): 80 leaves headroom against clipping in the MP3. */
const AMPLITUDE = 80
/** The CLI reads lines with fgets into 1000 bytes; longer lines would be cut mid-word. */
const MAX_LINE_BYTES = 900
const WAV_HEADER_BYTES = 44
const NEWLINE = 0x0a

const require = createRequire(import.meta.url)
// Resolved on first use, not on import: the Next.js bundle imports this module (through the jobs in
// payload.config) and cannot resolve package files at build time; only the worker process speaks.
const packageDir = () => path.dirname(require.resolve('espeak-ng/package.json'))
const packageVersion = () => (require('espeak-ng/package.json') as { version: string }).version

let compiled: Promise<WebAssembly.Module> | undefined

/** Compiles the package's .wasm once per process (the costly part of start-up). */
function compiledModule(): Promise<WebAssembly.Module> {
  compiled ??= readFile(path.join(packageDir(), 'dist', 'espeak-ng.wasm')).then((bytes) => WebAssembly.compile(bytes))
  return compiled
}

export function createEspeakEngine(): TtsEngine {
  return {
    id: `espeak-ng@${packageVersion()}`,
    voices: ESPEAK_VOICES,
    synthesize: synthesizeBatch,
  }
}

async function synthesizeBatch(texts: readonly string[], options: SynthesisOptions): Promise<SynthesisResult> {
  const args = cliArguments(options)
  const lines: string[] = []
  const lineRanges = texts.map((text) => {
    const first = lines.length
    lines.push(...splitToLines(speakable(text)))
    return { first, end: lines.length }
  })
  const pcm = lines.length > 0 ? await runCli(args, lines) : { samples: new Int16Array(0), lineEnds: [] }
  const clips = lineRanges.map(({ first, end }) =>
    first === end ? new Int16Array(0) : pcm.samples.subarray(first === 0 ? 0 : pcm.lineEnds[first - 1], pcm.lineEnds[end - 1]),
  )
  return { sampleRate: SAMPLE_RATE, clips }
}

function cliArguments({ voice, rate }: SynthesisOptions): string[] {
  if (!(ESPEAK_VOICES as readonly string[]).includes(voice)) {
    throw new SpeechInputError(`Giọng đọc không được hỗ trợ: "${voice}". Các giọng có sẵn: ${ESPEAK_VOICES.join(', ')}.`)
  }
  if (!Number.isFinite(rate) || rate < MIN_RATE || rate > MAX_RATE) {
    const vi = (n: number) => String(n).replace('.', ',')
    throw new SpeechInputError(`Tốc độ đọc phải từ ${vi(MIN_RATE)} đến ${vi(MAX_RATE)} (nhận được: ${vi(rate)}).`)
  }
  // -b 1: input is UTF-8; -D: deterministic output.
  return ['--stdout', '-b', '1', '-D', '-v', voice, '-s', String(Math.round(NORMAL_WPM * rate)), '-a', String(AMPLITUDE)]
}

/**
 * Makes text safe for the line protocol: one line, no control characters, and no "[[" (which eSpeak would
 * read as phoneme codes).
 */
function speakable(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ')
    .replace(/\[(?=\[)/g, '[ ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * Splits a text into lines of at most `MAX_LINE_BYTES` UTF-8 bytes, cutting after clause punctuation when
 * one falls in the second half of the allowance, else at the last space, else (one enormous token) anywhere.
 */
export function splitToLines(text: string, maxBytes = MAX_LINE_BYTES): string[] {
  const lines: string[] = []
  let rest = text
  while (Buffer.byteLength(rest) > maxBytes) {
    const cut = breakBefore(rest, prefixFitting(rest, maxBytes))
    lines.push(rest.slice(0, cut).trim())
    rest = rest.slice(cut).trim()
  }
  if (rest) lines.push(rest)
  return lines
}

/** Length (in UTF-16 units) of the longest whole-character prefix of `text` within `maxBytes` UTF-8 bytes. */
function prefixFitting(text: string, maxBytes: number): number {
  let bytes = 0
  let length = 0
  for (const ch of text) {
    bytes += Buffer.byteLength(ch)
    if (bytes > maxBytes) break
    length += ch.length
  }
  return length
}

function breakBefore(text: string, limit: number): number {
  const head = text.slice(0, limit + 1)
  const clause = Math.max(...[',', ';', ':', '.', '!', '?', ')'].map((p) => head.lastIndexOf(`${p} `)))
  if (clause >= limit / 2) return clause + 1
  const space = head.lastIndexOf(' ')
  return space > 0 ? space : limit
}

/** A growable byte buffer fed one byte at a time by the CLI's stdout device. */
class ByteSink {
  bytes = new Uint8Array(1 << 20)
  length = 0

  push = (byte: number): void => {
    if (this.length === this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2)
      grown.set(this.bytes)
      this.bytes = grown
    }
    this.bytes[this.length++] = byte
  }
}

/**
 * Runs the CLI on `lines` in a fresh instance. Returns the PCM of all lines, and for each line the sample
 * index where its audio ends.
 */
async function runCli(args: string[], lines: readonly string[]): Promise<{ samples: Int16Array; lineEnds: number[] }> {
  const module = await compiledModule()
  const input = new TextEncoder().encode(lines.map((line) => `${line}\n`).join(''))
  const stdout = new ByteSink()
  const lineEndBytes: number[] = []
  const stderr: string[] = []
  let pos = 0
  let newlines = 0
  let endRead = false
  let reachedEnd = false
  let exitStatus: number | undefined
  let abortReason: unknown

  /** Hands out one line per read() call, so the CLI synthesises and flushes it before it reads the next. */
  const stdin = (): number | null => {
    if (endRead) {
      endRead = false
      return null
    }
    if (lineEndBytes.length < newlines) lineEndBytes.push(stdout.length)
    if (pos >= input.length) {
      reachedEnd = true
      return null
    }
    const byte = input[pos++]
    if (byte === NEWLINE) {
      newlines++
      endRead = true
    }
    return byte
  }

  // The runtime builds a stack trace for each (expected) file-system error while it unpacks the voice data,
  // which doubles start-up time. main() runs synchronously between preRun and postRun, so nothing else sees
  // the lowered limit.
  const stackTraceLimit = Error.stackTraceLimit
  try {
    await new Promise<void>((resolve, reject) => {
      ESpeakNg({
        arguments: args,
        stdin,
        stdout: stdout.push,
        printErr: (line) => stderr.push(line),
        preRun: [() => void (Error.stackTraceLimit = 0)],
        postRun: [() => void (Error.stackTraceLimit = stackTraceLimit)],
        onAbort: (what) => void (abortReason = what),
        // The default would set process.exitCode to main's status: keep it to ourselves.
        quit: (status, toThrow) => {
          exitStatus = status
          throw toThrow
        },
        instantiateWasm: (imports, receiveInstance) => {
          WebAssembly.instantiate(module, imports).then(receiveInstance).catch(reject)
          return {}
        },
      }).then(() => resolve(), reject)
    })
  } catch (err) {
    abortReason ??= err
  } finally {
    Error.stackTraceLimit = stackTraceLimit
  }
  if (!reachedEnd || lineEndBytes.length !== lines.length || exitStatus !== 0 || abortReason !== undefined) {
    const reason = abortReason instanceof Error ? abortReason.message : abortReason
    const detail = [reason, exitStatus ? `mã thoát ${exitStatus}` : '', ...stderr].filter(Boolean).join('; ')
    throw new Error(`espeak-ng dừng giữa chừng sau ${lineEndBytes.length}/${lines.length} dòng${detail ? `: ${detail}` : ''}`)
  }
  return { samples: wavSamples(stdout), lineEnds: lineEndBytes.map((end) => Math.max(0, end - WAV_HEADER_BYTES) / 2) }
}

/** The PCM after the WAV header (little-endian 16-bit mono, as on every platform Node runs on). */
function wavSamples({ bytes, length }: ByteSink): Int16Array {
  if (length === 0) return new Int16Array(0) // nothing pronounceable: the CLI never opened its output
  const view = new DataView(bytes.buffer, 0, length)
  const riff = String.fromCharCode(...bytes.subarray(0, 4))
  if (riff !== 'RIFF' || length < WAV_HEADER_BYTES || view.getUint32(24, true) !== SAMPLE_RATE) {
    throw new Error(`espeak-ng trả về dữ liệu âm thanh không đúng định dạng WAV ${SAMPLE_RATE} Hz`)
  }
  return new Int16Array(bytes.buffer, WAV_HEADER_BYTES, (length - WAV_HEADER_BYTES) >> 1)
}
