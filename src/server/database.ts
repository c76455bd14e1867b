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
import type { Payload } from 'payload'

type PgClient = { release?: () => void }
type PgPool = {
  end: () => Promise<void>
  on: (event: 'error' | 'remove', listener: (...args: unknown[]) => void) => void
  _clients?: PgClient[]
  _idle?: { client: PgClient }[]
}

const watched = new WeakSet<object>()
const poolOf = (payload: Payload) => (payload.db as unknown as { pool?: PgPool }).pool

/** Called from the config's onInit: every process (server, worker, CLI) keeps running when a connection drops. */
export function watchDatabaseConnections(payload: Payload): void {
  const pool = poolOf(payload)
  if (!pool || watched.has(pool)) return
  watched.add(pool)
  pool.on('error', (err) => {
    const reason = err instanceof Error ? err.message : String(err)
    payload.logger.warn(`PostgreSQL đã đóng một kết nối đang rảnh (${reason}); kết nối mới sẽ được mở khi cần.`)
  })
}

export async function closeDatabase(payload: Payload, timeoutMs = 10_000): Promise<void> {
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
