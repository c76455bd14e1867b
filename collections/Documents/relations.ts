/**
 * Typed relations between documents (căn cứ, hướng dẫn thi hành, sửa đổi bổ sung, thay thế, bãi bỏ),
 * stored on the document that states them and shown in reverse on the other one.
 *
 * Replacing or repealing a document ends its force: once the replacing document is published, the
 * replaced one's tình trạng hiệu lực becomes "hết hiệu lực" (or "hết hiệu lực một phần" for a partial
 * repeal), and it goes back when that document is withdrawn, deleted or drops the relation.
 * Only documents issued by the same organisation or one below it can be amended, replaced or repealed.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { refId } from '../../src/lib/member/roles'
import { isWithin } from '../../src/lib/org-tree/path'
import { calendarDay, today } from './dates'
import { invalid, type FieldError } from './publishing/errors'

export const RELATION_TYPES = {
  'can-cu': { label: 'Căn cứ', inverse: 'Là căn cứ của' },
  'huong-dan': { label: 'Hướng dẫn thi hành', inverse: 'Được hướng dẫn thi hành bởi' },
  'sua-doi': { label: 'Sửa đổi, bổ sung', inverse: 'Được sửa đổi, bổ sung bởi' },
  'thay-the': { label: 'Thay thế', inverse: 'Bị thay thế bởi' },
  'bai-bo': { label: 'Bãi bỏ', inverse: 'Bị bãi bỏ bởi' },
} as const
export type RelationType = keyof typeof RELATION_TYPES

/** Relations that act on the target: only within the issuer's own subtree. */
const ACTS_ON_TARGET: readonly RelationType[] = ['sua-doi', 'thay-the', 'bai-bo']
/** Relations that end the target's force (wholly, or partly when marked "một phần"). */
export const ENDS_FORCE: readonly RelationType[] = ['thay-the', 'bai-bo']

export const EFFECT_STATUS = {
  'con-hieu-luc': 'Còn hiệu lực',
  'het-hieu-luc-mot-phan': 'Hết hiệu lực một phần',
  'het-hieu-luc': 'Hết hiệu lực',
  'chua-co-hieu-luc': 'Chưa có hiệu lực',
} as const
export type EffectStatus = keyof typeof EFFECT_STATUS

export type Relation = { type: RelationType; target: unknown; partial?: boolean | null; note?: string | null }
type Doc = {
  id: string | number
  number?: string | null
  title?: string | null
  issuer?: unknown
  issuerPath?: string | null
  issuedDate?: string | null
  effectiveDate?: string | null
  effectStatus?: EffectStatus | null
  statusBySystem?: boolean | null
  _status?: string | null
  relations?: Relation[] | null
}

const nameOf = (doc: Doc) => (doc.number ? `${doc.number}` : `"${doc.title ?? doc.id}"`)

/** Ids among `ids` of the documents the request's user may read. */
export async function readableIds(req: PayloadRequest, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set()
  const found = await req.payload.find({
    collection: 'documents',
    where: { id: { in: ids } },
    select: { title: true },
    depth: 0,
    pagination: false,
    overrideAccess: false,
    req,
  })
  return new Set(found.docs.map((d) => String(d.id)))
}

/** Documents among `ids` that the request may read (all of them for the platform itself), stored fields included. */
async function readableDocuments(req: PayloadRequest, ids: string[], system: boolean): Promise<Map<string, Doc>> {
  if (ids.length === 0) return new Map()
  const found = await req.payload.find({
    collection: 'documents',
    where: { id: { in: ids } },
    depth: 0,
    pagination: false,
    overrideAccess: system,
    showHiddenFields: true,
    req,
  })
  return new Map((found.docs as unknown as Doc[]).map((d) => [String(d.id), d]))
}

/**
 * Before a save: no relation to itself, none twice, every target readable by the editor, amendments,
 * replacements and repeals only of published documents of the issuer's subtree, and no document
 * replacing the one that replaced it.
 */
export const checkRelations: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const rows = (data.relations ?? []) as Relation[]
  if (rows.length === 0) return data
  const selfId = originalDoc?.id != null ? String(originalDoc.id) : null
  const issuerId = refId(data.issuer ?? originalDoc?.issuer)
  const errors: FieldError[] = []
  const targets = await readableDocuments(req, [...new Set(rows.map((r) => refId(r.target as never)).filter((t): t is string => !!t))], !req.user)
  const seen = new Set<string>()
  rows.forEach((row, i) => {
    const path = `relations.${i}.target`
    const line = `Liên kết dòng ${i + 1}`
    const targetId = refId(row.target as never)
    if (!targetId) return errors.push({ path, message: `${line}: chưa chọn văn bản.` })
    if (targetId === selfId) return errors.push({ path, message: `${line}: văn bản không thể liên kết với chính nó.` })
    const key = `${row.type}|${targetId}`
    if (seen.has(key)) return errors.push({ path, message: `${line}: liên kết này đã có ở dòng trên.` })
    seen.add(key)
    const target = targets.get(targetId)
    if (!target) return errors.push({ path, message: `${line}: văn bản liên quan không tồn tại hoặc bạn không có quyền xem.` })
    if (!ACTS_ON_TARGET.includes(row.type)) return
    const verb = RELATION_TYPES[row.type].label.toLowerCase()
    if (target._status !== 'published') return errors.push({ path, message: `${line}: chỉ ${verb} được văn bản đã phát hành; ${nameOf(target)} chưa phát hành.` })
    if (!issuerId || !isWithin(target.issuerPath, issuerId))
      return errors.push({ path, message: `${line}: chỉ được ${verb} văn bản do chính cơ quan ban hành hoặc tổ chức cấp dưới ban hành; ${nameOf(target)} không thuộc phạm vi đó.` })
    if (selfId && row.type === 'thay-the' && (target.relations ?? []).some((r) => r.type === 'thay-the' && refId(r.target as never) === selfId))
      errors.push({ path, message: `${line}: ${nameOf(target)} đã thay thế văn bản này, không thể thay thế ngược lại.` })
  })
  if (errors.length > 0) invalid(req, 'documents', errors)
  return data
}

/** The force a document has on its own: not yet when its effective date is still ahead. */
function ownStatus(doc: Doc): EffectStatus {
  const effective = calendarDay(doc.effectiveDate)
  return effective && effective > today() ? 'chua-co-hieu-luc' : 'con-hieu-luc'
}

/** What the published documents replacing or repealing `targetId` make of its force, if anything. */
async function endedBy(req: PayloadRequest, targetId: string): Promise<EffectStatus | null> {
  const sources = await req.payload.db.find<Doc>({
    collection: 'documents',
    where: { and: [{ 'relations.target': { equals: targetId } }, { _status: { equals: 'published' } }] },
    pagination: false,
    req,
  })
  const rows = sources.docs.flatMap((s) => (s.relations ?? []).filter((r) => refId(r.target as never) === targetId && ENDS_FORCE.includes(r.type)))
  if (rows.some((r) => !r.partial)) return 'het-hieu-luc'
  return rows.length > 0 ? 'het-hieu-luc-mot-phan' : null
}

/**
 * Writes a status decided by the platform to the document and to its latest version (what the admin
 * edits), without a new version: the document's own content did not change.
 */
async function writeStatus(req: PayloadRequest, id: string, effectStatus: EffectStatus, statusBySystem: boolean) {
  await req.payload.db.updateOne({ collection: 'documents', id, data: { effectStatus, statusBySystem }, req })
  const { docs } = await req.payload.db.findVersions<Doc>({
    collection: 'documents',
    where: { and: [{ parent: { equals: id } }, { latest: { equals: true } }] },
    limit: 1,
    pagination: false,
    req,
  })
  const latest = docs[0] as unknown as { id: string | number; version: Doc } | undefined
  if (latest)
    await req.payload.db.updateVersion({ collection: 'documents', id: String(latest.id), versionData: { ...latest.version, effectStatus, statusBySystem } as never, req })
}

/** Brings the force of `targetId` in line with the published documents acting on it. */
async function refreshStatus(req: PayloadRequest, targetId: string) {
  const target = await req.payload.db.findOne<Doc>({ collection: 'documents', where: { id: { equals: targetId } }, req })
  if (!target) return
  const ended = await endedBy(req, targetId)
  if (ended && (ended !== target.effectStatus || !target.statusBySystem)) await writeStatus(req, targetId, ended, true)
  else if (!ended && target.statusBySystem) await writeStatus(req, targetId, ownStatus(target), false)
}

const endedTargets = (doc: Doc | undefined): string[] =>
  (doc?.relations ?? []).filter((r) => ENDS_FORCE.includes(r.type)).map((r) => refId(r.target as never)).filter((t): t is string => !!t)

/** On every save the document's own status is kept consistent: a replaced document stays ended. */
export const keepOwnStatus: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const ended = originalDoc?.id != null ? await endedBy(req, String(originalDoc.id)) : null
  if (ended) {
    data.effectStatus = ended
    data.statusBySystem = true
  } else if (data.effectStatus !== undefined && data.effectStatus !== originalDoc?.effectStatus) {
    data.statusBySystem = false
  } else if (originalDoc?.statusBySystem) {
    data.effectStatus = ownStatus({ ...originalDoc, ...data })
    data.statusBySystem = false
  } else if (!data.effectStatus && !originalDoc?.effectStatus) {
    data.effectStatus = ownStatus(data as Doc)
  }
  return data
}

/** After a save: documents this one replaces or repeals (now or before) get their status refreshed. */
export const applyRelationEffects: CollectionAfterChangeHook = async ({ doc, previousDoc, req }) => {
  for (const target of new Set([...endedTargets(doc), ...endedTargets(previousDoc)])) await refreshStatus(req, target)
  return doc
}

export const releaseRelationEffects: CollectionAfterDeleteHook = async ({ doc, req }) => {
  for (const target of new Set(endedTargets(doc))) await refreshStatus(req, target)
}
