/** Reads the document fixtures (real public documents and web pages) shipped with the tests. */
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/document')

export function fixture(name: string): string {
  return readFileSync(path.join(dir, name), 'utf8')
}
