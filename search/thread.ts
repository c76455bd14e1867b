/**
 * A search thread (see ./threads.ts): its own read connection to the embedded index file, answering the
 * queries the server's main thread sends it. Writes never come here.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { isDiskError } from '../src/server/disk'
import { EmbeddedSearchEngine } from './embedded'
import type { SearchQuery } from './types'

export type ThreadRequest = { id: number; query: SearchQuery }
export type ThreadReply = { id: number; result?: unknown; error?: string; disk?: boolean } | { ready: true } | { failed: string }

const port = parentPort
if (!port) throw new Error('search/thread.ts chạy trong một luồng tìm kiếm (worker thread).')

try {
  // Repeated searches are answered in front of the threads (./threads), so this engine keeps no answers.
  const engine = await EmbeddedSearchEngine.open({ path: (workerData as { path: string }).path, resultCache: 0 })
  port.on('message', (request: ThreadRequest) => {
    engine.search(request.query).then(
      (result) => port.postMessage({ id: request.id, result } satisfies ThreadReply),
      (err: unknown) => port.postMessage({ id: request.id, error: err instanceof Error ? err.message : String(err), disk: isDiskError(err) } satisfies ThreadReply),
    )
  })
  port.postMessage({ ready: true } satisfies ThreadReply)
} catch (err) {
  port.postMessage({ failed: err instanceof Error ? err.message : String(err) } satisfies ThreadReply)
}
