/**
 * afterTransaction waits for the request's COMMIT to have returned, not only for the adapter's session to
 * be gone: Payload's PostgreSQL adapter drops the session before it sends COMMIT, so a sync that read as
 * soon as the session disappeared sometimes indexed the old row (seen on PostgreSQL: a changed title,
 * a deletion or a visibility change that never reached the index).
 */
import type { Payload } from 'payload'
import { afterTransaction } from '../../../src/server/transactions'

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function watch(payload: unknown, req: { transactionID?: unknown }) {
  const state = { done: false }
  void afterTransaction(payload as Payload, req).then(() => (state.done = true))
  return state
}

it('waits while the transaction is open and while its COMMIT is under way', async () => {
  const sessions: Record<string, unknown> = { t1: {} }
  const req: { transactionID?: unknown } = { transactionID: 't1' }
  const state = watch({ db: { sessions } }, req)
  await sleep(40)
  expect(state.done).toBe(false) // open
  delete sessions.t1 // the adapter drops the session, then sends COMMIT
  await sleep(40)
  expect(state.done).toBe(false) // committing
  delete req.transactionID // COMMIT returned
  await sleep(40)
  expect(state.done).toBe(true)
})

it('waits for a transaction that is still beginning', async () => {
  const sessions: Record<string, unknown> = {}
  let begin!: (id: string) => void
  const req: { transactionID?: unknown } = { transactionID: new Promise<string>((r) => (begin = r)) }
  const state = watch({ db: { sessions } }, req)
  await sleep(30)
  expect(state.done).toBe(false)
  sessions.t2 = {}
  req.transactionID = 't2'
  begin('t2')
  await sleep(30)
  expect(state.done).toBe(false)
  delete sessions.t2
  delete req.transactionID
  await sleep(30)
  expect(state.done).toBe(true)
})

it('does not wait without a transaction (SQLite resolves the promise to null)', async () => {
  const state = watch({ db: {} }, { transactionID: Promise.resolve(null) })
  await sleep(20)
  expect(state.done).toBe(true)
  const plain = watch({ db: { sessions: {} } }, {})
  await sleep(20)
  expect(plain.done).toBe(true)
})
