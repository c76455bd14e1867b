/**
 * Evaluates the speech normaliser on the development set /work/shared/eval/tts/normalize-dev.jsonl with
 * the pass rules of /work/shared/eval/README.md. Each case goes through the same code as
 * `sotay normalize` (one JSON line in, one out). Prints the pass count and every failure.
 *
 *   npx tsx scripts/eval-normalize.ts [path/to/set.jsonl]
 */
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { checkSpoken } from '../src/lib/vi/speech/check'
import { normalizeRecord } from '../src/lib/vi/speech/jsonl'

interface Case {
  id: string
  input: string
  must?: string[]
  any?: string[][]
}

async function main(): Promise<number> {
  const file = process.argv[2] ?? path.resolve(process.cwd(), '../shared/eval/tts/normalize-dev.jsonl')
  const cases = (await readFile(file, 'utf8'))
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Case)
  const failures: string[] = []
  const started = performance.now()
  for (const c of cases) {
    const result = normalizeRecord(JSON.stringify({ id: c.id, input: c.input }))
    const output = 'output' in result ? result.output : ''
    const check = 'output' in result ? checkSpoken(output, c) : { pass: false, problems: [result.error] }
    if (!check.pass) failures.push(`${c.id}: ${check.problems.join('; ')}\n    vào: ${c.input}\n    ra:  ${output}`)
  }
  const ms = performance.now() - started
  console.log(`Bộ đánh giá: ${file}`)
  console.log(`Đạt ${cases.length - failures.length}/${cases.length} trường hợp (${ms.toFixed(0)} ms).`)
  if (failures.length) console.log(`\nKhông đạt:\n${failures.join('\n')}`)
  return failures.length ? 1 : 0
}

process.exitCode = await main()
