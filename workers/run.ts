/**
 * `npm run worker`: a jobs-queue worker as its own process (any number of them, on any machine sharing the
 * database). Start the web server with WORKERS=off when workers run separately. Stops cleanly on SIGTERM.
 */
import { getPayload } from 'payload'
import { startJobsRunner } from './runner'
import { env } from '../src/server/config'

const config = (await import('../payload.config')).default
const payload = await getPayload({ config })
const runner = startJobsRunner(payload, { intervalMs: env('WORKER_INTERVAL_MS') })
payload.logger.info(`Tiến trình xử lý nền ${process.pid} đã sẵn sàng.`)

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    payload.logger.info(`Nhận ${signal}: hoàn tất công việc đang làm rồi dừng…`)
    await runner.stop()
    await payload.destroy()
    process.exit(0)
  })
}
