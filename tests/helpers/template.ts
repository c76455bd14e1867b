/**
 * The demo data, seeded once per test run and kind of database, then copied for each test file: seeding
 * (the tree, ~65 accounts, the documents and news with their search index) took about 20 s of every
 * integration and browser test file, and copying takes well under a second.
 *
 * jest's global setup (tests/helpers/global-setup.ts) names a folder for the run in SOTAY_TEST_RUN_DIR. The
 * first file that asks for the demo data seeds it there by running tests/helpers/seed-template.ts in a
 * child process (the Payload config reads DATABASE_URL when it loads, so the seeding cannot share the test
 * file's module graph), into a data folder of its own and:
 * - SQLite: a database file in that folder; each test gets a copy of the folder (database, search index,
 *   keys, uploads);
 * - PostgreSQL: a template database beside DATABASE_URL's; each test gets `CREATE DATABASE … TEMPLATE`, plus
 *   a copy of the folder (the PII key that encrypted the seeded identities, the search index, uploads).
 * Every test still gets a database of its own. Outside jest (no SOTAY_TEST_RUN_DIR) nothing is kept: the
 * callers seed in place, as before.
 */
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { TSX_NODE_ARGS } from './node'

export const RUN_DIR_ENV = 'SOTAY_TEST_RUN_DIR'

type Template = { dataDir: string; database: string | null }

const isPostgres = (url: string | undefined): url is string => !!url && /^postgres(ql)?:/.test(url)

/** The PostgreSQL database `name` beside `base` (same server and credentials). */
export function databaseUrlBeside(base: string, name: string): string {
  const url = new URL(base)
  url.pathname = `/${name}`
  return url.toString()
}

export async function postgresAdmin(base: string, sql: string): Promise<void> {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString: databaseUrlBeside(base, 'postgres') })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

/** The run's seeded template for the database kind of `baseUrl`, made on first use; null outside jest. */
async function template(baseUrl: string | undefined): Promise<Template | null> {
  const runDir = process.env[RUN_DIR_ENV]
  if (!runDir) return null
  const kind = isPostgres(baseUrl) ? `postgres-${new URL(baseUrl).port || 5432}` : 'sqlite'
  const dir = path.join(runDir, kind)
  const ready = path.join(dir, 'ready.json')
  if (existsSync(ready)) return JSON.parse(readFileSync(ready, 'utf8')) as Template
  const dataDir = path.join(dir, 'data')
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dataDir, { recursive: true })
  let database: string | null = null
  let databaseUrl = `file:${path.join(dataDir, 'sotay.db')}`
  if (isPostgres(baseUrl)) {
    database = `sotay_template_${process.pid}_${Date.now().toString(36)}`
    await postgresAdmin(baseUrl, `CREATE DATABASE ${database}`)
    // Dropped by the global teardown, even when seeding fails below.
    writeFileSync(path.join(runDir, `${database}.pgdb`), baseUrl)
    databaseUrl = databaseUrlBeside(baseUrl, database)
  }
  await seedInChild({ DATA_DIR: dataDir, DATABASE_URL: databaseUrl })
  const made: Template = { dataDir, database }
  writeFileSync(ready, JSON.stringify(made))
  return made
}

function seedInChild(env: Record<string, string>): Promise<void> {
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, path.join('tests', 'helpers', 'seed-template.ts')], {
    cwd: process.cwd(),
    env: { ...process.env, ...env, NODE_ENV: 'production', PAYLOAD_SECRET: 'test-template-secret' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-6000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Không tạo được dữ liệu mẫu cho kiểm thử (mã ${code}):\n${output}`)))),
  )
}

/**
 * Copies the seeded demo data into `dataDir` and gives the database for it: a SQLite URL inside `dataDir`, or
 * a new PostgreSQL database made from the template (with how to drop it). Null outside jest.
 */
export async function seededCopy(dataDir: string, baseUrl = process.env.DATABASE_URL, name?: string): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const made = await template(baseUrl)
  if (!made) return null
  // A closed database: its -shm (WAL index) is rebuilt by SQLite, never copied.
  cpSync(made.dataDir, dataDir, { recursive: true, filter: (source) => !source.endsWith('-shm') })
  if (!made.database || !isPostgres(baseUrl)) return { url: `file:${path.join(dataDir, 'sotay.db')}`, drop: async () => {} }
  const copy = name ?? `sotay_test_${process.pid}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`
  await postgresAdmin(baseUrl, `CREATE DATABASE ${copy} TEMPLATE ${made.database}`)
  return { url: databaseUrlBeside(baseUrl, copy), drop: () => postgresAdmin(baseUrl, `DROP DATABASE IF EXISTS ${copy} WITH (FORCE)`) }
}
