/**
 * The pipeline with separate `npm run worker`-like processes sharing the database: a worker killed with
 * SIGKILL in the middle of a job leaves it "processing"; another worker takes it up (after the dead one's
 * lease lapses) and completes the document. Two workers running side by side process each document once.
 */
import { jest } from '@jest/globals'
import { spawn, type ChildProcess } from 'node:child_process'
import { startTestServer, type TestServer } from '../helpers/server'
import { TSX_NODE_ARGS } from '../helpers/node'
import { paragraphsToLexical } from '../../collections/Documents/lexical'
import { outputOf as outputOfSource, until as untilDone } from '../helpers/pipeline'

jest.setTimeout(420_000)

let server: TestServer
const workers: ChildProcess[] = []

beforeAll(async () => {
  server = await startTestServer({ seed: false })
})
afterAll(async () => {
  for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL')
  await server?.stop()
})

function worker() {
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, 'workers/run.ts'], {
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DATABASE_URL: process.env.DATABASE_URL,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
      DATA_DIR: server.dataDir,
      TSX_DISABLE_CACHE: '1',
      WORKER_INTERVAL_MS: '300',
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  workers.push(child)
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, exited, output: () => output }
}

const lexical = (...paragraphs: string[]) => paragraphsToLexical(paragraphs)

let serial = 0
let issuer: string | number
async function publish(paragraphs: number) {
  serial += 1
  if (!issuer) issuer = (await server.payload.create({ collection: 'organizations', overrideAccess: true, data: { name: 'Đảng ủy thử nghiệm', code: 'TN', kind: 'trung-uong' } as never })).id
  const body = Array.from({ length: paragraphs }, (_, i) =>
    `Đoạn ${i + 1}: các chi bộ tổ chức cho đảng viên học tập, quán triệt nội dung văn bản và thực hiện nghiêm túc. Bí thư chi bộ chịu trách nhiệm kiểm tra, đôn đốc và báo cáo kết quả định kỳ hằng tháng.`,
  )
  return server.payload.create({
    collection: 'documents',
    overrideAccess: true,
    data: { documentType: 'thong-bao', number: `${serial}-TB/TN`, title: `Thông báo thử nghiệm xử lý nền số ${serial}`, issuer, issuedDate: '2025-11-03', visibility: 'dang-vien', content: lexical(...body), _status: 'published' } as never,
  })
}

const outputOf = (id: string | number) => outputOfSource(server.payload, id)
/** Workers are separate processes that start slowly: a longer wait than the default, polled more often. */
const until = <T>(what: string, probe: () => Promise<T | undefined | null | false>) => untilDone(what, probe, 300_000, 250)

it('a worker killed mid-job: another worker takes the job up and completes the document', async () => {
  const doc = await publish(60) // a few minutes of speech: the kill lands while it is being read aloud
  const first = worker()
  await until('the first worker to start speaking', async () => {
    const out = await outputOf(doc.id)
    return out?.status === 'dang-xu-ly' && /Đọc thành tiếng/.test(out.stage ?? '')
  })
  first.child.kill('SIGKILL')
  await first.exited
  const stuck = await server.payload.find({ collection: 'payload-jobs', where: { processing: { equals: true } }, overrideAccess: true })
  expect(stuck.totalDocs).toBe(1) // left "processing" by the dead worker

  const second = worker()
  const out = await until('the document to be completed', async () => {
    const o = await outputOf(doc.id)
    return o?.status === 'hoan-tat' ? o : null
  })
  expect(out.error ?? null).toBeNull()
  expect(out.audio.full.timings.length).toBe(1 + 60 * 2)
  expect(second.output()).toMatch(/bị bỏ dở/)
  second.child.kill('SIGTERM')
  expect(await second.exited).toBe(0)
})

it('two workers side by side process each document exactly once', async () => {
  const a = worker()
  const b = worker()
  const docs = []
  for (let i = 0; i < 4; i++) docs.push(await publish(2))
  for (const doc of docs) await until(`document ${doc.id}`, async () => (await outputOf(doc.id))?.status === 'hoan-tat')
  const logs = a.output() + b.output()
  for (const doc of docs) {
    const runs = logs.split('\n').filter((l) => l.includes(`Trích văn bản documents:${doc.id} `))
    expect([doc.id, runs.length]).toEqual([doc.id, 1])
  }
  // Counted over both workers: no document was extracted by both.
  const byWorker = [a, b].map((w) => w.output().split('\n').filter((l) => l.includes('Trích văn bản documents:')).length)
  expect(byWorker.reduce((x, y) => x + y, 0)).toBe(docs.length)
  a.child.kill('SIGTERM')
  b.child.kill('SIGTERM')
  expect([await a.exited, await b.exited]).toEqual([0, 0])
})
