/**
 * A separate worker process for the lease tests: claims KEY repeatedly and writes "start"/"end" lines to
 * LOG around a short critical section; or, with HOLD=1, claims it once and waits to be killed.
 */
import { appendFileSync } from 'node:fs'
import { getPayload } from 'payload'
import { acquire, withLease } from '../../workers/locks'

const config = (await import('../../payload.config')).default
const payload = await getPayload({ config })
const key = process.env.KEY!
const log = process.env.LOG!

if (process.env.HOLD === '1') {
  const lease = await acquire(payload, key, Number(process.env.TTL_MS))
  appendFileSync(log, lease ? `held ${process.pid}\n` : `refused ${process.pid}\n`)
  setInterval(() => {}, 1000) // keep holding until killed
} else if (process.env.TRY_ONCE === '1') {
  const lease = await acquire(payload, key, 5000)
  appendFileSync(log, lease ? `acquired ${process.pid}\n` : `refused ${process.pid}\n`)
  await lease?.release()
  await payload.destroy()
  process.exit(0)
} else {
  let done = 0
  while (done < Number(process.env.ROUNDS)) {
    const ran = await withLease(payload, key, 5000, async () => {
      appendFileSync(log, `start ${process.pid}\n`)
      await new Promise((r) => setTimeout(r, 15))
      appendFileSync(log, `end ${process.pid}\n`)
    })
    if (ran) done++
    else await new Promise((r) => setTimeout(r, 5))
  }
  await payload.destroy()
  process.exit(0)
}
