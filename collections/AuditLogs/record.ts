import type { PayloadRequest, RequiredDataFromCollectionSlug } from 'payload'
import type { AuditAction } from '.'
import { clientAddress } from '../../src/server/http'

export type AuditEntry = {
  action: AuditAction
  subject?: string | number | null
  subjects?: (string | number)[]
  orgPath?: string | null
  summary: string
  details?: Record<string, unknown>
}

/**
 * The client's address as the HTTP server determined it (the socket's; with TRUST_PROXY the left-most
 * X-Forwarded-For) — never a header the client chose. Work without a request (jobs, scripts) has none.
 */
const clientIp = (req: PayloadRequest): string | undefined => (req.headers ? clientAddress(req.headers) : '') || undefined

/** True while an audit entry is being written: reads made to validate it are not themselves audited. */
export const isRecordingAudit = (req: PayloadRequest): boolean => !!req.context?.recordingAudit

export type RecordOptions = {
  /**
   * Write the entry on its own, outside the request's transaction and without sharing the request. For entries
   * written while a read is being served (profile views): the admin's edit view runs many operations on one
   * request at once, and on PostgreSQL an insert joining that request's transaction was left waiting with it.
   */
  detached?: boolean
}

/** Appends an entry in the request's transaction (unless detached), attributed to the request's user. */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry, options: RecordOptions = {}): Promise<void> {
  // Ids are numbers on the SQL databases (payload-types.ts) and strings on MongoDB: entries take either.
  const data = { ...entry, actor: req.user?.id ?? null, ip: clientIp(req) } as RequiredDataFromCollectionSlug<'audit-logs'>
  if (options.detached) {
    await req.payload.create({ collection: 'audit-logs', data, overrideAccess: true, depth: 0, disableTransaction: true, context: { recordingAudit: true } })
    return
  }
  req.context.recordingAudit = true
  try {
    await req.payload.create({
      collection: 'audit-logs',
      data,
      overrideAccess: true,
      // No population: the entry names users, and loading them through this request's data loader from
      // inside a read of those same users waits on itself (the admin's edit view hung on exactly that).
      depth: 0,
      req,
    })
  } finally {
    req.context.recordingAudit = false
  }
}
