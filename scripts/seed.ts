/** `npm run seed`: puts the demo organisation tree and accounts into an empty database (any dialect). */
import { getPayload } from 'payload'
import { printDemoLogins, seedDemo } from '../src/seed/demo'
import { runMigrations } from '../src/server/migrate'
import { serverUrl } from '../src/server/runtime'

const config = (await import('../payload.config')).default
const payload = await getPayload({ config })
try {
  await runMigrations(payload)
  const created = await seedDemo(payload)
  if (!created) payload.logger.info('Cơ sở dữ liệu đã có dữ liệu: không tạo thêm dữ liệu mẫu.')
  printDemoLogins(serverUrl())
} finally {
  await payload.destroy()
}
