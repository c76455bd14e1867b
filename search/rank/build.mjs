// Builds the ranking extension (sotay_rank.c → build/sotay_rank.so) with the system's C compiler and
// SQLite's headers (Debian: gcc, libsqlite3-dev). Run by `npm install` (postinstall). Without them the
// search engine ranks with FTS5's own bm25(): same results, more work per search. Never fails the install.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const here = path.dirname(fileURLToPath(import.meta.url))
const out = path.join(here, 'build', 'sotay_rank.so')
const tmp = `${out}.${process.pid}.tmp`
const compiler = process.env.CC || 'cc'
try {
  mkdirSync(path.dirname(out), { recursive: true })
  execFileSync(compiler, ['-O2', '-fPIC', '-shared', '-o', tmp, path.join(here, 'sotay_rank.c'), '-lm'], { stdio: ['ignore', 'ignore', 'pipe'] })
  renameSync(tmp, out) // whole or not at all: a running server may load it
  console.log(`Tìm kiếm: đã dựng phần mở rộng xếp hạng ${path.relative(process.cwd(), out)}.`)
} catch (err) {
  rmSync(tmp, { force: true })
  const why = String(err?.stderr || err?.message || err).split('\n').find((l) => l.trim()) ?? ''
  console.warn(
    `Tìm kiếm: không dựng được phần mở rộng xếp hạng (cần trình biên dịch C và tệp tiêu đề SQLite, Debian: gcc libsqlite3-dev): ${why.slice(0, 200)}\n` +
      (existsSync(out) ? 'Dùng bản đã dựng trước đó.' : 'Máy tìm kiếm vẫn chạy, xếp hạng bằng bm25() của FTS5 (cùng kết quả, chậm hơn).'),
  )
}
