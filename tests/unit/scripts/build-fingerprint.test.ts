/**
 * `npm start` rebuilds the UI only when something the Next.js bundles are made from changed (issue 16,
 * finding 14): `npm install` compiling the search ranking extension again, or rewriting package-lock.json with
 * the same text, must not cost a 76 s rebuild after a crash; an edited page must.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals'
import { sourceFingerprint } from '../../../scripts/build-if-needed'

const SO = 'search/rank/build/sotay_rank.so'
let root: string

/** A project tree with the files that matter here, copied from this one. */
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'sotay-fingerprint-'))
  for (const file of ['src/app/(site)/layout.tsx', 'search/rank/sotay_rank.c', 'search/embedded.ts', 'package-lock.json', 'next.config.mjs']) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    cpSync(file, path.join(root, file))
  }
  mkdirSync(path.join(root, path.dirname(SO)), { recursive: true })
  writeFileSync(path.join(root, SO), 'ELF first build')
})
afterEach(() => rmSync(root, { recursive: true, force: true }))

/** Gives a file a new modification time, as a rewrite with the same bytes does. */
function touch(file: string): void {
  const later = new Date(Date.now() + 60_000)
  utimesSync(path.join(root, file), later, later)
}

describe('build fingerprint', () => {
  it('ignores the search extension that npm install compiles again (new bytes, new date)', () => {
    const before = sourceFingerprint(root)
    writeFileSync(path.join(root, SO), 'ELF second build, other bytes')
    touch(SO)
    writeFileSync(path.join(root, `${SO}.1234.tmp`), 'half-written by a running install')
    expect(sourceFingerprint(root)).toBe(before)
  })

  it('ignores package-lock.json rewritten with the same text', () => {
    const before = sourceFingerprint(root)
    writeFileSync(path.join(root, 'package-lock.json'), readFileSync(path.join(root, 'package-lock.json')))
    touch('package-lock.json')
    expect(sourceFingerprint(root)).toBe(before)
  })

  it('changes when a page under src/app changes', () => {
    const before = sourceFingerprint(root)
    const page = path.join(root, 'src/app/(site)/layout.tsx')
    writeFileSync(page, `${readFileSync(page, 'utf8')}\n// edited\n`)
    expect(sourceFingerprint(root)).not.toBe(before)
  })

  it('changes when a page is added under src/app, or the search engine source changes', () => {
    const before = sourceFingerprint(root)
    writeFileSync(path.join(root, 'src/app/new-page.tsx'), 'export default function Page() { return null }\n')
    const added = sourceFingerprint(root)
    expect(added).not.toBe(before)
    writeFileSync(path.join(root, 'search/embedded.ts'), '// changed\n', { flag: 'a' })
    expect(sourceFingerprint(root)).not.toBe(added)
  })
})
