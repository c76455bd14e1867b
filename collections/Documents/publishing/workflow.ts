/**
 * Who may write, publish and withdraw issued content, and the approval steps in between.
 *
 * - An editor of organisation X writes content issued by X only; X's approvers (its leadership, or the
 *   leadership of the committee a staff organ X serves) may write it too.
 * - Publishing — and any change to what is already published, and withdrawing it — needs an approver of
 *   X, or an editor of X when X lets its editors publish directly (publishing-settings).
 * - In between: the editor saves drafts and marks them "chờ duyệt"; an approver publishes or returns the
 *   draft with a reason ("trả lại").
 *
 * Saves made by the platform itself (the seed, imports: no signed-in user) skip the rights checks, not
 * the data checks.
 */
import type { CollectionBeforeOperationHook, CollectionBeforeValidateHook, PayloadRequest } from 'payload'
import { refId } from '../../../src/lib/member/roles'
import type { Viewer } from './audience'
import { forbidden, invalid } from './errors'
import type { ReviewStatus } from './fields'
import { viewerOf } from './viewer'

type Org = { id: string | number; name: string; path?: string | null }

const draftKey = (slug: string) => `publishingDraftSave:${slug}`
const sentStatusKey = (slug: string) => `publishingSentStatus:${slug}`

const isSystem = (req: PayloadRequest) => !req.user

/**
 * Payload tells only the operation, not the hooks, whether a save is a draft: remember it for the hooks
 * of that save. A draft save of a published record leaves the published record as it is.
 *
 * Remember too the status the caller sent, if any: by the time the hooks run, Payload has filled a missing
 * `_status` in from the latest version — the pending draft of an editor, if there is one.
 */
export const rememberDraftSave: CollectionBeforeOperationHook = ({ args, operation, req, collection }) => {
  if (operation === 'create' || operation === 'update') {
    const { draft, data } = args as { draft?: boolean; data?: { _status?: unknown } }
    req.context[draftKey(collection.slug)] = Boolean(draft)
    req.context[sentStatusKey(collection.slug)] = data && typeof data === 'object' && !Array.isArray(data) ? data._status : undefined
  }
  return args
}

/** True while the current save of `slug` is a draft save (known from the operation's arguments). */
export const isDraftSave = (req: PayloadRequest, slug: string): boolean => req.context[draftKey(slug)] === true

export async function organization(req: PayloadRequest, id: string): Promise<Org | null> {
  return req.payload.db.findOne<Org>({ collection: 'organizations', where: { id: { equals: id } }, req })
}

/** True when organisation `orgId` lets its editors publish without an approver (publishing-settings). */
async function editorsPublishDirectly(req: PayloadRequest, orgId: string): Promise<boolean> {
  const setting = await req.payload.db.findOne<{ id: string | number; editorsPublishDirectly?: boolean }>({
    collection: 'publishing-settings',
    where: { organization: { equals: orgId } },
    req,
  })
  return !!setting?.editorsPublishDirectly
}

/** True when `viewer` may publish (or withdraw) content issued by `orgId`. */
async function mayPublish(req: PayloadRequest, viewer: Viewer, orgId: string): Promise<boolean> {
  if (viewer.systemAdmin || viewer.approvable.includes(orgId)) return true
  return viewer.writable.includes(orgId) && (await editorsPublishDirectly(req, orgId))
}

type Nouns = { one: string }

/**
 * The shared hook of issued collections, run first (beforeValidate) so that nobody learns anything from
 * the data checks about content they may not write; `nouns.one` names the content ("văn bản", "tin").
 */
export function issuedContentWorkflow(nouns: Nouns): CollectionBeforeValidateHook {
  return async ({ data, originalDoc, operation, req, collection }) => {
    if (!data) return data
    const draftSave = isDraftSave(req, collection.slug) && data._status !== 'published'

    const issuerId = refId(data.issuer !== undefined ? data.issuer : originalDoc?.issuer)
    if (!issuerId) invalid(req, collection.slug, [{ path: 'issuer', message: 'Vui lòng chọn cơ quan ban hành.' }])
    const issuer = await organization(req, issuerId!)
    if (!issuer) return invalid(req, collection.slug, [{ path: 'issuer', message: 'Cơ quan ban hành không tồn tại.' }])
    data.issuerPath = issuer.path

    const mainStatus =
      operation === 'create'
        ? null
        : ((await req.payload.db.findOne<{ id: string | number; _status?: string }>({ collection: collection.slug, where: { id: { equals: originalDoc.id } }, req }))?._status ?? null)
    // A save that names no status keeps the record's own (main) status: saving a field of published
    // content does not withdraw it, even over an editor's pending draft.
    const sentStatus = req.context[sentStatusKey(collection.slug)] as string | undefined
    const publishes = !draftSave && (sentStatus ?? mainStatus ?? 'draft') === 'published'
    const withdraws = !draftSave && mainStatus === 'published' && !publishes

    if (!isSystem(req)) {
      const viewer = await viewerOf(req)
      if (!viewer.systemAdmin && !viewer.writable.includes(issuerId!))
        forbidden(`Bạn chỉ được soạn ${nouns.one} của tổ chức mình được phân công biên tập; bạn không phụ trách ${issuer.name}.`)
      if ((publishes || withdraws) && !(await mayPublish(req, viewer, issuerId!)))
        forbidden(
          withdraws
            ? `Chỉ cấp ủy viên của ${issuer.name} mới được thu hồi ${nouns.one} đã phát hành.`
            : `${capitalise(nouns.one)} của ${issuer.name} cần cấp ủy viên duyệt trước khi phát hành. Hãy lưu bản nháp và chọn "Chờ duyệt".`,
        )
      if (!publishes) checkReviewTransition(req, collection.slug, viewer, issuerId!, data, originalDoc)
    }

    if (publishes) {
      data._status = 'published'
      data.reviewStatus = 'da-phat-hanh'
      data.reviewNote = null
      if (req.user) data.publishedBy = req.user.id
      // The platform may record when already-published content (seeded, imported) first appeared.
      data.publishedAt = (isSystem(req) && data.publishedAt) || originalDoc?.publishedAt || new Date().toISOString()
    } else if ((data.reviewStatus ?? originalDoc?.reviewStatus) === 'da-phat-hanh') {
      // A new draft of published content, or withdrawn content, starts a new round.
      data.reviewStatus = 'soan-thao'
    }
    return data
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** Drafts move soạn thảo → chờ duyệt → (trả lại → chờ duyệt …); only an approver returns one, with a reason. */
function checkReviewTransition(req: PayloadRequest, slug: string, viewer: Viewer, issuerId: string, data: Record<string, any>, original: Record<string, any> | undefined) {
  const next = data.reviewStatus as ReviewStatus | undefined
  const current = (original?.reviewStatus ?? 'soan-thao') as ReviewStatus
  if (next === undefined || next === current || next === 'da-phat-hanh') return
  if (next === 'tra-lai') {
    if (!viewer.systemAdmin && !viewer.approvable.includes(issuerId)) forbidden('Chỉ cấp ủy viên của tổ chức ban hành mới được trả lại bản nháp.')
    const note = String(data.reviewNote ?? original?.reviewNote ?? '').trim()
    if (!note) invalid(req, slug, [{ path: 'reviewNote', message: 'Vui lòng ghi lý do trả lại để biên tập viên sửa.' }])
    return
  }
  data.reviewNote = null
}
