/**
 * The jobs-queue loop: asks Payload's queue for due jobs every `intervalMs`, one batch at a time, and
 * stops cleanly (the batch in flight finishes) on shutdown. Runs in the web process for the embedded
 * default, or alone in `npm run worker` processes.
 */
import type { Payload } from 'payload'

export type JobsRunner = { stop: () => Promise<void> }

export function startJobsRunner(payload: Payload, { intervalMs = 1000, limit = 4 } = {}): JobsRunner {
  const hasJobs = (payload.config.jobs?.tasks?.length ?? 0) > 0 || (payload.config.jobs?.workflows?.length ?? 0) > 0
  if (!hasJobs) return { stop: async () => {} }
  let stopped = false
  let inFlight: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined

  const tick = async () => {
    if (stopped) return
    inFlight = payload.jobs.run({ allQueues: true, limit }).catch((err) => payload.logger.error({ err }, 'Lỗi khi chạy hàng đợi công việc'))
    await inFlight
    if (!stopped) timer = setTimeout(tick, intervalMs)
  }
  timer = setTimeout(tick, intervalMs)
  payload.logger.info('Đã khởi động bộ xử lý công việc nền.')

  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await inFlight
    },
  }
}
