/** jest globalTeardown: drops the run's PostgreSQL templates and removes its folder. */
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { postgresAdmin, RUN_DIR_ENV } from './template'

export default async function globalTeardown(): Promise<void> {
  const runDir = process.env[RUN_DIR_ENV]
  if (!runDir) return
  for (const file of readdirSync(runDir).filter((f) => f.endsWith('.pgdb'))) {
    const base = readFileSync(path.join(runDir, file), 'utf8')
    await postgresAdmin(base, `DROP DATABASE IF EXISTS ${file.slice(0, -'.pgdb'.length)} WITH (FORCE)`).catch((err) => console.warn(`Không xóa được database mẫu ${file}: ${err}`))
  }
  rmSync(runDir, { recursive: true, force: true })
}
