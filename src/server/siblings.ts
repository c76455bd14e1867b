/**
 * Messages between the web processes of one server (WEB_PROCESSES > 1, src/server/cluster.ts): each
 * process keeps copies of the organisation tree between requests (viewers, the search endpoint's tree)
 * and of what members read (src/server/readCache.ts), and a change made in one process must empty them
 * in the others too. The primary relays a worker's message to every other worker. Outside a cluster
 * both functions do nothing.
 */
import cluster from 'node:cluster'

/** The tree changed; the content members read changed; an account changed (src/server/readCache.ts). */
export type SiblingMessage = 'tree-changed' | 'content-changed' | 'accounts-changed'

const listeners = new Map<SiblingMessage, Set<() => void>>()
let listening = false

/** Tells the other web processes (through the primary). */
export function tellSiblings(message: SiblingMessage): void {
  if (cluster.isWorker && process.send && process.connected) process.send({ sotay: message })
}

/** Runs `listener` whenever another web process sends `message`; returns a function that stops it. */
export function onSiblingMessage(message: SiblingMessage, listener: () => void): () => void {
  if (!listening && cluster.isWorker) {
    listening = true
    process.on('message', (m: unknown) => {
      const kind = (m as { sotay?: SiblingMessage } | null)?.sotay
      if (kind) for (const l of listeners.get(kind) ?? []) l()
    })
  }
  if (!listeners.has(message)) listeners.set(message, new Set())
  listeners.get(message)!.add(listener)
  return () => listeners.get(message)?.delete(listener)
}
