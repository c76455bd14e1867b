/**
 * A change to what members read drops the copies the member site keeps of it (src/server/readCache.ts):
 * at once, and again once the request's transaction is over, so that a read in between cannot keep the
 * old rows; in this process and in the server's other web processes.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'
import { afterTransaction } from '../../src/server/transactions'
import { forgetReadsEverywhere, type ReadKind } from '../../src/server/readCache'

function forget(kind: ReadKind, req: PayloadRequest): void {
  const drop = () => forgetReadsEverywhere(kind)
  drop()
  void afterTransaction(req.payload, req).then(drop, drop)
}

/** The afterChange and afterDelete hooks that drop the copies of `kind`. */
function forgetting(kind: ReadKind): { afterChange: CollectionAfterChangeHook; afterDelete: CollectionAfterDeleteHook } {
  const hook = <T>({ doc, req }: { doc: T; req: PayloadRequest }): T => {
    forget(kind, req)
    return doc
  }
  return { afterChange: hook, afterDelete: hook }
}

/** Documents, news, forwards, the tree: what a page lists or shows. */
export const forgetContent = forgetting('content')

/** Accounts: who a session token belongs to, their status and roles. */
export const forgetAccounts = forgetting('accounts')

/** A signed-out session must stop working at once. */
export const forgetAccountsAfterLogout = ({ req }: { req: PayloadRequest }): void => forget('accounts', req)
