/**
 * Starts the real server (Express + Payload REST/GraphQL, no Next.js) on a fresh database: a new SQLite
 * file in a temporary folder by default, or — when DATABASE_URL is a postgres:// URL — a freshly created
 * PostgreSQL database next to it, dropped again at the end. With the demo data (the default), the database
 * and data folder are a copy of the run's seeded template (tests/helpers/template.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { RunningApp } from '../../src/server/app'
import { seededCopy } from './template'

export type TestServer = RunningApp & { dataDir: string; stop: () => Promise<void> }

const baseUrl = process.env.DATABASE_URL

/** A new, empty PostgreSQL database beside DATABASE_URL's, and how to drop it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: pg } = await import('pg')
  const admin = new URL(baseUrl!)
  const name = `sotay_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`
  admin.pathname = '/postgres'
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const url = new URL(baseUrl!)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: admin.toString() })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

export const usingPostgres = () => !!baseUrl && /^postgres/.test(baseUrl)

export async function startTestServer({ seed = true } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sotay-test-'))
  process.env.DATA_DIR = dataDir
  process.env.PAYLOAD_SECRET ??= 'test-secret-not-for-production'
  let dropDatabase = async () => {}
  // The run's demo data, copied (tests/helpers/template.ts); seedDemo then finds it and only notes the logins.
  const copy = seed ? await seededCopy(dataDir, baseUrl) : null
  if (copy) {
    process.env.DATABASE_URL = copy.url
    dropDatabase = copy.drop
  } else if (usingPostgres()) {
    const db = await createPostgresDatabase()
    process.env.DATABASE_URL = db.url
    dropDatabase = db.drop
  } else {
    process.env.DATABASE_URL = `file:${path.join(dataDir, 'sotay.db')}`
  }
  const { startApp } = await import('../../src/server/app')
  const app = await startApp({ next: false, workers: false, seed })
  return {
    ...app,
    dataDir,
    stop: async () => {
      await app.close()
      await dropDatabase()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
