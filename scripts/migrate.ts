/** `npm run migrate`: applies the committed migrations to the configured database, then exits. */
import { getPayload } from 'payload'
import { closeDatabase } from '../src/server/database'
import { runMigrations } from '../src/server/migrate'

const config = (await import('../payload.config')).default
const payload = await getPayload({ config })
try {
  await runMigrations(payload)
  payload.logger.info('Cơ sở dữ liệu đã được cập nhật.')
} catch (err) {
  console.error((err as Error).message)
  process.exitCode = 1
} finally {
  await closeDatabase(payload)
}
// Payload's init may leave timers (job schedules, the search index's upkeep) that would keep a one-shot command alive.
process.exit()
