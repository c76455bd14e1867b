/**
 * Rebuilding the search index: `sotay reindex` fills a deleted index from the database and reports the
 * counts; a server started on a corrupt (truncated) index file rebuilds it in the background, answering
 * /healthz meanwhile, and searches work again.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { EmbeddedSearchEngine } from '../../search/embedded'
import { client, loginDemo } from '../helpers/client'
import { TSX_NODE_ARGS } from '../helpers/node'
import { startTestServer, type TestServer } from '../helpers/server'

let server: TestServer
let indexFile: string
const published = { documents: 0, news: 0 }

const env = () => ({ ...process.env, DATA_DIR: server.dataDir, DATABASE_URL: process.env.DATABASE_URL, NODE_OPTIONS: '' })

/** Published, released records as the platform sees them. */
async function countPublished(collection: 'documents' | 'news') {
  const admin = await loginDemo(server.url, 'quantri')
  const docs = (await admin.get(`/api/${collection}?limit=1000&depth=0`)).body.docs as any[]
  return docs.filter((d) => d._status === 'published' && (!d.publishAt || new Date(d.publishAt) <= new Date())).length
}

async function unrestrictedTotal(file: string) {
  const engine = await EmbeddedSearchEngine.open({ path: file })
  try {
    return (await engine.search({ text: '', scope: { unrestricted: true }, pageSize: 1 })).total
  } finally {
    await engine.close()
  }
}

beforeAll(async () => {
  server = await startTestServer()
  indexFile = path.join(server.dataDir, 'search.db')
  published.documents = await countPublished('documents')
  published.news = await countPublished('news')
  // The start-up build runs in the background; wait for it, then stop the server (it keeps the database).
  const admin = await loginDemo(server.url, 'quantri')
  for (let i = 0; i < 300 && (await admin.get('/api/search?pageSize=1')).body.total !== published.documents + published.news; i++) await new Promise((r) => setTimeout(r, 100))
  await server.close()
}, 300_000)
afterAll(async () => {
  await server?.stop()
})

it('sotay reindex rebuilds a deleted index and prints the counts', () => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(indexFile + suffix, { force: true })
  const run = spawnSync(process.execPath, ['--conditions=production', 'bin/sotay.js', 'reindex'], { env: env(), encoding: 'utf8', timeout: 120_000 })
  expect(run.stderr).not.toMatch(/Lỗi/)
  expect(run.status).toBe(0)
  expect(run.stdout).toContain(`Xong: ${published.documents} văn bản, ${published.news} tin tức`)
  expect(published.documents).toBeGreaterThan(0)
  return unrestrictedTotal(indexFile).then((total) => expect(total).toBe(published.documents + published.news))
})

it('refuses arguments with a Vietnamese message', () => {
  const run = spawnSync(process.execPath, ['--conditions=production', 'bin/sotay.js', 'reindex', '--all'], { env: env(), encoding: 'utf8', timeout: 60_000 })
  expect(run.status).toBe(2)
  expect(run.stderr).toMatch(/không nhận tham số/)
})

it('a corrupt index file is rebuilt on start, without blocking the server', async () => {
  expect(existsSync(indexFile)).toBe(true)
  // Truncate the file in the middle of its pages and scribble on its header.
  truncateSync(indexFile, Math.floor(statSync(indexFile).size / 3))
  const bytes = readFileSync(indexFile)
  bytes.fill(0x5a, 20, 200)
  writeFileSync(indexFile, bytes)
  for (const suffix of ['-wal', '-shm']) rmSync(indexFile + suffix, { force: true })

  const port = 20000 + Math.floor(Math.random() * 20000)
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, 'server.ts'], {
    env: { ...env(), PORT: String(port), NEXT: 'off', WORKERS: 'off', SEED_DEMO: '0', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  try {
    const base = `http://127.0.0.1:${port}`
    const deadline = Date.now() + 120_000
    let total = -1
    while (Date.now() < deadline) {
      try {
        const anon = client(base)
        const health = await anon.get('/healthz')
        if (health.status === 200) {
          const admin = await loginDemo(base, 'quantri')
          total = (await admin.get('/api/search?pageSize=1')).body.total
          if (total === published.documents + published.news) break
        }
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 200))
    }
    expect(total).toBe(published.documents + published.news)
    expect(output).toMatch(/bị hỏng hoặc không đọc được/)
    expect(output).toMatch(/đã xây dựng lại chỉ mục/)
  } finally {
    child.kill('SIGTERM')
    await new Promise((r) => child.once('exit', r))
  }
}, 180_000)

