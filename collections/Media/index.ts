/**
 * Uploaded files: originals of documents (PDF, DOCX), attachments, cover images of news (with resized
 * copies). A file belongs to the document or news item that first attaches it and is read exactly like
 * that content (collections/Documents/publishing/attachments copies the owner's audience onto the file);
 * until then only the person who uploaded it reads it. The same rule guards the file URLs
 * (/api/media/file/…), resized copies included.
 */
import path from 'node:path'
import type { Access, CollectionAfterErrorHook, CollectionBeforeChangeHook, CollectionBeforeOperationHook, CollectionConfig, Where } from 'payload'
import { dataDir } from '../../src/server/runtime'
import { audienceWhere, empty, VISIBILITY, type AudienceFields } from '../Documents/publishing/audience'
import { canSeeWorkflow } from '../Documents/publishing/access'
import { invalid } from '../Documents/publishing/errors'
import { viewerOf } from '../Documents/publishing/viewer'
import { checkUpload, FILE_TYPES } from './fileTypes'
import { boundText } from '../hooks/boundText'
import { unsafeTextProblem } from '../../src/lib/vi/safeText'

/** Long enough for the longest real names (a whole trích yếu); Payload cuts what it stores to 255 bytes. */
const MAX_FILE_NAME = 200

/** Where the owner's audience is copied on each file. */
export const MEDIA_FIELDS: AudienceFields = {
  published: { ownerStatus: { equals: 'published' } },
  publishAt: 'publishAt',
  visibility: 'visibility',
  issuer: 'issuer',
  issuerPath: 'issuerPath',
}

const unowned: Where = { or: empty('ownerId') }

const canReadMedia: Access = async ({ req }) => {
  const viewer = await viewerOf(req)
  const audience = audienceWhere(viewer, MEDIA_FIELDS)
  if (audience === true || !req.user) return audience
  return { or: [audience, { uploadedBy: { equals: req.user.id } }] }
}

const canCreateMedia: Access = async ({ req }) => {
  const viewer = await viewerOf(req)
  return viewer.systemAdmin || viewer.writable.length > 0
}

/** Metadata (alt text): the uploader while the file is unattached, then the editors of its owner. */
const canUpdateMedia: Access = async ({ req }) => {
  const viewer = await viewerOf(req)
  if (viewer.systemAdmin) return true
  if (!req.user) return false
  const mine: Where = { and: [unowned, { uploadedBy: { equals: req.user.id } }] }
  return viewer.writable.length > 0 ? { or: [mine, { issuer: { in: viewer.writable } }] } : mine
}

/** Attached files go with their owner (deleted with it); unattached ones may be removed by their uploader. */
const canDeleteMedia: Access = async ({ req }) => {
  const viewer = await viewerOf(req)
  if (viewer.systemAdmin) return true
  return req.user ? { and: [unowned, { uploadedBy: { equals: req.user.id } }] } : false
}

/** Recognises the upload by content, before Payload stores anything; a Vietnamese message otherwise. */
const checkIncomingFile: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  const file = req.file
  if ((operation === 'create' || operation === 'update') && file?.data) {
    // A NUL would cut the name short on disk; a right-to-left override disguises "fdp.exe" as "exe.pdf".
    const nameProblem = unsafeTextProblem(file.name, 'Tên tệp') ?? (file.name.length > MAX_FILE_NAME ? `Tên tệp quá dài: tối đa ${MAX_FILE_NAME} ký tự.` : null)
    if (nameProblem) invalid(req, 'media', [{ path: 'file', message: nameProblem }])
    const check = checkUpload({ name: file.name, data: file.data, size: file.size })
    if (!check.ok) invalid(req, 'media', [{ path: 'file', message: check.message }])
  }
  return args
}

/**
 * A multipart body the parser refuses — a NUL or another control character in the file name breaks the
 * part's header — is the sender's fault: a 400 saying what to do, not a 500.
 */
const explainUnreadableUpload: CollectionAfterErrorHook = ({ error }) => {
  if (!/^(Malformed part header|Malformed content-disposition|Unexpected end of form)/.test(error.message ?? '')) return
  return {
    status: 400,
    response: { errors: [{ message: 'Không đọc được tệp tải lên: tên tệp chứa ký tự rỗng (NUL) hoặc ký tự điều khiển, hoặc biểu mẫu bị hỏng. Hãy đổi tên tệp rồi tải lại.' }] },
  }
}

const stampUploader: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  if (operation === 'create' && req.user) data.uploadedBy = req.user.id
  return data
}

const systemOnly = { create: () => false, update: () => false }

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: 'Tệp tin', plural: 'Tệp tin (bản gốc, đính kèm, hình ảnh)' },
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'alt', 'mimeType', 'filesize', 'ownerCollection', 'createdAt'],
    group: 'Nội dung',
    description: 'Bản gốc văn bản (PDF, Word), tệp đính kèm và ảnh đại diện tin bài. Tệp theo quyền xem của văn bản, tin bài chứa nó.',
  },
  access: { read: canReadMedia, create: canCreateMedia, update: canUpdateMedia, delete: canDeleteMedia },
  upload: {
    staticDir: path.join(dataDir(), 'uploads', 'media'),
    mimeTypes: FILE_TYPES.map((t) => t.mime),
    imageSizes: [
      { name: 'thumbnail', width: 400, height: 300, position: 'centre' },
      { name: 'card', width: 1200, height: 630, position: 'centre' },
    ],
    adminThumbnail: 'thumbnail',
    focalPoint: false,
    crop: false,
  },
  hooks: { beforeOperation: [boundText, checkIncomingFile], beforeChange: [stampUploader], afterError: [explainUnreadableUpload] },
  fields: [
    { name: 'alt', label: 'Mô tả', type: 'text', maxLength: 300, admin: { description: 'Chú thích ảnh hoặc tên tài liệu, đọc cho người khiếm thị.' } },
    {
      name: 'uploadedBy',
      label: 'Người tải lên',
      type: 'relationship',
      relationTo: 'users',
      access: { ...systemOnly, read: canSeeWorkflow },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'ownerCollection',
      label: 'Thuộc loại nội dung',
      type: 'select',
      options: [
        { value: 'documents', label: 'Văn bản' },
        { value: 'news', label: 'Tin tức' },
      ],
      access: systemOnly,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'ownerId', label: 'Mã nội dung chứa tệp', type: 'text', index: true, access: systemOnly, admin: { readOnly: true, position: 'sidebar' } },
    {
      name: 'ownerStatus',
      label: 'Trạng thái nội dung chứa tệp',
      type: 'select',
      defaultValue: 'draft',
      index: true,
      options: [
        { value: 'draft', label: 'Chưa phát hành' },
        { value: 'published', label: 'Đã phát hành' },
      ],
      access: systemOnly,
      admin: { readOnly: true, position: 'sidebar' },
    },
    { name: 'issuer', label: 'Cơ quan ban hành', type: 'relationship', relationTo: 'organizations', index: true, access: systemOnly, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'visibility', label: 'Phạm vi', type: 'select', options: Object.entries(VISIBILITY).map(([value, label]) => ({ value, label })), access: systemOnly, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'publishAt', label: 'Hẹn giờ phát hành', type: 'date', access: systemOnly, admin: { readOnly: true, position: 'sidebar' } },
    { name: 'issuerPath', type: 'text', index: true, hidden: true, access: systemOnly },
  ],
}
