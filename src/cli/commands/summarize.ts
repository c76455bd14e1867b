/**
 * `sotay summarize [--sentences N] [--words N] [--model-dir DIR --model NAME]`
 *
 * Reads JSON lines `{"id", "text", "title"?}` on standard input (`text` holds one sentence a line)
 * and writes one line `{"id", "summary"}` for each: the chosen sentences, verbatim, joined by a
 * newline, in their original order. A malformed line gets `{"line", "error"}` (in Vietnamese) and the
 * others go on; the exit code is then 1.
 *
 * The embedding engine is used when a local model is given (flags, or SOTAY_SUMMARY_MODEL_DIR and
 * SOTAY_SUMMARY_MODEL); otherwise, or when it cannot load, the lexical engine.
 */
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { createSummaryEngine } from '../../lib/summarize/factory'
import { replyToLine, type SummaryOptions } from '../../lib/summarize/jsonl'
import { DEFAULT_MAX_SENTENCES } from '../../lib/summarize/types'
import { env } from '../../server/config'

export const describe = 'Tóm tắt trích câu: đọc JSON lines {"id","text"} từ stdin, ghi {"id","summary"}'

const USAGE = `Cách dùng: sotay summarize [--sentences N] [--words N] [--model-dir THƯ_MỤC --model TÊN] < vao.jsonl
  Mỗi dòng vào: {"id": ..., "text": "câu 1\\ncâu 2\\n...", "title": "tiêu đề (không bắt buộc)"}
  Mỗi dòng ra:  {"id": ..., "summary": "các câu được chọn, mỗi câu một dòng"}
  --sentences N   số câu tối đa (mặc định ${DEFAULT_MAX_SENTENCES})
  --words N       số từ tối đa của bản tóm tắt
  --model-dir, --model   mô hình nhúng câu đặt sẵn trên máy (không bao giờ tải về)
`

function positiveInteger(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined
  return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : null
}

export async function run(args: string[]): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      args,
      options: {
        sentences: { type: 'string' },
        words: { type: 'string' },
        'model-dir': { type: 'string' },
        model: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (err) {
    process.stderr.write(`Tham số không hợp lệ: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`)
    return 2
  }
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  const maxSentences = positiveInteger(values.sentences)
  const maxWords = positiveInteger(values.words)
  if (maxSentences === null || maxWords === null) {
    process.stderr.write(`--sentences và --words phải là số nguyên dương.\n${USAGE}`)
    return 2
  }
  const engine = await createSummaryEngine({
    modelDir: values['model-dir'] ?? (env('SOTAY_SUMMARY_MODEL_DIR') || undefined),
    model: values.model ?? (env('SOTAY_SUMMARY_MODEL') || undefined),
    log: (m) => process.stderr.write(`${m}\n`),
  })
  const options: SummaryOptions = { maxSentences: maxSentences ?? DEFAULT_MAX_SENTENCES, maxWords }
  let lineNumber = 0
  let failed = false
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNumber++
    if (!line.trim()) continue
    const reply = await replyToLine(engine, line, lineNumber, options)
    if ('error' in reply) failed = true
    process.stdout.write(`${JSON.stringify(reply)}\n`)
  }
  return failed ? 1 : 0
}
