/**
 * Who reads content issued by an organisation (văn bản, tin bài and their files), as a Where query over
 * the content's own fields, so that lists, counts, pagination, GraphQL and file URLs all apply the same
 * rule inside the database query and never reveal what the viewer may not read.
 *
 * Content issued by X, once published and past its scheduled release time, is read by:
 * - anyone, signed in or not, when it is public (công khai);
 * - every approved member whose branch X reaches: X is the branch or one of its ancestors, or a staff
 *   organ (ban, văn phòng…) of one of them — an organ speaks for its committee (see ./viewer);
 * - the leadership and editors of X and of every ancestor of X (oversight).
 * Before that — drafts, documents waiting for approval or for their release time — only the editors and
 * approvers of X (see ./viewer) read it, and they read it at every stage. System administrators read all.
 *
 * Pure: builds queries from a {@link Viewer}; no Payload calls.
 */
import type { Where } from 'payload'
import { subtreeMarker, subtreeRange } from '../../../src/lib/org-tree/path'

export const VISIBILITY = {
  'dang-vien': 'Đảng viên trong phạm vi tổ chức ban hành',
  'cong-khai': 'Công khai (không cần đăng nhập)',
} as const
export type Visibility = keyof typeof VISIBILITY

/** What the access rules need to know about the person asking (computed once per request by ./viewer). */
export type Viewer = {
  id: string | number | null
  systemAdmin: boolean
  /** Approved account ('da-duyet'): only approved members reach member content. */
  approved: boolean
  /** Organisations whose content reaches this member: their branch, its ancestors and those ancestors' staff organs. */
  reach: string[]
  /** Organisations where they are leadership or editor: they oversee what is issued in those subtrees. */
  oversight: string[]
  /** The materialised paths of `oversight` (by id), so the oversight rule is an index range (see subtreeRange). */
  oversightPaths?: Record<string, string>
  /** Organisations whose content they may write (editor) or approve (leadership). */
  writable: string[]
  /** Organisations whose content they may approve and publish. */
  approvable: string[]
}

export const ANONYMOUS: Viewer = { id: null, systemAdmin: false, approved: false, reach: [], oversight: [], writable: [], approvable: [] }

/** Names of the fields that carry the rule's inputs in a collection (documents, news, media). */
export type AudienceFields = {
  /** The condition "this record is published" in that collection. */
  published: Where
  publishAt: string
  visibility: string
  issuer: string
  issuerPath: string
}

/** Documents and news: Payload's draft status on the record itself. */
export const CONTENT_FIELDS: AudienceFields = {
  published: { _status: { equals: 'published' } },
  publishAt: 'publishAt',
  visibility: 'visibility',
  issuer: 'issuer',
  issuerPath: 'issuerPath',
}

/** `field` holds no value: absent or null (document databases keep both; SQL has only NULL). */
export const empty = (field: string): Where[] => [{ [field]: { exists: false } }, { [field]: { equals: null } }]

/** Released: no scheduled time, or the time has come. */
function released(fields: AudienceFields, now: Date): Where {
  return { or: [...empty(fields.publishAt), { [fields.publishAt]: { less_than_equal: now.toISOString() } }] }
}

/** Issued inside the subtree of `orgId`: a range of issuer paths when its path is known, else "the path contains /orgId/". */
function issuedWithin(fields: AudienceFields, orgId: string, path: string | undefined): Where {
  if (!path) return { [fields.issuerPath]: { contains: subtreeMarker(orgId) } }
  const { from, to } = subtreeRange(path)
  return { and: [{ [fields.issuerPath]: { greater_than_equal: from } }, { [fields.issuerPath]: { less_than: to } }] }
}

/** The read rule for `viewer` as a Where over `fields`, or true when nothing is hidden from them. */
export function audienceWhere(viewer: Viewer, fields: AudienceFields = CONTENT_FIELDS, now = new Date()): Where | true {
  if (viewer.systemAdmin) return true
  // Published and released, once, around every way of being in the audience: the query (and the SQL
  // built from it) stays small however many ways apply.
  const audience: Where[] = [{ [fields.visibility]: { equals: 'cong-khai' } }]
  if (viewer.approved && viewer.reach.length > 0) audience.push({ [fields.issuer]: { in: viewer.reach } })
  for (const id of viewer.oversight) audience.push(issuedWithin(fields, id, viewer.oversightPaths?.[id]))
  const out: Where = { and: [fields.published, released(fields, now), audience.length === 1 ? audience[0] : { or: audience }] }
  return viewer.writable.length > 0 ? { or: [out, { [fields.issuer]: { in: viewer.writable } }] } : out
}
