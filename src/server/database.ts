/**
 * The PostgreSQL pool's life around Payload's adapter, which leaves two gaps:
 * - nobody listens to the pool's `error` event, so one idle connection closed by the server (PostgreSQL
 *   restarted, an administrator's pg_terminate_backend, a network cut) is an unhandled error that ends the
 *   whole process; `watchDatabaseConnections` logs it instead — the pool opens a new connection when needed;
 * - `destroy()` leaves the pool open, with one client it checked out at connect time and never released,
 *   and pg's `pool.end()` resolves before its connections have actually closed; `closeDatabase` releases
 *   that client, ends the pool and waits until every connection is gone (a database dropped right after
 *   must not find one of ours still open).
 */
import path from 'node:path'
import type { Payload } from 'payload'
import { diskGuard, type DiskGuard } from './disk'
import { processShared } from './processShared'

type PgClient = { release?: () => void }
type PgPool = {
  end: () => Promise<void>
  on: (event: 'error' | 'remove', listener: (...args: unknown[]) => void) => void
  _clients?: PgClient[]
  _idle?: { client: PgClient }[]
}

const watched = new WeakSet<object>()
const poolOf = (payload: Payload) => (payload.db as unknown as { pool?: PgPool }).pool

/** Called from the config's onInit: every process (server, worker, CLI) keeps running when the database's connection drops or its disk stops taking writes. */
export function watchDatabaseConnections(payload: Payload): void {
  guardSqliteFiles(payload)
  const pool = poolOf(payload)
  if (!pool || watched.has(pool)) return
  watched.add(pool)
  pool.on('error', (err) => {
    const reason = err instanceof Error ? err.message : String(err)
    payload.logger.warn(`PostgreSQL đã đóng một kết nối đang rảnh (${reason}); kết nối mới sẽ được mở khi cần.`)
  })
}

export async function closeDatabase(payload: Payload, timeoutMs = 10_000): Promise<void> {
  // SQLite whose files cannot be written: closing checkpoints through the shared memory that now kills
  // the process (./disk); the connections are left to the process's end.
  if (databaseDiskGuard(payload)?.usable() === false) return
  const pool = poolOf(payload)
  await payload.destroy()
  if (!pool) return
  const clients = [...(pool._clients ?? [])]
  const gone = new Promise<void>((resolve) => {
    let left = clients.length
    if (left === 0) return resolve()
    pool.on('remove', () => {
      if (--left <= 0) resolve()
    })
    setTimeout(resolve, timeoutMs).unref()
  })
  const idle = new Set((pool._idle ?? []).map((item) => item.client))
  for (const client of clients) if (!idle.has(client)) client.release?.()
  await pool.end()
  await gone
}

type SqlClient = Record<'execute' | 'batch' | 'transaction' | 'executeMultiple' | 'migrate', (...args: unknown[]) => Promise<unknown>>

/**
 * SQLite: every call of Payload's libsql client first checks that the database's files can be written
 * (./disk explains why reads too: touching an unwritable WAL index kills the process with SIGBUS), and
 * reports a full or read-only disk from the errors. The client object is the one Drizzle holds, so its
 * methods are wrapped in place.
 */
function guardSqliteFiles(payload: Payload): void {
  const client = (payload.db as unknown as { client?: SqlClient }).client
  const url = (payload.db as unknown as { clientConfig?: { url?: string } }).clientConfig?.url
  if (!client || !url?.startsWith('file:') || url.includes(':memory:') || guards.has(payload.db)) return
  const guard = diskGuard('cơ sở dữ liệu', path.resolve(url.replace(/^file:(\/\/)?/, '').split('?')[0]))
  guards.set(payload.db, guard)
  for (const method of ['execute', 'batch', 'transaction', 'executeMultiple', 'migrate'] as const) {
    const original = client[method].bind(client)
    client[method] = (...args: unknown[]) => guard.guarded(() => original(...args))
  }
}

/** Per process, whichever copy of this module asks (the member site's bundle has its own, ./processShared). */
const guards = processShared('database-disk-guards', () => new WeakMap<object, DiskGuard>())
/** The disk guard of the SQLite database (none on PostgreSQL). */
export const databaseDiskGuard = (payload: Payload): DiskGuard | undefined => guards.get(payload.db)
