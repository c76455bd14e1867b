/**
 * Several web processes on one port (WEB_PROCESSES, Node's cluster module): one Node process uses one
 * core, and serving pages and the API is CPU work. The primary only supervises: it starts web process 0
 * first — it runs the migrations, seeds the demo data, checks the search index and runs the jobs queue —,
 * then the others (no jobs, no seeding); it restarts a process that dies, relays the processes' messages
 * to each other (src/server/siblings.ts), and on SIGTERM/SIGINT stops them all gracefully.
 */
import cluster, { type Worker } from 'node:cluster'
import { env, parseSetting, rawSetting } from './config'

/** WEB_PROCESSES: a number (1 by default) or "auto" (one per core). */
export function webProcessCount(value?: string): number {
  return value === undefined ? env('WEB_PROCESSES') : parseSetting('WEB_PROCESSES', value)
}

/** The index of this web process (0 outside a cluster). */
export const webProcessIndex = (): number => env('SOTAY_WEB_INDEX')

type Log = (message: string) => void

export async function runPrimary(count: number, log: Log = (m) => console.log(m)): Promise<void> {
  let stopping = false
  const workers = new Map<number, Worker>()

  const fork = (index: number): Worker => {
    // Only process 0 runs the jobs queue and seeds the demo; the others find the database ready.
    const env: Record<string, string> = { SOTAY_WEB_INDEX: String(index) }
    if (index > 0) Object.assign(env, { WORKERS: 'off', SEED_DEMO: '0' })
    const worker = cluster.fork(env)
    workers.set(index, worker)
    worker.on('exit', (code, signal) => {
      if (workers.get(index) === worker) workers.delete(index)
      if (stopping) return
      log(`Tiến trình web ${index} đã dừng (${signal ?? `mã ${code}`}); đang khởi động lại…`)
      setTimeout(() => !stopping && fork(index), 1000).unref()
    })
    return worker
  }

  cluster.on('message', (from, message: unknown) => {
    const kind = (message as { sotay?: string } | null)?.sotay
    if (!kind || kind === 'ready') return
    for (const worker of workers.values()) if (worker !== from && worker.isConnected()) worker.send(message as object)
  })

  const ready = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const onMessage = (m: unknown) => {
        if ((m as { sotay?: string } | null)?.sotay !== 'ready') return
        worker.off('message', onMessage)
        worker.off('exit', onExit)
        resolve()
      }
      const onExit = (code: number | null) => reject(new Error(`Tiến trình web đầu tiên dừng khi khởi động (mã ${code}).`))
      worker.on('message', onMessage)
      worker.once('exit', onExit)
    })

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, async () => {
      stopping = true
      log(`Nhận ${signal}: đang dừng ${workers.size} tiến trình web…`)
      const exits = [...workers.values()].map((w) => new Promise<void>((resolve) => (w.isDead() ? resolve() : w.once('exit', () => resolve()))))
      for (const w of workers.values()) w.process.kill('SIGTERM')
      await Promise.all(exits)
      process.exit(0)
    })
  }

  const first = fork(0)
  try {
    await ready(first)
  } catch (err) {
    stopping = true
    throw err
  }
  for (let index = 1; index < count; index++) fork(index)
  log(`Đang chạy ${count} tiến trình web (WEB_PROCESSES=${rawSetting('WEB_PROCESSES')}).`)
}
