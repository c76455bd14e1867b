/**
 * Searches of the embedded engine on other threads. A full-text query is synchronous SQLite work (p50
 * about 12 ms in bench:search's in-process searches on 20,000 units); on the server's main thread it
 * holds up every other request meanwhile, and it leaves the machine's other cores idle. Here searches
 * run on SEARCH_THREADS threads (default: one per core, at most 4; 0 = on the main thread), each with its
 * own read connection to the index file (WAL: readers never wait for the writer). The threads share one
 * queue: a thread is given the next search when it has answered its last one, so a search never waits
 * behind a long one while another thread is free (with a queue per thread it could, since how long a
 * search takes is only known once it ran). Everything else — writes, rebuilds — stays with the main
 * engine, so there is still one writer. A thread that fails to start or stops is replaced by the main
 * thread for its queries (and restarted once a while). Answers are the same either way: the engine's own
 * answer cache is keyed by the index's write counter, which every connection reads.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
import { DiskUnavailable } from '../src/server/disk'
import { AnswerCache, answerCapacity } from './answers'
import type { SearchDoc, SearchEngine, SearchQuery, SearchResult } from './types'
import type { ThreadReply } from './thread'
import { env, parseSetting } from '../src/server/config'

/**
 * SEARCH_THREADS, or one thread per core (at most 4): the main thread mostly waits for them, and on this
 * 2-core machine two threads answered 100 searches/s against 79 with one (bench:search, saturated).
 */
export function searchThreadCount(value?: string): number {
  return value === undefined ? env('SEARCH_THREADS') : parseSetting('SEARCH_THREADS', value)
}

/** The thread's entry file, found from the project root (the Next bundle has no file of its own for it). */
export const SEARCH_THREAD_BOOT = path.resolve(process.cwd(), 'search', 'thread-boot.mjs')

const RESTART_AFTER_MS = 5000

/** A search sent to a thread, or waiting for a free one. */
type Pending = { resolve: (r: SearchResult) => void; reject: (e: Error) => void; query: SearchQuery }

/** Searches no thread will answer, answered by the main engine instead. */
function answerOnMain(engine: SearchEngine, searches: Iterable<Pending>): void {
  for (const p of searches) engine.search(p.query).then(p.resolve, p.reject)
}

class SearchThread {
  private worker?: Worker
  private ready = false
  private pending = new Map<number, Pending>()
  private nextId = 1
  private stopped = false
  private failedAt = 0

  constructor(
    private readonly boot: string,
    private readonly file: string,
    private readonly fallback: SearchEngine,
    private readonly log: (msg: string) => void,
    /** Called when the thread becomes ready or stops, so that waiting searches move on. */
    private readonly changed: () => void,
  ) {
    this.start()
  }

  get busy(): number {
    return this.pending.size
  }

  get usable(): boolean {
    if (!this.ready && !this.worker && !this.stopped && Date.now() - this.failedAt > RESTART_AFTER_MS) this.start()
    return this.ready
  }

  private start() {
    const worker = new Worker(this.boot, { workerData: { path: this.file } })
    worker.unref()
    this.worker = worker
    worker.on('message', (reply: ThreadReply) => {
      if ('ready' in reply) {
        this.ready = true
        this.changed()
      } else if ('failed' in reply) this.fail(`không mở được chỉ mục: ${reply.failed}`)
      else {
        const p = this.pending.get(reply.id)
        if (!p) return
        this.pending.delete(reply.id)
        if (reply.error !== undefined) p.reject(reply.disk ? new DiskUnavailable('chỉ mục tìm kiếm') : new Error(reply.error))
        else p.resolve(reply.result as SearchResult)
      }
    })
    worker.on('error', (err) => this.fail(err.message))
    worker.on('exit', (code) => {
      if (!this.stopped) this.fail(`luồng đã dừng (mã ${code})`)
    })
  }

  /** The thread is gone: its queries are answered on the main thread. */
  private fail(reason: string) {
    if (this.worker === undefined) return
    if (!this.stopped) this.log(`Tìm kiếm: luồng tìm kiếm lỗi (${reason}); truy vấn chạy trên luồng chính.`)
    const worker = this.worker
    this.worker = undefined
    this.ready = false
    this.failedAt = Date.now()
    void worker.terminate().catch(() => undefined)
    this.handBack()
    this.changed()
  }

  /** Queries sent and not answered go to the main thread. */
  private handBack() {
    answerOnMain(this.fallback, this.pending.values())
    this.pending.clear()
  }

  search(query: SearchQuery): Promise<SearchResult> {
    const id = this.nextId++
    return new Promise<SearchResult>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, query })
      this.worker!.postMessage({ id, query })
    })
  }

  async stop(): Promise<void> {
    this.stopped = true
    const worker = this.worker
    this.worker = undefined
    this.ready = false
    this.handBack()
    await worker?.terminate().catch(() => undefined)
  }
}

/** An engine whose index has a version (the embedded one, see EmbeddedSearchEngine.version). */
type Versioned = SearchEngine & { version(): Promise<number> }
const versioned = (engine: SearchEngine): engine is Versioned => typeof (engine as Partial<Versioned>).version === 'function'

/**
 * `main` with its searches spread over `threads` threads reading `file` (the same index). Repeated
 * searches are answered here from one set of kept answers (./answers) under the main engine's index
 * version, without going to a thread: whichever thread answered first, every later caller with the same
 * query and scope gets that answer until the index changes.
 */
export class ThreadedSearchEngine implements SearchEngine {
  private threads: SearchThread[] | undefined
  private readonly answers = new AnswerCache(answerCapacity())

  constructor(
    private readonly main: SearchEngine,
    private readonly file: string,
    private readonly count: number,
    private readonly log: (msg: string) => void = (m) => console.error(m),
    private readonly boot = SEARCH_THREAD_BOOT,
  ) {}

  /** The threads, started on the first search (a process that only writes, like a worker, starts none). */
  private started(): SearchThread[] {
    this.threads ??= existsSync(this.boot) ? Array.from({ length: this.count }, () => new SearchThread(this.boot, this.file, this.main, this.log, () => this.dispatch())) : []
    return this.threads
  }

  /** Threads ready to answer (for tests and diagnostics); starts them. */
  get readyThreads(): number {
    return this.started().filter((t) => t.usable).length
  }

  /** Searches waiting for a free thread, oldest first. */
  private waiting: Pending[] = []

  async search(query: SearchQuery): Promise<SearchResult> {
    // An unwritable index file is left alone, by the threads too (src/server/disk.ts).
    ;(this.main as Partial<{ checkDisk(): void }>).checkDisk?.()
    if (!this.started().some((t) => t.usable)) return this.main.search(query)
    const version = versioned(this.main) && this.answers.capacity ? await this.main.version() : undefined
    const kept = version === undefined ? undefined : this.answers.get(query, version)
    if (kept) return kept
    const result = await new Promise<SearchResult>((resolve, reject) => {
      this.waiting.push({ query, resolve, reject })
      this.dispatch()
    })
    // Computed at `version` or later: kept under `version`, it is retired with it.
    if (version !== undefined) this.answers.set(query, version, result)
    return result
  }

  /**
   * Gives each free thread the oldest waiting search. Runs again whenever a thread answers; when no
   * thread is usable any more (they stopped), the waiting searches go to the main thread.
   */
  private dispatch(): void {
    const threads = this.threads ?? []
    for (const t of threads) {
      if (!this.waiting.length) return
      if (!t.usable || t.busy > 0) continue
      const next = this.waiting.shift()!
      t.search(next.query)
        .then(next.resolve, next.reject)
        .finally(() => this.dispatch())
    }
    if (this.waiting.length && !threads.some((t) => t.usable)) answerOnMain(this.main, this.waiting.splice(0))
  }

  index(docs: readonly SearchDoc[]): Promise<void> {
    return this.main.index(docs)
  }
  remove(ids: readonly string[]): Promise<void> {
    return this.main.remove(ids)
  }
  reindexAll(docs: Iterable<SearchDoc> | AsyncIterable<SearchDoc>): Promise<number> {
    return this.main.reindexAll(docs)
  }
  clear(): Promise<void> {
    return this.main.clear()
  }
  async close(): Promise<void> {
    await Promise.all((this.threads ?? []).map((t) => t.stop()))
    this.dispatch() // no thread is usable now: anything still waiting is answered by the main engine
    await this.main.close()
  }
}
