/**
 * `sotay extract TỆP [--text] [--max-pages N] [--max-ocr-pages N] [--timeout GIÂY]`
 *
 * Extracts a document (PDF — OCR for scanned pages —, DOCX, HTML, text) and prints the structured
 * document with proposed metadata and extraction facts as JSON, or its clean plain text with
 * `--text`. Progress goes to standard error. Bad files end with a Vietnamese message and exit 1.
 */
import { parseArgs } from 'node:util'
import { toPlainText } from '../../lib/document'
import { DEFAULT_LIMITS, ExtractError, extractFile, type ExtractLimits } from '../../lib/extract'

export const describe = 'Trích xuất văn bản (PDF, ảnh quét trong PDF, DOCX, HTML, tệp chữ) thành văn bản có cấu trúc'

const USAGE = `Cách dùng: sotay extract TỆP [--text] [--max-pages N] [--max-ocr-pages N] [--timeout GIÂY]
  In ra JSON: {"document", "metadata", "facts", "source"} — văn bản có cấu trúc, siêu dữ liệu đề xuất,
  cách trích xuất (số trang, các trang phải nhận dạng chữ OCR) và văn bản gốc đã trích.
  --text            chỉ in văn bản sạch (mỗi đoạn một dòng)
  --max-pages N     số trang PDF tối đa (mặc định ${DEFAULT_LIMITS.maxPages})
  --max-ocr-pages N số trang ảnh quét tối đa được nhận dạng chữ (mặc định ${DEFAULT_LIMITS.maxOcrPages})
  --timeout GIÂY    thời gian xử lý tối đa (mặc định ${DEFAULT_LIMITS.timeoutMs / 1000} giây)
  Loại tệp được nhận biết theo nội dung, không theo phần mở rộng.
`

function positiveInteger(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined
  return /^\d+$/.test(value) && Number(value) > 0 ? Number(value) : null
}

export async function run(args: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        text: { type: 'boolean' },
        'max-pages': { type: 'string' },
        'max-ocr-pages': { type: 'string' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
  } catch (err) {
    process.stderr.write(`Tham số không hợp lệ: ${err instanceof Error ? err.message : String(err)}\n${USAGE}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.help) {
    process.stdout.write(USAGE)
    return 0
  }
  if (positionals.length !== 1) {
    process.stderr.write(`Cần đúng một tệp.\n${USAGE}`)
    return 2
  }
  const maxPages = positiveInteger(values['max-pages'])
  const maxOcrPages = positiveInteger(values['max-ocr-pages'])
  const timeout = positiveInteger(values.timeout)
  if (maxPages === null || maxOcrPages === null || timeout === null) {
    process.stderr.write(`--max-pages, --max-ocr-pages và --timeout phải là số nguyên dương.\n${USAGE}`)
    return 2
  }
  const limits: Partial<ExtractLimits> = {}
  if (maxPages) limits.maxPages = maxPages
  if (maxOcrPages) limits.maxOcrPages = maxOcrPages
  if (timeout) limits.timeoutMs = timeout * 1000
  try {
    const result = await extractFile(positionals[0], { limits, onProgress: (m) => process.stderr.write(`${m}\n`) })
    process.stdout.write(values.text ? `${toPlainText(result.document)}\n` : `${JSON.stringify(result, null, 2)}\n`)
    return 0
  } catch (err) {
    if (err instanceof ExtractError) {
      process.stderr.write(`Lỗi (${err.code}): ${err.message}\n`)
      return 1
    }
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      process.stderr.write(`Không đọc được tệp "${positionals[0]}" (không tồn tại, là thư mục hoặc không có quyền đọc).\n`)
      return 1
    }
    throw err
  }
}
