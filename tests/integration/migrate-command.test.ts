/**
 * `npm run migrate` (scripts/migrate.ts) on a fresh database — SQLite, or PostgreSQL when DATABASE_URL
 * says so: it applies every committed migration and then exits by itself (on PostgreSQL it once stayed
 * alive after migrating, so a deploy step running it never finished).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { TSX_NODE_ARGS } from '../helpers/node'
import { createPostgresDatabase, usingPostgres } from '../helpers/server'

const GIVE_UP_MS = 90_000

async function recordedMigrations(url: string): Promise<string[]> {
  if (url.startsWith('postgres')) {
    const { default: pg } = await import('pg')
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      return (await client.query('SELECT name FROM payload_migrations ORDER BY name')).rows.map((r) => String(r.name))
    } finally {
      await client.end()
    }
  }
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url })
  try {
    return (await client.execute('SELECT name FROM payload_migrations ORDER BY name')).rows.map((r) => String(r.name))
  } finally {
    client.close()
  }
}

it('applies every committed migration and exits on its own', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sotay-migrate-'))
  const database = usingPostgres() ? await createPostgresDatabase() : { url: `file:${path.join(dataDir, 'sotay.db')}`, drop: async () => {} }
  try {
    const child = spawn(process.execPath, [...TSX_NODE_ARGS, 'scripts/migrate.ts'], {
      env: { ...process.env, DATABASE_URL: database.url, DATA_DIR: dataDir, PAYLOAD_SECRET: 'test-secret-not-for-production' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout!.on('data', (d) => (output += d))
    child.stderr!.on('data', (d) => (output += d))
    const exit = await new Promise<number | string>((resolve) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL')
        resolve(`still running after ${GIVE_UP_MS / 1000} s`)
      }, GIVE_UP_MS)
      child.on('exit', (code) => {
        clearTimeout(timer)
        resolve(code ?? 'killed')
      })
    })
    expect({ exit, output: exit === 0 ? '' : output.slice(-2000) }).toEqual({ exit: 0, output: '' })
    const { migrations } = usingPostgres() ? await import('../../migrations/postgres') : await import('../../migrations/sqlite')
    expect(await recordedMigrations(database.url)).toEqual(migrations.map((m) => m.name).sort())
  } finally {
    await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}, GIVE_UP_MS + 30_000)
