/**
 * Entry point: `npm start` (through scripts/start.ts) or `npm run serve`. Listens on PORT (3000),
 * runs the jobs queue in-process unless WORKERS=off, seeds demo data into an empty embedded database
 * unless SEED_DEMO=0, and shuts down gracefully on SIGTERM / SIGINT. With WEB_PROCESSES=N (or "auto")
 * a primary process runs N web processes on the same port (src/server/cluster.ts).
 */
import cluster from 'node:cluster'
import { runPrimary, webProcessCount, webProcessIndex } from './src/server/cluster'
import { startApp } from './src/server/app'
import { databaseKind, serverUrl } from './src/server/runtime'
import { checkSettings, env } from './src/server/config'

const fail = (err: unknown): never => {
  console.error(`Không khởi động được máy chủ: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
}

const processes = (() => {
  try {
    // Every setting is checked now: a wrong value stops the start with a message naming the variable.
    checkSettings()
    return webProcessCount()
  } catch (err) {
    return fail(err)
  }
})()

if (processes > 1 && cluster.isPrimary) {
  await runPrimary(processes).catch(fail)
} else {
  await serve()
}

async function serve(): Promise<void> {
  const port = env('PORT')
  const dev = env('NODE_ENV') !== 'production'
  const seed = env('SEED_DEMO') ?? databaseKind() === 'sqlite'
  const index = webProcessIndex()

  const app = await startApp({ port, dev, next: env('NEXT'), workers: env('WORKERS'), seed }).catch(fail)

  if (index === 0) app.payload.logger.info(`Sổ tay đảng viên điện tử đang chạy tại ${serverUrl()} (quản trị: ${serverUrl()}/admin)`)
  else app.payload.logger.info(`Tiến trình web ${index} sẵn sàng.`)
  if (seed) {
    const { printDemoLogins } = await import('./src/seed/demo')
    printDemoLogins(serverUrl())
  }

  const stop = async (reason: string) => {
    app.payload.logger.info(`${reason}: đang dừng máy chủ${cluster.isWorker ? ` (tiến trình web ${index})` : ''}…`)
    await app.close()
    process.exit(0)
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(`Nhận ${signal}`))
  if (cluster.isWorker) {
    // The primary is gone: nobody hands this process connections any more.
    process.once('disconnect', () => void stop('Mất tiến trình chính'))
    process.send?.({ sotay: 'ready' })
  }
}
