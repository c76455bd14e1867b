/**
 * `sotay normalize`: Vietnamese text → spoken form for the synthesiser.
 *
 *   sotay normalize < in.jsonl > out.jsonl     lines {"id","input"} → {"id","output"} (same order)
 *   sotay normalize --text "Nghị quyết 21-NQ/TW"
 *   sotay normalize --dictionary extra.json    extra pronunciations {"BTCB": "bí thư chi bộ", …}
 *
 * A line that cannot be read gets {"id","error"} and processing goes on; the exit code is then 1.
 */
import { readFile } from 'node:fs/promises'
import { createInterface } from 'node:readline'
import { normalizeRecord } from '../../lib/vi/speech/jsonl'
import { type NormalizeOptions, normalizeForSpeech } from '../../lib/vi/speech/normalize'

export const describe = 'Chuẩn hóa văn bản tiếng Việt thành lời đọc cho tổng hợp tiếng nói (JSON lines)'

const HELP = `Cách dùng: sotay normalize [--dictionary tệp.json] [--text "văn bản"]

Không có --text: đọc từ stdin mỗi dòng một JSON {"id", "input"}, ghi ra stdout mỗi dòng
{"id", "output"} theo đúng thứ tự; dòng lỗi được ghi {"id", "error"}.
  --dictionary tệp.json   bổ sung cách đọc: {"BTCB": "bí thư chi bộ", ...}
  --text "văn bản"        chuẩn hóa một đoạn văn bản và in kết quả
`

class UsageError extends Error {}

async function loadDictionary(file: string): Promise<Record<string, string>> {
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'))
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'không tìm thấy tệp' : 'không phải JSON hợp lệ'
    throw new UsageError(`Không đọc được từ điển "${file}": ${reason}.`)
  }
  const valid =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) && Object.values(parsed).every((v) => typeof v === 'string')
  if (!valid) throw new UsageError(`Từ điển "${file}" phải là một đối tượng JSON {"viết tắt": "cách đọc"}.`)
  return parsed as Record<string, string>
}

interface Arguments {
  options: NormalizeOptions
  text?: string
  help: boolean
}

async function parseArguments(args: string[]): Promise<Arguments> {
  const parsed: Arguments = { options: {}, help: false }
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--help' || arg === '-h') parsed.help = true
    else if (arg === '--dictionary' || arg === '--text') {
      const value = args[++i]
      if (value === undefined) throw new UsageError(`Thiếu giá trị sau ${arg}.`)
      if (arg === '--text') parsed.text = value
      else parsed.options.dictionary = await loadDictionary(value)
    } else throw new UsageError(`Tùy chọn không hợp lệ: "${arg}". Gõ "sotay normalize --help".`)
  }
  return parsed
}

async function normalizeStream(options: NormalizeOptions): Promise<number> {
  let failed = 0
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity })
  for await (const line of lines) {
    if (!line.trim()) continue
    const result = normalizeRecord(line, options)
    if ('error' in result) failed++
    process.stdout.write(JSON.stringify(result) + '\n')
  }
  if (failed) process.stderr.write(`Có ${failed} dòng không xử lý được (xem trường "error").\n`)
  return failed ? 1 : 0
}

export async function run(args: string[]): Promise<number> {
  let parsed: Arguments
  try {
    parsed = await parseArguments(args)
  } catch (err) {
    if (!(err instanceof UsageError)) throw err
    process.stderr.write(err.message + '\n')
    return 2
  }
  if (parsed.help) {
    process.stdout.write(HELP)
    return 0
  }
  if (parsed.text !== undefined) {
    process.stdout.write(normalizeForSpeech(parsed.text, parsed.options) + '\n')
    return 0
  }
  return normalizeStream(parsed.options)
}
