/**
 * `sotay speak --in FILE --out FILE.mp3`: reads a plain-text document aloud into one MP3, and writes the
 * timing map (sentence → start/end ms, chapter marks for Phần/Chương/Mục/Điều headings) to FILE.mp3.json.
 * Sentences are split by `splitSentenceSpans` and put into spoken form by `normalizeForSpeech`.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
  createEspeakEngine,
  ESPEAK_VOICES,
  MAX_RATE,
  MIN_RATE,
  MP3_BITRATES,
  renderSpeech,
  sentencesFromPlainText,
  SpeechInputError,
} from '@/lib/speech'
import { normalizeForSpeech } from '@/lib/vi/speech'

export const describe = 'Đọc văn bản thành tệp MP3 kèm bản đồ thời gian từng câu (giọng tiếng Việt)'

const USAGE = `Cách dùng: sotay speak --in VĂN_BẢN.txt --out TỆP.mp3 [tuỳ chọn]

Đọc văn bản (UTF-8) thành một tệp MP3 đơn kênh và ghi bản đồ thời gian vào TỆP.mp3.json:
từng câu (mã, mốc bắt đầu/kết thúc theo ms) và các chương (Phần, Chương, Mục, Điều).

Tuỳ chọn:
  --voice GIỌNG     ${ESPEAK_VOICES.join(' | ')} (mặc định: ${ESPEAK_VOICES[0]})
  --rate HỆ_SỐ      tốc độ đọc, từ ${decimal(MIN_RATE)} đến ${decimal(MAX_RATE)} (mặc định: 1)
  --bitrate KBPS    ${MP3_BITRATES.join(', ')} (mặc định: 48)
  -h, --help        hiện hướng dẫn này
`

export async function run(args: string[]): Promise<number> {
  let options
  try {
    options = parseArgs({
      args,
      options: {
        in: { type: 'string' },
        out: { type: 'string' },
        voice: { type: 'string' },
        rate: { type: 'string' },
        bitrate: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values
  } catch (err) {
    return usageError(describeArgsError(err))
  }
  if (options.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (!options.in || !options.out) return usageError('cần cả --in và --out.')
  const rate = options.rate === undefined ? 1 : Number(options.rate.replace(',', '.'))
  const bitrateKbps = options.bitrate === undefined ? 48 : Number(options.bitrate)

  let text: string
  try {
    text = await readFile(options.in, 'utf8')
  } catch {
    process.stderr.write(`Không đọc được tệp văn bản: ${options.in}\n`)
    return 1
  }

  const started = performance.now()
  const sentences = sentencesFromPlainText(text)
  let track
  try {
    track = await renderSpeech(sentences, {
      engine: createEspeakEngine(),
      normalize: (sentence) => normalizeForSpeech(sentence),
      voice: options.voice,
      rate,
      bitrateKbps,
    })
  } catch (err) {
    if (!(err instanceof SpeechInputError)) throw err
    process.stderr.write(`${err.message}\n`)
    return 1
  }
  const timingFile = `${options.out}.json`
  try {
    await writeFile(options.out, track.mp3)
    await writeFile(timingFile, `${JSON.stringify(track.timing, null, 1)}\n`)
  } catch {
    process.stderr.write(`Không ghi được tệp: ${options.out} (thư mục có tồn tại và cho phép ghi không?)\n`)
    return 1
  }

  const { durationMs, chapters } = track.timing
  const seconds = Math.round(durationMs / 1000)
  process.stdout.write(
    `Đã ghi ${path.basename(options.out)} (${Math.floor(seconds / 60)} phút ${seconds % 60} giây, ` +
      `${sentences.length} câu, ${chapters.length} chương, ${(track.mp3.length / 1024).toFixed(0)} KB) ` +
      `và ${path.basename(timingFile)} trong ${decimal((performance.now() - started) / 1000)} giây.\n`,
  )
  return 0
}

/** node:util parseArgs errors, in Vietnamese. */
function describeArgsError(err: unknown): string {
  const { code, message } = err as { code?: string; message: string }
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? ''
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `không có tuỳ chọn ${quoted}.`
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `tuỳ chọn ${quoted.split(' ')[0]} cần một giá trị.`
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `tham số thừa: ${quoted}.`
  return message
}

function usageError(message: string): number {
  process.stderr.write(`Tham số không hợp lệ: ${message}\n\n${USAGE}`)
  return 2
}

/** A number as Vietnamese writes it: one decimal, comma separator. */
function decimal(value: number): string {
  return value.toFixed(1).replace('.', ',')
}
