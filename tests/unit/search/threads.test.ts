/**
 * Searches on other threads (search/threads.ts): real worker threads reading the same index file as the
 * main engine give the same answers, see the main engine's writes at once, and a thread that cannot
 * start leaves its queries to the main thread. The threads share one queue: a search goes to the first
 * thread that is free, never behind a long search while another thread could take it. A repeated search
 * is answered in front of the threads until the index changes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from '@jest/globals'
import { EmbeddedSearchEngine } from '../../../search/embedded'
import { searchThreadCount, ThreadedSearchEngine } from '../../../search/threads'
import { PUBLIC_AUDIENCE, type SearchEngine, type SearchQuery } from '../../../search/types'
import { corpus } from './contract'

let dir: string
let file: string
let main: EmbeddedSearchEngine

/** The main engine, counting the searches it answers itself. */
function counted(engine: SearchEngine) {
  let searches = 0
  const wrapper: SearchEngine = {
    search: (q) => ((searches += 1), engine.search(q)),
    index: (d) => engine.index(d),
    remove: (ids) => engine.remove(ids),
    reindexAll: (d) => engine.reindexAll(d),
    clear: () => engine.clear(),
    close: async () => undefined,
  }
  return { wrapper, searches: () => searches }
}

const until = async (ok: () => boolean, ms = 30_000) => {
  const end = Date.now() + ms
  while (!ok()) {
    if (Date.now() > end) throw new Error('hết thời gian chờ')
    await new Promise((r) => setTimeout(r, 50))
  }
}

const scope = { audience: [PUBLIC_AUDIENCE] }
const QUERIES: SearchQuery[] = [
  { text: 'quy dinh 339', scope },
  { text: 'đảng viên', sort: 'newest', scope },
  { text: 'sổ tay', filters: { kind: 'document' }, scope },
  { text: '', scope },
]

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sotay-threads-'))
  file = path.join(dir, 'search.db')
  main = await EmbeddedSearchEngine.open({ path: file, resultCache: 0 })
  await main.index(corpus)
})
afterAll(async () => {
  await main.close()
  rmSync(dir, { recursive: true, force: true })
})

it('a search thread answers exactly as the main engine does, and sees its writes at once', async () => {
  const { wrapper, searches } = counted(main)
  const threaded = new ThreadedSearchEngine(wrapper, file, 2)
  try {
    await until(() => threaded.readyThreads === 2)
    for (const q of QUERIES) expect(await threaded.search(q)).toEqual(await main.search(q))
    expect((await main.search(QUERIES[0])).total).toBeGreaterThan(0)
    expect(searches()).toBe(0) // every search above ran on a thread
    const unit = { id: 'moi-1', kind: 'document' as const, title: 'Thông báo về zuvremat', audience: [PUBLIC_AUDIENCE], sections: [{ text: 'Nội dung zuvremat.' }] }
    await threaded.index([unit])
    expect((await threaded.search({ text: 'zuvremat', scope })).hits.map((h) => h.id)).toEqual(['moi-1'])
    await threaded.remove(['moi-1'])
    expect((await threaded.search({ text: 'zuvremat', scope })).total).toBe(0)
    // Several at once are spread over the threads and all answered.
    const many = await Promise.all(Array.from({ length: 20 }, (_, i) => threaded.search(QUERIES[i % QUERIES.length])))
    expect(many.map((r) => r.total)).toEqual(await Promise.all(Array.from({ length: 20 }, (_, i) => main.search(QUERIES[i % QUERIES.length]).then((r) => r.total))))
    expect(searches()).toBe(0)
  } finally {
    await threaded.close()
  }
})

it('a thread that cannot start leaves its searches to the main thread, with a message in Vietnamese', async () => {
  const broken = path.join(dir, 'broken-boot.mjs')
  writeFileSync(broken, "throw new Error('không khởi động được')\n")
  const { wrapper, searches } = counted(main)
  const messages: string[] = []
  const threaded = new ThreadedSearchEngine(wrapper, file, 1, (m) => messages.push(m), broken)
  try {
    expect(threaded.readyThreads).toBe(0) // started on first use
    await until(() => messages.length > 0)
    expect(messages[0]).toMatch(/luồng tìm kiếm lỗi/)
    expect(threaded.readyThreads).toBe(0)
    expect(await threaded.search(QUERIES[0])).toEqual(await main.search(QUERIES[0]))
    expect(searches()).toBe(1)
  } finally {
    await threaded.close()
  }
})

/**
 * A thread entry that answers like a search thread but takes as long as the query says ("ngủ 300": 300 ms,
 * blocking the thread as a long SQLite query does), and stops its thread on "dừng".
 */
function timedBoot(): string {
  const boot = path.join(dir, 'timed-boot.mjs')
  writeFileSync(
    boot,
    `import { parentPort } from 'node:worker_threads'
parentPort.on('message', ({ id, query }) => {
  if (query.text === 'dừng') process.exit(3)
  const ms = Number(String(query.text).replace('ngủ ', ''))
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
  parentPort.postMessage({ id, result: { total: ms, page: 1, pageSize: 10, hits: [], facets: { type: {}, issuer: {}, year: {}, status: {} } } })
})
parentPort.postMessage({ ready: true })
`,
  )
  return boot
}

it('the threads share one queue: a short search goes to the thread that is free, not behind a long one', async () => {
  const { wrapper, searches } = counted(main)
  const threaded = new ThreadedSearchEngine(wrapper, file, 2, () => undefined, timedBoot())
  try {
    await until(() => threaded.readyThreads === 2)
    const done: string[] = []
    const run = (ms: number) => threaded.search({ text: `ngủ ${ms}`, scope }).then((r) => done.push(`${r.total}`))
    // The long one takes a thread; the first short one the other. The second short one must wait for the
    // thread that frees first (the short one's), not be queued behind the long one.
    await Promise.all([run(1500), run(60), run(70), run(80)])
    expect(done).toEqual(['60', '70', '80', '1500'])
    expect(searches()).toBe(0)
  } finally {
    await threaded.close()
  }
})

it('searches waiting for a thread that stops are answered by the main thread; none is lost', async () => {
  const { wrapper, searches } = counted(main)
  const messages: string[] = []
  const threaded = new ThreadedSearchEngine(wrapper, file, 1, (m) => messages.push(m), timedBoot())
  try {
    await until(() => threaded.readyThreads === 1)
    // The first is sent to the thread, which stops on it; the other two are still waiting in the queue.
    const answers = await Promise.all([threaded.search({ text: 'dừng', scope }), threaded.search(QUERIES[0]), threaded.search(QUERIES[1])])
    expect(answers[1]).toEqual(await main.search(QUERIES[0]))
    expect(answers[2]).toEqual(await main.search(QUERIES[1]))
    expect(searches()).toBe(3)
    expect(messages.join('\n')).toMatch(/luồng tìm kiếm lỗi/)
  } finally {
    await threaded.close()
  }
})

/** A thread entry whose every answer says how many searches this thread has answered (in `total`). */
function countingBoot(): string {
  const boot = path.join(dir, 'counting-boot.mjs')
  writeFileSync(
    boot,
    `import { parentPort } from 'node:worker_threads'
let answered = 0
parentPort.on('message', ({ id }) => {
  answered += 1
  parentPort.postMessage({ id, result: { total: answered, page: 1, pageSize: 10, hits: [], facets: { type: {}, issuer: {}, year: {}, status: {} } } })
})
parentPort.postMessage({ ready: true })
`,
  )
  return boot
}

it('a repeated search is answered without a thread until the index changes; only the same scope shares it', async () => {
  const threaded = new ThreadedSearchEngine(main, file, 1, () => undefined, countingBoot())
  try {
    await until(() => threaded.readyThreads === 1)
    const ask = (q: SearchQuery) => threaded.search(q).then((r) => r.total)
    expect(await ask(QUERIES[0])).toBe(1)
    expect(await ask({ ...QUERIES[0] })).toBe(1) // the kept answer: the thread saw one search
    expect(await ask({ ...QUERIES[0], page: 2 })).toBe(2) // another page is another search
    expect(await ask({ ...QUERIES[0], scope: { audience: [PUBLIC_AUDIENCE, 'm:khac'] } })).toBe(3) // another scope too
    const kept = await threaded.search(QUERIES[0])
    kept.total = 99 // a caller changing its answer does not change the kept one
    expect(await ask(QUERIES[0])).toBe(1)
    // A write of the index (any process's: the version is read from the file) retires every kept answer.
    await threaded.index([{ id: 'moi-2', kind: 'document', title: 'Thông báo', audience: [PUBLIC_AUDIENCE], sections: [{ text: 'Nội dung.' }] }])
    expect(await ask(QUERIES[0])).toBe(4)
    expect(await ask(QUERIES[0])).toBe(4)
    await threaded.remove(['moi-2'])
    expect(await ask(QUERIES[0])).toBe(5)
  } finally {
    await threaded.close()
  }
})

it('SEARCH_THREADS: a number from 0 to 16, or one per core (at most 4) by default', () => {
  expect(searchThreadCount('0')).toBe(0)
  expect(searchThreadCount('3')).toBe(3)
  expect(searchThreadCount('')).toBe(Math.min(4, os.availableParallelism()))
  expect(() => searchThreadCount('nhiều')).toThrow(/SEARCH_THREADS/)
  expect(() => searchThreadCount('-1')).toThrow(/SEARCH_THREADS/)
})
