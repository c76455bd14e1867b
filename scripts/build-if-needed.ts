/**
 * Builds the Next.js app when there is no build yet or when the sources changed since the last one,
 * showing the build's own progress. The fingerprint covers the content of every file the bundles are made
 * from (content, not dates: `npm install` rewrites package-lock.json with the same text).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = process.cwd()
/** Everything the Next.js bundles are made from. */
export const BUILD_INPUTS = ['src', 'collections', 'workers', 'search', 'public', 'payload.config.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json']
/**
 * Inside BUILD_INPUTS but never bundled: the search ranking extension that `npm install` compiles again
 * (postinstall) and the engine loads at run time. A reinstall after a crash must not rebuild the UI.
 */
export const NOT_BUNDLED = ['search/rank/build']
const STAMP = path.join(ROOT, '.next', 'sotay-build-fingerprint')

/** Whether a path (relative to the project, with '/') is one the bundles can depend on. */
export function isBuildInput(entry: string): boolean {
  const rel = entry.split(path.sep).join('/')
  return !NOT_BUNDLED.some((skip) => rel === skip || rel.startsWith(`${skip}/`))
}

function walk(root: string, entry: string, out: string[]): void {
  const full = path.join(root, entry)
  if (!isBuildInput(entry) || !existsSync(full)) return
  if (statSync(full).isDirectory()) for (const child of readdirSync(full)) walk(root, path.join(entry, child), out)
  else out.push(`${entry.split(path.sep).join('/')}:${createHash('sha256').update(readFileSync(full)).digest('hex')}`)
}

export function sourceFingerprint(root = ROOT): string {
  const files: string[] = []
  for (const entry of BUILD_INPUTS) walk(root, entry, files)
  return createHash('sha256').update(files.sort().join('\n')).digest('hex')
}

export function buildIfNeeded(): void {
  const fingerprint = sourceFingerprint()
  const built = existsSync(path.join(ROOT, '.next', 'BUILD_ID')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fingerprint
  if (built) return
  console.log('Đang build giao diện (lần đầu mất vài phút)…')
  const started = Date.now()
  const result = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NODE_OPTIONS: '--no-deprecation --conditions=production' },
  })
  if (result.status !== 0) throw new Error('Build thất bại: xem thông báo lỗi ở trên.')
  writeFileSync(STAMP, fingerprint)
  console.log(`Build xong sau ${Math.round((Date.now() - started) / 1000)} giây.`)
}
