/**
 * Chuyển tiếp văn bản: an organisation passes a document issued above it down to its own subtree, with
 * a note (ý kiến chỉ đạo) and an optional deadline. The members it reaches see the note beside the
 * document; leaders and editors above see the forwards made below them.
 */
import type { Access, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig, Where } from 'payload'
import { refId } from '../../src/lib/member/roles'
import { idsOnPath, isWithin, subtreeMarker } from '../../src/lib/org-tree/path'
import { calendarDay, displayDay, storedDay, today } from './dates'
import { canSeeWorkflow } from './publishing/access'
import { forbidden, invalid, type FieldError } from './publishing/errors'
import type { Viewer } from './publishing/audience'
import { organsUnder, viewerOf } from './publishing/viewer'
import { organization } from './publishing/workflow'
import { forgetContent } from '../hooks/forgetReads'
import { boundText } from '../hooks/boundText'

type Doc = { id: string | number; number?: string | null; title?: string; issuer?: unknown; issuerPath?: string | null; _status?: string; publishAt?: string | null }

/** Members read the forwards of organisations that reach them; leaders and editors those made in their subtree. */
export function forwardsReadWhere(viewer: Viewer): Where | boolean {
  if (viewer.systemAdmin) return true
  const clauses: Where[] = []
  if (viewer.approved && viewer.reach.length > 0) clauses.push({ organization: { in: viewer.reach } })
  for (const id of viewer.oversight) clauses.push({ organizationPath: { contains: subtreeMarker(id) } })
  if (clauses.length === 0) return false
  const published: Where = { 'document._status': { equals: 'published' } }
  return { and: [published, { or: clauses }] }
}

const canReadForwards: Access = async ({ req }) => forwardsReadWhere(await viewerOf(req))

/** The organisations on whose behalf the viewer forwards: where they lead, edit or approve. */
const forwarders = async (req: Parameters<Access>[0]['req']) => {
  const viewer = await viewerOf(req)
  return { viewer, orgs: [...new Set([...viewer.oversight, ...viewer.approvable])] }
}

const canCreateForwards: Access = async ({ req }) => {
  const { viewer, orgs } = await forwarders(req)
  return viewer.systemAdmin || orgs.length > 0
}

const canChangeForwards: Access = async ({ req }) => {
  const { viewer, orgs } = await forwarders(req)
  if (viewer.systemAdmin) return true
  return orgs.length > 0 ? { organization: { in: orgs } } : false
}

/** True when `doc` was issued above `org`: by one of its ancestors, or by a staff organ of one of them. */
async function issuedAbove(req: Parameters<CollectionBeforeChangeHook>[0]['req'], doc: Doc, org: { id: string | number; path?: string | null }) {
  const issuer = refId(doc.issuer as never)
  if (!issuer || isWithin(doc.issuerPath, org.id)) return false
  const ancestors = idsOnPath(org.path).filter((id) => id !== String(org.id))
  if (ancestors.includes(issuer)) return true
  return (await organsUnder(req, ancestors)).some((organ) => organ.id === issuer)
}

const checkForward: CollectionBeforeChangeHook = async ({ data, originalDoc, operation, req }) => {
  const errors: FieldError[] = []
  if (data.deadline !== undefined && data.deadline !== null && data.deadline !== '') {
    const day = calendarDay(data.deadline)
    if (!day) errors.push({ path: 'deadline', message: 'Hạn triển khai không hợp lệ; hãy nhập theo dạng ngày/tháng/năm.' })
    else if (operation === 'create' && day < today()) errors.push({ path: 'deadline', message: `Hạn triển khai (${displayDay(day)}) không được trước hôm nay.` })
    else data.deadline = storedDay(day)
  }
  if (operation === 'update') {
    if (errors.length > 0) invalid(req, 'forwards', errors)
    return { ...data, document: originalDoc.document, organization: originalDoc.organization, organizationPath: originalDoc.organizationPath }
  }

  const orgId = refId(data.organization)
  const org = orgId ? await organization(req, orgId) : null
  if (!org) errors.push({ path: 'organization', message: 'Vui lòng chọn tổ chức chuyển tiếp.' })
  const documentId = refId(data.document)
  const doc = documentId ? await req.payload.db.findOne<Doc>({ collection: 'documents', where: { id: { equals: documentId } }, req }) : null
  if (!doc) errors.push({ path: 'document', message: 'Văn bản cần chuyển tiếp không tồn tại.' })
  if (errors.length > 0 || !org || !doc) return invalid(req, 'forwards', errors)

  if (req.user) {
    const { viewer, orgs } = await forwarders(req)
    if (!viewer.systemAdmin && !orgs.includes(String(org.id))) forbidden(`Bạn không phụ trách ${org.name} nên không thể chuyển tiếp văn bản thay tổ chức này.`)
  }
  const released = !doc.publishAt || doc.publishAt <= new Date().toISOString()
  if (doc._status !== 'published' || !released) errors.push({ path: 'document', message: 'Chỉ chuyển tiếp được văn bản đã phát hành.' })
  else if (!(await issuedAbove(req, doc, org)))
    errors.push({ path: 'document', message: `Chỉ chuyển tiếp được văn bản của cấp trên ${org.name}; văn bản ${doc.number ?? doc.title} không do cấp trên ban hành.` })
  else {
    const existing = await req.payload.db.findOne({ collection: 'forwards', where: { and: [{ document: { equals: doc.id } }, { organization: { equals: org.id } }] }, req })
    if (existing) errors.push({ path: 'document', message: `${org.name} đã chuyển tiếp văn bản này; hãy sửa lần chuyển tiếp đó.` })
  }
  if (errors.length > 0) invalid(req, 'forwards', errors)
  data.organizationPath = org.path
  if (req.user) data.forwardedBy = req.user.id
  return data
}

/** A deleted document takes its forwarding notes with it (before it goes: the link would be cleared). */
export const deleteForwardsOf: CollectionBeforeDeleteHook = async ({ id, req }) => {
  await req.payload.delete({ collection: 'forwards', where: { document: { equals: id } }, overrideAccess: true, req })
}

const systemOnly = { create: () => false, update: () => false }

export const Forwards: CollectionConfig = {
  slug: 'forwards',
  labels: { singular: 'Chuyển tiếp văn bản', plural: 'Chuyển tiếp văn bản' },
  admin: {
    useAsTitle: 'note',
    defaultColumns: ['document', 'organization', 'deadline', 'createdAt'],
    group: 'Nội dung',
    description: 'Chuyển văn bản của cấp trên xuống các tổ chức, đảng viên trực thuộc kèm ý kiến chỉ đạo và hạn triển khai.',
  },
  defaultSort: '-createdAt',
  access: { read: canReadForwards, create: canCreateForwards, update: canChangeForwards, delete: canChangeForwards },
  hooks: { beforeOperation: [boundText], beforeChange: [checkForward], afterChange: [forgetContent.afterChange], afterDelete: [forgetContent.afterDelete] },
  fields: [
    { name: 'document', label: 'Văn bản', type: 'relationship', relationTo: 'documents', required: true, index: true },
    {
      name: 'organization',
      label: 'Tổ chức chuyển tiếp',
      type: 'relationship',
      relationTo: 'organizations',
      required: true,
      index: true,
      admin: { description: 'Văn bản đến với đảng viên thuộc tổ chức này và các tổ chức trực thuộc.' },
    },
    { name: 'note', label: 'Ý kiến chỉ đạo', type: 'textarea', maxLength: 2000 },
    { name: 'deadline', label: 'Hạn triển khai', type: 'date', admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
    {
      name: 'forwardedBy',
      label: 'Người chuyển tiếp',
      type: 'relationship',
      relationTo: 'users',
      access: { ...systemOnly, read: canSeeWorkflow },
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'organizationPath', type: 'text', index: true, hidden: true, access: systemOnly },
  ],
}
