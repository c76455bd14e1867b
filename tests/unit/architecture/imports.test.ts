/**
 * Features attach themselves to the collections as Payload plugins (search/plugin.ts,
 * collections/DocumentOutputs/plugin.ts): no collection imports a feature. The pipeline's own collection
 * (collections/DocumentOutputs) is part of that feature and may. Import cycles: `npm run lint:cycles`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const ROOT = process.cwd()
const FEATURES = ['search', 'workers'].map((dir) => path.join(ROOT, dir) + path.sep)
const FEATURE_COLLECTIONS = [path.join(ROOT, 'collections', 'DocumentOutputs') + path.sep]

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx)$/.test(name) ? [full] : []
  })
}

/** Relative module specifiers of static imports, re-exports and dynamic imports. */
const specifiers = (text: string): string[] =>
  [...text.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)['"](\.[^'"]+)['"]/g)].map((m) => m[1])

it('no collection imports search/ or workers/', () => {
  const offending: string[] = []
  for (const file of sourceFiles(path.join(ROOT, 'collections'))) {
    if (FEATURE_COLLECTIONS.some((dir) => file.startsWith(dir))) continue
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      const target = path.resolve(path.dirname(file), spec)
      if (FEATURES.some((dir) => (target + path.sep).startsWith(dir) || target.startsWith(dir)))
        offending.push(`${path.relative(ROOT, file)} → ${spec}`)
    }
  }
  expect(offending).toEqual([])
})

it('the check sees an import when there is one', () => {
  expect(specifiers(`import { a } from '../../search/sync'\nconst b = await import('../workers/x')`)).toEqual(['../../search/sync', '../workers/x'])
})
