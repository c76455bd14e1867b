/**
 * The search engine of this process: one instance (embedded SQLite FTS5 in SEARCH_DB_PATH, default
 * DATA_DIR/search.db, or Meilisearch when MEILI_HOST is set), its health check and the rebuild from the
 * database (both run at start by search/service.ts): a missing file, an unreadable or corrupt one
 * (SQLite's quick_check), or an index empty while the database has published content.
 * Writes (one unit's sync, a rebuild) go through one queue per process so that a rebuild and a sync of
 * the same unit never interleave.
 */
import { existsSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { createClient } from '@libsql/client'
import { createSearchEngine, type SearchEngine } from '../../search'
import { searchThreadCount, ThreadedSearchEngine } from '../../search/threads'
import { publishedSearchDocs, publishedWhere } from '../../search/content'
import { dataDir } from './runtime'
import { processShared } from './processShared'
import { diskGuard } from './disk'
import { env, searchSettings } from './config'

export type IndexHealth = 'ok' | 'missing' | 'corrupt' | 'empty' | 'unavailable'

type Opened = { engine: SearchEngine; health: 'ok' | 'missing' | 'corrupt' }

/**
 * One engine and one write queue per process (./processShared): the member site's server bundle holds
 * its own copy of this module, and it must use the server's engine (one connection, one writer, one
 * file check), not open a second one.
 */
const shared = processShared<{ opened?: Promise<Opened>; writes: Promise<unknown> }>('search', () => ({ writes: Promise.resolve() }))

export const usingMeilisearch = (): boolean => !!env('MEILI_HOST')

/** The embedded index file: SEARCH_DB_PATH, or search.db in the data folder. */
export const searchDbPath = (): string => path.resolve(env('SEARCH_DB_PATH') || path.join(dataDir(), 'search.db'))

const log = (payload: Payload | undefined, level: 'info' | 'warn' | 'error', msg: string, err?: unknown) => {
  if (payload) payload.logger[level](err ? { err, msg } : msg)
  else if (level !== 'info') console.error(msg, err ?? '')
}

/** Reads every page of the embedded file: 'missing', 'corrupt' (not a database, truncated, damaged) or 'ok'. */
async function checkFile(file: string): Promise<'ok' | 'missing' | 'corrupt'> {
  if (!existsSync(file)) return 'missing'
  const client = createClient({ url: `file:${file}` })
  try {
    const result = await client.execute('PRAGMA quick_check')
    const verdict = String(Object.values(result.rows[0] ?? {})[0] ?? '')
    if (verdict !== 'ok') return 'corrupt'
    await client.execute('SELECT count(*) FROM docs')
    return 'ok'
  } catch {
    return 'corrupt'
  } finally {
    client.close()
  }
}

async function open(payload?: Payload): Promise<Opened> {
  if (usingMeilisearch()) return { engine: await createSearchEngine(searchSettings()), health: 'ok' }
  const file = searchDbPath()
  diskGuard('chỉ mục tìm kiếm', file).check() // an unwritable file is not corrupt: left alone (./disk), opened later
  const health = await checkFile(file)
  if (health === 'corrupt') {
    log(payload, 'warn', `Chỉ mục tìm kiếm ${file} bị hỏng hoặc không đọc được: tạo lại từ cơ sở dữ liệu.`)
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
  }
  const engine = await createSearchEngine({ ...searchSettings(), SEARCH_DB_PATH: file })
  // Searches on other threads (search/threads.ts), so that a query does not hold up the other requests.
  const threads = searchThreadCount()
  return { engine: threads > 0 ? new ThreadedSearchEngine(engine, file, threads, (m) => log(payload, 'warn', m)) : engine, health }
}

/** The engine of this process, opened (and its file checked) on first use. */
export function searchEngine(payload?: Payload): Promise<SearchEngine> {
  shared.opened ??= open(payload).catch((err) => {
    shared.opened = undefined
    throw err
  })
  return shared.opened.then((o) => o.engine)
}

/** Runs `fn` after every write queued before it (one writer per process). */
export function queueSearchWrite<T>(fn: () => Promise<T>): Promise<T> {
  const run = shared.writes.then(fn, fn)
  shared.writes = run.catch(() => undefined)
  return run
}

export type RebuildReport = { documents: number; news: number; total: number; ms: number }

/** Replaces the index with every published, released document and news item of the database. */
export async function rebuildSearchIndex(payload: Payload): Promise<RebuildReport> {
  const engine = await searchEngine(payload)
  return queueSearchWrite(async () => {
    const started = Date.now()
    const counts = { documents: 0, news: 0 }
    const count = async function* () {
      for await (const doc of publishedSearchDocs(payload)) {
        counts[doc.kind === 'news' ? 'news' : 'documents'] += 1
        yield doc
      }
    }
    const total = await engine.reindexAll(count())
    return { ...counts, total, ms: Date.now() - started }
  })
}

/** Whether the database holds any published, released document or news item. */
async function hasPublishedContent(payload: Payload): Promise<boolean> {
  for (const collection of ['documents', 'news'] as const) {
    const found = await payload.db.count({ collection, where: publishedWhere(new Date()) })
    if (found.totalDocs > 0) return true
  }
  return false
}

/** The index's state: the file check made when it was opened, then whether it is empty but should not be. */
export async function checkSearchIndex(payload: Payload): Promise<IndexHealth> {
  let state: Opened
  try {
    await searchEngine(payload)
    state = await shared.opened!
  } catch (err) {
    log(payload, 'error', 'Không mở được chỉ mục tìm kiếm.', err)
    return 'unavailable'
  }
  if (state.health !== 'ok') return state.health
  try {
    const probe = await state.engine.search({ text: '', scope: { unrestricted: true }, pageSize: 1 })
    if (probe.total === 0 && (await hasPublishedContent(payload))) return 'empty'
    return 'ok'
  } catch (err) {
    log(payload, 'error', 'Chỉ mục tìm kiếm không trả lời được.', err)
    return usingMeilisearch() ? 'unavailable' : 'corrupt'
  }
}

/** Waits for queued writes, then closes the engine (the next use opens it again). */
export async function closeSearchEngine(): Promise<void> {
  const current = shared.opened
  shared.opened = undefined
  if (!current) return
  await shared.writes.catch(() => undefined)
  const state = await current.catch(() => undefined)
  await state?.engine.close()
}
