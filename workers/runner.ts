/**
 * The jobs-queue loop: every `intervalMs` it looks for due jobs and runs them, and stops cleanly (the jobs
 * in flight finish) on shutdown. Runs in the web process for the embedded default, or alone in
 * `npm run worker` processes — any number of them sharing the database.
 *
 * Payload's SQL adapters claim jobs with find-then-update, so two workers could run the same job, and a
 * job left `processing` by a worker that died stays so forever. So each job is claimed through a lease
 * (`job:<id>`, workers/locks.ts: an insert on a unique key, atomic on SQLite and PostgreSQL) held and
 * renewed while it runs; a job still marked `processing` whose lease has lapsed belonged to a dead worker
 * and is handed back to the queue (its finished tasks are kept: a workflow resumes where it stopped).
 */
import type { Payload, Where } from 'payload'
import { queueEffectiveStatus } from './effective-status'
import { acquire } from './locks'
import { databaseDiskGuard } from '../src/server/database'
import { isDiskError } from '../src/server/disk'

export type JobsRunner = { stop: () => Promise<void> }

/** Lease of a running job; a dead worker's job is taken up again at most this long (plus one sweep) later. */
export const JOB_LEASE_MS = 45_000
const JOBS = 'payload-jobs'
const jobKey = (id: string | number) => `job:${id}`

type JobRow = { id: string | number; updatedAt?: string }

function dueWhere(): Where {
  return {
    and: [
      { completedAt: { exists: false } },
      { hasError: { not_equals: true } },
      { processing: { equals: false } },
      { or: [{ waitUntil: { exists: false } }, { waitUntil: { less_than: new Date().toISOString() } }] },
    ],
  }
}

/** Hands back jobs marked `processing` whose worker's lease has lapsed. Returns how many. */
export async function recoverAbandonedJobs(payload: Payload, leaseMs = JOB_LEASE_MS): Promise<number> {
  const stuck = await payload.db.find<JobRow>({
    collection: JOBS,
    where: { and: [{ processing: { equals: true } }, { completedAt: { exists: false } }] },
    limit: 50,
    pagination: false,
  })
  let recovered = 0
  for (const job of stuck.docs) {
    // Grace for the moment between a claim and its first write.
    if (job.updatedAt && Date.now() - new Date(job.updatedAt).getTime() < 5_000) continue
    const lease = await acquire(payload, jobKey(job.id), leaseMs)
    if (!lease) continue // a live worker holds it
    try {
      await payload.db.updateOne({ collection: JOBS, id: job.id, data: { processing: false } })
      recovered++
      payload.logger.warn(`Công việc nền ${job.id} bị bỏ dở (tiến trình xử lý đã dừng đột ngột): đưa lại vào hàng đợi.`)
    } finally {
      await lease.release().catch(() => {})
    }
  }
  return recovered
}

/** Claims job `id` through its lease and runs it; false when another worker has it. */
async function runClaimed(payload: Payload, id: string | number): Promise<boolean> {
  const lease = await acquire(payload, jobKey(id), JOB_LEASE_MS)
  if (!lease) return false
  const timer = setInterval(() => void lease.renew().catch(() => {}), JOB_LEASE_MS / 3)
  try {
    // Still due? (another worker may have run it between our look and our claim)
    const fresh = await payload.db.find<JobRow>({ collection: JOBS, where: { and: [{ id: { equals: id } }, ...(dueWhere().and as Where[])] }, limit: 1, pagination: false })
    if (fresh.docs.length === 0) return false
    await payload.jobs.runByID({ id, silent: { info: true } })
    return true
  } finally {
    clearInterval(timer)
    await lease.release().catch(() => {})
  }
}

export function startJobsRunner(payload: Payload, { intervalMs = 1000, limit = 2, recoverEveryMs = 15_000 } = {}): JobsRunner {
  const hasJobs = (payload.config.jobs?.tasks?.length ?? 0) > 0 || (payload.config.jobs?.workflows?.length ?? 0) > 0
  if (!hasJobs) return { stop: async () => {} }
  let stopped = false
  let inFlight: Promise<unknown> = Promise.resolve()
  let timer: NodeJS.Timeout | undefined
  let lastRecovery = 0

  let lastScheduling = 0
  const disk = databaseDiskGuard(payload)
  const batch = async () => {
    // The database's disk is full or read-only (logged once by its guard): nothing to run until it is back.
    if (disk && (!disk.usable() || disk.status)) return
    // Scheduled tasks (jobs `schedule`, e.g. the daily effective-status): queued by Payload when due.
    if (payload.config.jobs?.scheduling && Date.now() - lastScheduling >= 60_000) {
      lastScheduling = Date.now()
      await payload.jobs.handleSchedules({ allQueues: true })
    }
    if (Date.now() - lastRecovery >= recoverEveryMs) {
      lastRecovery = Date.now()
      await recoverAbandonedJobs(payload)
    }
    const due = await payload.db.find<JobRow>({ collection: JOBS, where: dueWhere(), sort: 'createdAt', limit: limit * 3, pagination: false })
    if (stopped) return
    await Promise.all(due.docs.slice(0, limit).map((job) => runClaimed(payload, job.id)))
  }

  const tick = async () => {
    if (stopped) return
    // A full or read-only disk: its guard (src/server/disk.ts) logged the cause once; the next tick tries again.
    inFlight = batch().catch((err) => isDiskError(err) || payload.logger.error({ err }, 'Lỗi khi chạy hàng đợi công việc'))
    await inFlight
    if (!stopped) timer = setTimeout(tick, intervalMs)
  }
  timer = setTimeout(tick, intervalMs)
  // Catch up at start on what the daily tasks would have done while no worker ran.
  void queueEffectiveStatus(payload).catch((err) => payload.logger.error({ err }, 'Không đưa được việc cập nhật hiệu lực vào hàng đợi'))
  payload.logger.info('Đã khởi động bộ xử lý công việc nền.')

  return {
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await inFlight
    },
  }
}
