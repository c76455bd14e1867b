/**
 * Who reads the pipeline's outputs: exactly who may read the source document or news item (checked with
 * the source's own access rules). Lists are for system administrators; everyone else reads one record
 * at a time (or through the reading endpoints). Nobody writes over the API: the workers use the local API.
 */
import type { Access, PayloadRequest } from 'payload'
import { isSystemAdmin, type Account } from '../../src/lib/member/roles'
import type { SourceCollection } from '../../workers/pipeline'

export const nobody: Access = () => false

/** True when the request's user may read the source (the source's read access, as for any reader). */
export async function canReadSource(req: PayloadRequest, source: SourceCollection, id: string | number): Promise<boolean> {
  try {
    await req.payload.findByID({ collection: source, id, depth: 0, overrideAccess: false, user: req.user, req, disableErrors: false })
    return true
  } catch {
    return false
  }
}

export const canReadOutputs: Access = async ({ req, id }) => {
  if (req.user && isSystemAdmin(req.user as unknown as Account)) return true
  if (id === undefined || id === null) return false
  const record = await req.payload.db.findOne<{ id: string | number; source: SourceCollection; sourceId: string }>({ collection: 'document-outputs', where: { id: { equals: id } }, req })
  if (!record) return false
  return canReadSource(req, record.source, record.sourceId)
}
