/**
 * Builds the Next.js app when there is no build yet or when the sources changed since the last one,
 * showing the build's own progress. The fingerprint covers every file the bundles are made from.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const ROOT = process.cwd()
const INPUTS = ['src', 'collections', 'workers', 'search', 'public', 'payload.config.ts', 'next.config.mjs', 'package-lock.json', 'tsconfig.json']
const STAMP = path.join(ROOT, '.next', 'sotay-build-fingerprint')

function walk(entry: string, out: string[]): void {
  const full = path.join(ROOT, entry)
  if (!existsSync(full)) return
  const st = statSync(full)
  if (st.isDirectory()) for (const child of readdirSync(full)) walk(path.join(entry, child), out)
  else out.push(`${entry}:${st.size}:${st.mtimeMs}`)
}

export function sourceFingerprint(): string {
  const files: string[] = []
  for (const entry of INPUTS) walk(entry, files)
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
