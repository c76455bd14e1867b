/**
 * Runs the statements of ./pathSql on the configured SQL database, inside the request's transaction when
 * there is one. SQLite runs without Payload transactions (Payload advises against them there), so writes
 * that must land together go to SQLite as one atomic batch of their own.
 */
import type { Payload, PayloadRequest } from 'payload'
import type { SqlDialect } from './pathSql'

type Ctx = { payload: Payload; req?: Partial<PayloadRequest> }

/** The parts of Payload's Drizzle adapters used here (db-sqlite on libSQL, db-postgres on node-postgres). */
type DrizzleAdapter = {
  name: string
  drizzle: unknown
  execute: (args: { db?: unknown; drizzle: unknown; raw: string }) => Promise<{ rows?: unknown[] }>
  sessions?: Record<string, { db: unknown } | undefined>
  client?: { batch: (statements: string[], mode: 'write') => Promise<unknown> }
  pool?: { query: (text: string) => Promise<unknown> }
}

export type SqlDatabase = {
  dialect: SqlDialect
  /** True when statements run in the request's transaction, and so commit or roll back with the rest of it. */
  inTransaction: boolean
  /** The rows of a SELECT. */
  query: <Row>(raw: string) => Promise<Row[]>
  /** Runs the statements all-or-nothing: in the request's transaction, or else as one transaction of their own. */
  writeAll: (statements: string[]) => Promise<void>
}

/** The SQL database behind Payload, or null for a document database (MongoDB). */
export async function sqlDatabase({ payload, req }: Ctx): Promise<SqlDatabase | null> {
  const db = payload.db as unknown as DrizzleAdapter
  if (db.name !== 'sqlite' && db.name !== 'postgres') return null
  const dialect: SqlDialect = db.name
  const transactionID = req?.transactionID ? await req.transactionID : null
  const session = transactionID != null ? db.sessions?.[String(transactionID)]?.db : undefined
  const run = (raw: string) => db.execute({ db: session, drizzle: db.drizzle, raw })
  return {
    dialect,
    inTransaction: !!session,
    query: async <Row>(raw: string) => ((await run(raw)).rows ?? []) as Row[],
    writeAll: async (statements) => {
      if (session) for (const statement of statements) await run(statement)
      else if (dialect === 'sqlite') await db.client!.batch(statements, 'write')
      // Several statements in one simple query run as a single implicit transaction in PostgreSQL.
      else await db.pool!.query(statements.join(';\n'))
    },
  }
}
