/**
 * A changed or deleted organisation changes who reaches what: the copies of the tree kept between requests
 * — the viewers (collections/Documents/publishing/viewer.ts; features keep their own, e.g. search/plugin.ts)
 * — are dropped now, and again once the request's transaction is over, so that a request in between cannot
 * keep the old tree; in this process and in the server's other web processes (src/server/siblings.ts).
 */
import type { Payload, PayloadRequest } from 'payload'
import { afterTransaction } from '../../../src/server/transactions'
import { forgetViewers } from '../../Documents/publishing/viewer'
import { tellSiblings } from '../../../src/server/siblings'

/** Drops this process's copies of the tree (also when another web process reports a change: src/server/app.ts). */
export function forgetTreeCopies(_payload: Payload): void {
  forgetViewers()
}

export const forgetTreeCaches = <T>({ doc, req }: { doc: T; req: PayloadRequest }): T => {
  const forget = () => {
    forgetTreeCopies(req.payload)
    tellSiblings('tree-changed')
  }
  forget()
  void afterTransaction(req.payload, req).then(forget, forget)
  return doc
}
