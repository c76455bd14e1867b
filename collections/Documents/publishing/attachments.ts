/**
 * Files attached to issued content. A file belongs to the first record that attaches it and from then
 * on is read exactly like that record: its published state, audience, schedule and issuer are copied
 * onto the file (collections/Media), so file reads are one Where query like everything else.
 *
 * - A draft only claims files nobody owns yet; files the published version uses keep their audience
 *   until the next publication, so a draft never exposes or hides anything early.
 * - Publishing copies the audience onto every file it uses and withdraws the files it no longer uses.
 * - Withdrawing or deleting the record withdraws or deletes its files.
 */
import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, CollectionBeforeChangeHook, PayloadRequest } from 'payload'
import { refId } from '../../../src/lib/member/roles'
import { KIND_LABELS, kindOfMime, type FileKind } from '../../Media/fileTypes'
import { empty } from './audience'
import { invalid, type FieldError } from './errors'
import { viewerOf } from './viewer'

/** An upload field of the owning collection and the kinds of file it takes. */
export type AttachmentField = { name: string; label: string; kinds: FileKind[]; hasMany?: boolean }

type MediaDoc = { id: string | number; filename?: string; mimeType?: string; ownerCollection?: string | null; ownerId?: string | null; uploadedBy?: unknown }

const idsIn = (value: unknown): string[] =>
  (Array.isArray(value) ? value : value == null ? [] : [value]).map((v) => refId(v as never)).filter((v): v is string => !!v)

/** Ids of every file `doc` refers to through `fields`. */
export const attachedIds = (doc: Record<string, unknown> | undefined, fields: AttachmentField[]): string[] =>
  doc ? [...new Set(fields.flatMap((f) => idsIn(doc[f.name])))] : []

/**
 * Before a save: every attached file exists, is of a kind its field takes, is owned by nobody else, and —
 * unless already part of this record — was uploaded by the person attaching it.
 */
export function checkAttachments(fields: AttachmentField[]): CollectionBeforeChangeHook {
  return async ({ data, originalDoc, req, collection }) => {
    const errors: FieldError[] = []
    const viewer = await viewerOf(req)
    const selfId = originalDoc?.id != null ? String(originalDoc.id) : null
    for (const field of fields) {
      const ids = idsIn(data[field.name])
      if (ids.length === 0) continue
      const found = await req.payload.db.find<MediaDoc>({ collection: 'media', where: { id: { in: ids } }, pagination: false, req })
      const byId = new Map(found.docs.map((d) => [String(d.id), d]))
      for (const id of ids) {
        const file = byId.get(id)
        const problem = !file
          ? `Tệp (mã ${id}) không tồn tại.`
          : !field.kinds.includes(kindOfMime(file.mimeType) as FileKind)
            ? `${field.label} phải là ${field.kinds.map((k) => KIND_LABELS[k]).join(' hoặc ')}; tệp "${file.filename}" không phải.`
            : file.ownerId && !(file.ownerCollection === collection.slug && file.ownerId === selfId)
              ? `Tệp "${file.filename}" đã thuộc một nội dung khác; hãy tải lên bản riêng.`
              : !file.ownerId && req.user && !viewer.systemAdmin && refId(file.uploadedBy as never) !== String(req.user.id)
                ? `Tệp "${file.filename}" do người khác tải lên và chưa được đính kèm ở đâu; bạn không được dùng tệp này.`
                : null
        if (problem) errors.push({ path: field.name, message: problem })
      }
    }
    if (errors.length > 0) invalid(req, collection.slug, errors)
    return data
  }
}

type Audience = { issuer: unknown; issuerPath: unknown; visibility: unknown; publishAt: unknown }
const audienceOf = (doc: Record<string, any>): Audience => ({
  issuer: doc.issuer && typeof doc.issuer === 'object' ? doc.issuer.id : doc.issuer,
  issuerPath: doc.issuerPath ?? null,
  visibility: doc.visibility ?? null,
  publishAt: doc.publishAt ?? null,
})

async function updateFiles(req: PayloadRequest, where: Record<string, unknown>, data: Record<string, unknown>) {
  const { errors } = await req.payload.update({ collection: 'media', where: where as never, data: data as never, overrideAccess: true, depth: 0, req })
  if (errors.length > 0) throw new Error(`Không cập nhật được quyền xem của tệp đính kèm: ${errors.map((e) => e.message).join('; ')}`)
}

/** After a save: claims, publishes and withdraws files as described at the top. */
export function syncAttachments(fields: AttachmentField[]): CollectionAfterChangeHook {
  return async ({ doc, req, collection }) => {
    const owner = { ownerCollection: collection.slug, ownerId: String(doc.id) }
    const used = attachedIds(doc, fields)
    if (used.length > 0)
      await updateFiles(req, { and: [{ id: { in: used } }, { or: empty('ownerId') }] }, { ...owner, ...audienceOf(doc), ownerStatus: 'draft' })
    const main = await req.payload.db.findOne<Record<string, any> & { id: string | number }>({ collection: collection.slug, where: { id: { equals: doc.id } }, req })
    if (!main) return doc
    const mine = { and: [{ ownerCollection: { equals: collection.slug } }, { ownerId: { equals: owner.ownerId } }] }
    if (main._status === 'published') {
      const live = attachedIds(main, fields)
      if (live.length > 0) await updateFiles(req, { and: [mine, { id: { in: live } }] }, { ...audienceOf(main), ownerStatus: 'published' })
      const stale = [mine, { ownerStatus: { equals: 'published' } }, ...(live.length > 0 ? [{ id: { not_in: live } }] : [])]
      await updateFiles(req, { and: stale }, { ownerStatus: 'draft' })
    } else {
      await updateFiles(req, { and: [mine, { ownerStatus: { equals: 'published' } }] }, { ownerStatus: 'draft' })
    }
    return doc
  }
}

/** Deleting a record deletes its files (they would otherwise be readable by nobody but administrators). */
export const deleteAttachments: CollectionAfterDeleteHook = async ({ doc, req, collection }) => {
  await req.payload.delete({
    collection: 'media',
    where: { and: [{ ownerCollection: { equals: collection.slug } }, { ownerId: { equals: String(doc.id) } }] },
    overrideAccess: true,
    req,
  })
}
