/**
 * Leases for background work. `acquire` inserts the key's row and relies on the unique index, so of two
 * workers racing for the same key exactly one wins, on SQLite and PostgreSQL alike. A lease expires unless
 * renewed; an expired lease is deleted (conditionally on its expiry) and the key can be claimed again.
 */
import { hostname } from 'node:os'
import type { Payload, Where } from 'payload'

export const workerId = `${hostname()}:${process.pid}`

export type Lease = { key: string; owner: string; renew: () => Promise<boolean>; release: () => Promise<void> }

const where = (key: string, extra: Where = {}): Where => ({ and: [{ key: { equals: key } }, extra] })

async function removeExpired(payload: Payload, key: string): Promise<void> {
  await payload.db.deleteMany({
    collection: 'worker-locks',
    where: where(key, { expiresAt: { less_than: new Date().toISOString() } }),
  })
}

/** Claims `key` for `ttlMs`; returns null when another live worker holds it. */
export async function acquire(payload: Payload, key: string, ttlMs: number, owner = workerId): Promise<Lease | null> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await payload.db.create({
        collection: 'worker-locks',
        data: { key, owner, expiresAt: new Date(Date.now() + ttlMs).toISOString() },
      })
      return lease(payload, key, owner, ttlMs)
    } catch {
      // Held already: take it over only if the holder let it expire.
      if (attempt === 0) await removeExpired(payload, key)
    }
  }
  return null
}

function lease(payload: Payload, key: string, owner: string, ttlMs: number): Lease {
  return {
    key,
    owner,
    renew: async () => {
      const updated = await payload.db.updateMany({
        collection: 'worker-locks',
        where: where(key, { owner: { equals: owner } }),
        data: { expiresAt: new Date(Date.now() + ttlMs).toISOString() },
      })
      return (updated?.length ?? 0) > 0
    },
    release: async () => {
      await payload.db.deleteMany({ collection: 'worker-locks', where: where(key, { owner: { equals: owner } }) })
    },
  }
}

/** Runs `work` under the lease of `key`, renewing it every third of its lifetime; null when the key is taken. */
export async function withLease<T>(payload: Payload, key: string, ttlMs: number, work: () => Promise<T>): Promise<{ result: T } | null> {
  const held = await acquire(payload, key, ttlMs)
  if (!held) return null
  const timer = setInterval(() => void held.renew().catch(() => {}), Math.max(1000, Math.floor(ttlMs / 3)))
  try {
    return { result: await work() }
  } finally {
    clearInterval(timer)
    await held.release().catch(() => {})
  }
}
