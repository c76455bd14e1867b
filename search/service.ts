/**
 * The search feature at server start (src/server/app.ts): the index is checked — missing file, unreadable or
 * corrupt file, or empty while the database has published content — and rebuilt in the background when
 * needed (the site answers meanwhile: searches see what is indexed so far); then, every `sweepMs`, the
 * content whose scheduled release time has come is synced.
 */
import type { Payload } from 'payload'
import { checkSearchIndex, rebuildSearchIndex, type IndexHealth } from '../src/server/search'
import { forgetReads } from '../src/server/readCache'
import { isDiskError } from '../src/server/disk'
import { sweepScheduled } from './sync'
import { env } from '../src/server/config'

const log = (payload: Payload, level: 'info' | 'error', msg: string, err?: unknown) => payload.logger[level](err ? { err, msg } : msg)

const REASONS: Record<Exclude<IndexHealth, 'ok' | 'unavailable'>, string> = {
  missing: 'chưa có chỉ mục',
  corrupt: 'chỉ mục bị hỏng',
  empty: 'chỉ mục trống trong khi cơ sở dữ liệu đã có nội dung',
}

export type SearchService = {
  /** Settles when the start-up check (and the rebuild it may start) is done. */
  ready: Promise<IndexHealth>
  stop: () => Promise<void>
}

/**
 * Start-up: checks the index and rebuilds it in the background when needed; every `sweepMs` syncs the
 * content whose scheduled release time (publishAt) has come. Never blocks or fails the server's start.
 */
export function startSearch(payload: Payload, { sweepMs = env('SEARCH_SWEEP_MS') } = {}): SearchService {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let sweeping: Promise<unknown> = Promise.resolve()

  const ready = (async (): Promise<IndexHealth> => {
    const health = await checkSearchIndex(payload)
    if (health === 'ok' || health === 'unavailable' || stopped) return health
    log(payload, 'info', `Tìm kiếm: ${REASONS[health]}, đang xây dựng lại từ cơ sở dữ liệu (trang web vẫn hoạt động)…`)
    try {
      const r = await rebuildSearchIndex(payload)
      log(payload, 'info', `Tìm kiếm: đã xây dựng lại chỉ mục — ${r.documents} văn bản, ${r.news} tin tức trong ${(r.ms / 1000).toFixed(1)} giây.`)
    } catch (err) {
      log(payload, 'error', 'Tìm kiếm: không xây dựng lại được chỉ mục; chạy "sotay reindex" để thử lại.', err)
    }
    return health
  })()

  const tick = async () => {
    if (stopped) return
    sweeping = sweepScheduled(payload)
      // Content whose time came is now readable: the member site's copies of lists go (each process sweeps).
      .then((released) => released > 0 && forgetReads('content'))
      // A full or read-only disk is logged once by its guard (src/server/disk.ts), not every second here.
      .catch((err) => isDiskError(err) || log(payload, 'error', 'Tìm kiếm: lỗi khi cập nhật nội dung hẹn giờ phát hành.', err))
    await sweeping
    if (!stopped) timer = setTimeout(tick, sweepMs)
  }
  timer = setTimeout(tick, sweepMs)

  return {
    ready,
    stop: async () => {
      stopped = true
      clearTimeout(timer)
      await sweeping
      await ready.catch(() => undefined)
    },
  }
}

