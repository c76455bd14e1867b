/**
 * `npm run migrate:create -- NAME`: writes a migration for every SQL dialect the project ships
 * (migrations/sqlite and migrations/postgres) from the current collection config. Neither needs a
 * running database of its own: the SQLite one uses a scratch file, the PostgreSQL one only diffs schemas.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const name = process.argv[2]
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('Cách dùng: npm run migrate:create -- ten_migration (chữ thường, số, gạch dưới)')
  process.exit(2)
}
const scratch = mkdtempSync(path.join(os.tmpdir(), 'sotay-migrate-'))
const dialects: Record<string, string> = {
  sqlite: `file:${path.join(scratch, 'scratch.db')}`,
  postgres: process.env.MIGRATE_POSTGRES_URL || 'postgres://postgres@127.0.0.1:5432/sotay_migrations',
}
let failed = false
for (const [dialect, url] of Object.entries(dialects)) {
  console.log(`— ${dialect}`)
  const result = spawnSync(process.execPath, [path.resolve('node_modules/payload/bin.js'), 'migrate:create', name], {
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: url, DATA_DIR: scratch, NODE_OPTIONS: '--no-deprecation --conditions=production' },
  })
  failed ||= result.status !== 0
}
rmSync(scratch, { recursive: true, force: true })
process.exit(failed ? 1 : 0)
