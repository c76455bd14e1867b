/**
 * Entry point: `npm start` (through scripts/start.ts) or `npm run serve`. Listens on PORT (3000),
 * runs the jobs queue in-process unless WORKERS=off, seeds demo data into an empty embedded database
 * unless SEED_DEMO=0, and shuts down gracefully on SIGTERM / SIGINT.
 */
import { startApp } from './src/server/app'
import { databaseKind, serverUrl } from './src/server/runtime'

const port = Number(process.env.PORT || 3000)
const dev = process.env.NODE_ENV !== 'production'
const seed = process.env.SEED_DEMO ? process.env.SEED_DEMO !== '0' : databaseKind() === 'sqlite'

const app = await startApp({ port, dev, next: process.env.NEXT !== 'off', workers: process.env.WORKERS !== 'off', seed }).catch((err) => {
  console.error(`Không khởi động được máy chủ: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})

app.payload.logger.info(`Sổ tay đảng viên điện tử đang chạy tại ${serverUrl()} (quản trị: ${serverUrl()}/admin)`)
if (seed) {
  const { printDemoLogins } = await import('./src/seed/demo')
  printDemoLogins(serverUrl())
}

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, async () => {
    app.payload.logger.info(`Nhận ${signal}: đang dừng máy chủ…`)
    await app.close()
    process.exit(0)
  })
}
