/**
 * `sotay search --corpus FILE --queries FILE [--limit 10]`
 *
 * Batch retrieval for evaluation: builds a fresh in-memory embedded index from corpus lines
 * {"id","title","text"}, answers every query line {"id","query"} and prints {"id","hits":[ids]} lines.
 */
import { readFile } from 'node:fs/promises'
import { batchSearch, parseJsonLines, type CorpusLine, type QueryLine } from '../../../search/batch'

export const describe = 'Tìm kiếm hàng loạt để đánh giá: --corpus TỆP --queries TỆP [--limit 10]'

const USAGE = 'Cách dùng: sotay search --corpus TỆP.jsonl --queries TỆP.jsonl [--limit 10]'

interface Options {
  corpus: string
  queries: string
  limit: number
}

function parseArgs(args: string[]): Options | string {
  const values: Record<string, string> = {}
  for (let i = 0; i < args.length; i++) {
    const name = args[i]
    if (!['--corpus', '--queries', '--limit'].includes(name)) return `Tuỳ chọn không hợp lệ: "${name}".`
    const value = args[i + 1]
    if (value === undefined || value.startsWith('--')) return `Thiếu giá trị cho ${name}.`
    values[name] = value
    i++
  }
  if (!values['--corpus'] || !values['--queries']) return 'Cần cả --corpus và --queries.'
  const limit = values['--limit'] === undefined ? 10 : Number(values['--limit'])
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return '--limit phải là số nguyên từ 1 đến 100.'
  return { corpus: values['--corpus'], queries: values['--queries'], limit }
}

async function readLines<T>(file: string, what: string): Promise<T[]> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    throw new Error(`Không đọc được tệp ${what}: ${file}`)
  }
  return parseJsonLines<T>(text, `Tệp ${what} ${file}`)
}

function invalid<T>(lines: T[], ok: (line: T) => boolean): number {
  return lines.findIndex((line) => !ok(line))
}

export async function run(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const options = parseArgs(args)
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n${USAGE}\n`)
    return 2
  }
  let corpus: CorpusLine[]
  let queries: QueryLine[]
  try {
    corpus = await readLines<CorpusLine>(options.corpus, 'kho văn bản')
    queries = await readLines<QueryLine>(options.queries, 'truy vấn')
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`)
    return 1
  }
  const badDoc = invalid(corpus, (d) => d !== null && typeof d === 'object' && (typeof d.id === 'string' || typeof d.id === 'number'))
  if (badDoc >= 0) {
    process.stderr.write(`Kho văn bản: mục thứ ${badDoc + 1} thiếu "id".\n`)
    return 1
  }
  const badQuery = invalid(queries, (q) => q !== null && typeof q === 'object' && q.id !== undefined && typeof q.query === 'string')
  if (badQuery >= 0) {
    process.stderr.write(`Truy vấn: mục thứ ${badQuery + 1} cần "id" và "query" (chuỗi).\n`)
    return 1
  }
  for (const answer of await batchSearch(corpus, queries, options.limit)) process.stdout.write(`${JSON.stringify(answer)}\n`)
  return 0
}
