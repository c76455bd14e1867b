/**
 * `npm run bench:api`: the HTTP API under concurrent signed-in members, on a database made by
 * `npm run seed:scale` (same DATABASE_URL and DATA_DIR). Starts `server.ts` API-only (NEXT=off,
 * WORKERS=off) on a free port, signs in members at every level (chi bộ member, bí thư chi bộ, cấp ủy
 * xã/phường, cấp ủy tỉnh) and drives, at 1, 16 and 64 concurrent connections:
 *   - GET /api/documents           "documents visible to me, newest first" (page 1, default sort and depth)
 *   - GET /api/documents/:id        "open one document" (ids from the member's own list)
 *   - GET /api/news                 news visible to me, page 1
 * printing p50/p95/p99 latency, requests per second and the server's CPU time per request (all its
 * web processes; the rest of the machine's two cores goes to PostgreSQL and to this load generator).
 *
 *   BENCH_SECONDS (8 per step), BENCH_CONNECTIONS ("1,16,64")
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { dataDir } from '../src/server/runtime'
import { webProcessCount } from '../src/server/cluster'
import { freePort, processTreeCpuSeconds, waitForWebProcesses } from '../tests/helpers/net'

const SECONDS = Number(process.env.BENCH_SECONDS || 8)
const CONNECTIONS = (process.env.BENCH_CONNECTIONS || '1,16,64').split(',').map(Number)
const LOGINS_PER_LEVEL = 4

const loginsFile = path.join(dataDir(), 'scale-logins.json')
let logins: Record<string, string[]> & { password: string }
try {
  logins = JSON.parse(readFileSync(loginsFile, 'utf8'))
} catch {
  console.error(`Không thấy ${loginsFile}: hãy chạy "npm run seed:scale" với cùng DATABASE_URL và DATA_DIR trước.`)
  process.exit(2)
}

const port = await freePort()
const base = `http://127.0.0.1:${port}`
// One web process unless WEB_PROCESSES says otherwise (on this 2-core machine, with the load generator on it too, more measured no faster).
const webProcesses = process.env.WEB_PROCESSES || '1'
const child = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'server.ts'], {
  env: { ...process.env, PORT: String(port), SERVER_URL: base, NEXT: 'off', WORKERS: 'off', SEED_DEMO: '0', NODE_ENV: 'production', PAYLOAD_SECRET: process.env.PAYLOAD_SECRET || 'bench-secret', WEB_PROCESSES: webProcesses },
  stdio: ['ignore', 'ignore', 'inherit'],
})
const stop = () => child.exitCode === null && child.kill('SIGTERM')
process.on('exit', stop)
for (let i = 0; ; i++) {
  if (child.exitCode !== null) throw new Error(`Máy chủ dừng khi khởi động (mã ${child.exitCode}).`)
  if (await fetch(`${base}/readyz`).then((r) => r.ok, () => false)) break
  if (i > 600) throw new Error('Máy chủ không sẵn sàng sau 2 phút.')
  await new Promise((r) => setTimeout(r, 200))
}
await waitForWebProcesses(base, webProcessCount(webProcesses))
console.log(`Máy chủ: ${webProcessCount(webProcesses)} tiến trình web (WEB_PROCESSES=${webProcesses}); máy ${os.cpus().length} lõi, tải ${os.loadavg()[0].toFixed(1)}`)

type Session = { level: string; email: string; token: string; ids: (string | number)[] }
const sessions: Session[] = []
for (const level of ['member', 'branchSecretary', 'wardCommittee', 'provinceCommittee']) {
  for (const email of (logins[level] ?? []).slice(0, LOGINS_PER_LEVEL)) {
    const res = await fetch(`${base}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: logins.password }) })
    const body = (await res.json()) as any
    if (!res.ok) throw new Error(`Đăng nhập ${email}: ${res.status} ${JSON.stringify(body)}`)
    const list = (await (await fetch(`${base}/api/documents?depth=0&limit=20`, { headers: { authorization: `JWT ${body.token}` } })).json()) as any
    sessions.push({ level, email, token: body.token, ids: list.docs.map((d: any) => d.id) })
    if (sessions.length % LOGINS_PER_LEVEL === 1) console.log(`${level.padEnd(18)} ${email.padEnd(26)} thấy ${list.totalDocs} văn bản`)
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function drive(name: string, url: (s: Session, i: number) => string, connections: number) {
  const times: number[] = []
  let errors = 0
  const until = Date.now() + SECONDS * 1000
  let counter = 0
  const worker = async (w: number) => {
    for (let i = w; Date.now() < until; i += connections) {
      const session = sessions[(counter++ + w) % sessions.length]
      const start = performance.now()
      const res = await fetch(base + url(session, i), { headers: { authorization: `JWT ${session.token}` } })
      await res.arrayBuffer()
      times.push(performance.now() - start)
      if (!res.ok) errors++
    }
  }
  const started = performance.now()
  const cpu0 = processTreeCpuSeconds(child.pid)
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)))
  const seconds = (performance.now() - started) / 1000
  const serverCpuMs = ((processTreeCpuSeconds(child.pid) - cpu0) * 1000) / Math.max(1, times.length)
  times.sort((a, b) => a - b)
  const f = (ms: number) => ms.toFixed(1).padStart(8)
  console.log(
    `${name.padEnd(26)} ${String(connections).padStart(3)} conn  p50 ${f(percentile(times, 50))} ms  p95 ${f(percentile(times, 95))} ms  p99 ${f(percentile(times, 99))} ms  ${(times.length / seconds).toFixed(0).padStart(6)} req/s  ${times.length} req  CPU máy chủ ${serverCpuMs.toFixed(1)} ms/req${errors ? `  ${errors} LỖI` : ''}`,
  )
}

console.log(`\n${sessions.length} phiên đăng nhập; mỗi bước ${SECONDS} s\n`)
for (const connections of CONNECTIONS) {
  await drive('GET /api/documents', () => '/api/documents', connections)
  await drive('GET /api/documents/:id', (s, i) => `/api/documents/${s.ids[i % s.ids.length]}`, connections)
  await drive('GET /api/news', () => '/api/news', connections)
}
stop()
process.exit(0)
