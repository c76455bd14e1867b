/**
 * Waiting for a request's transaction to be over, for work that must read what it committed (the search
 * sync) or must run again once it has (dropping kept copies: collections/hooks/forgetReads.ts).
 */
import type { Payload } from 'payload'

const TRANSACTION_WAIT_MS = 60_000
/** How long a COMMIT already sent may take before a sync reads anyway. */
const COMMIT_WAIT_MS = 5_000

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Where the request's transaction stands. Payload keeps the promise of beginTransaction() on the request
 * and replaces it with the id once there is one (adapters without transactions, SQLite here, resolve it to
 * null). The PostgreSQL adapter drops its session *before* it sends COMMIT, and Payload deletes
 * `req.transactionID` only once COMMIT has returned: a request whose session is gone but which still holds
 * its id is committing, and a read on another connection would not see its changes yet.
 */
async function transactionState(payload: Payload, req: { transactionID?: unknown }): Promise<'open' | 'committing' | 'done'> {
  let id = req.transactionID as unknown
  // A thenable rather than `instanceof Promise`: the promise may come from another realm (test runners).
  if (id && typeof id === 'object' && typeof (id as { then?: unknown }).then === 'function') id = await Promise.resolve(id).catch(() => null)
  if (typeof id !== 'string' && typeof id !== 'number') return 'done'
  if (!req.transactionID) return 'done'
  const sessions = (payload.db as unknown as { sessions?: Record<string, unknown> }).sessions
  if (!sessions || String(id) in sessions) return 'open'
  return 'committing'
}

/** Resolves once none of the requests has an open or committing transaction (PostgreSQL: committed or rolled back). */
export async function settled(payload: Payload, reqs: Set<{ transactionID?: unknown }>): Promise<void> {
  const deadline = Date.now() + TRANSACTION_WAIT_MS
  for (const req of reqs) {
    let committingSince: number | undefined
    for (;;) {
      const state = await transactionState(payload, req)
      if (state === 'done' || Date.now() >= deadline) break
      if (state === 'committing') {
        committingSince ??= Date.now()
        // A request that would keep its id after its session ended (not seen): read anyway after a while.
        if (Date.now() - committingSince >= COMMIT_WAIT_MS) break
      }
      await sleep(5)
    }
  }
}

/** Resolves once the request's transaction (if any) has committed or rolled back. */
export const afterTransaction = (payload: Payload, req: { transactionID?: unknown }): Promise<void> =>
  new Promise<void>((resolve) => setImmediate(resolve)).then(() => settled(payload, new Set([req])))
