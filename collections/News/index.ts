/**
 * Tin tức: news of a committee (cover image, body, attachments, related documents), under the same
 * publishing rights and audience rules as documents (collections/Documents/publishing).
 */
import type { CollectionAfterReadHook, CollectionBeforeValidateHook, CollectionConfig } from 'payload'
import { refId } from '../../src/lib/member/roles'
import { readableIds } from '../Documents/relations'
import { issuedContentAccess } from '../Documents/publishing/access'
import { checkAttachments, deleteAttachments, syncAttachments, type AttachmentField } from '../Documents/publishing/attachments'
import { invalid } from '../Documents/publishing/errors'
import { audienceFields, issuerField, workflowFields } from '../Documents/publishing/fields'
import { isDraftSave, issuedContentWorkflow, rememberDraftSave } from '../Documents/publishing/workflow'
import { hasText } from '../Documents/validate'
import { mimeTypesOf } from '../Media/fileTypes'
import { capListSize } from '../hooks/capListSize'
import { boundText } from '../hooks/boundText'
import { forgetContent } from '../hooks/forgetReads'

const NEWS_FILES: AttachmentField[] = [
  { name: 'cover', label: 'Ảnh đại diện', kinds: ['hinh-anh'] },
  { name: 'attachments', label: 'Tệp đính kèm', kinds: ['tai-lieu', 'hinh-anh'], hasMany: true },
]

/** Published news needs a body. */
const validateNews: CollectionBeforeValidateHook = ({ data, originalDoc, req }) => {
  if (!data) return data
  const publishing = data._status === 'published' || (originalDoc?._status === 'published' && !isDraftSave(req, 'news'))
  if (publishing && !hasText(data.body ?? originalDoc?.body)) invalid(req, 'news', [{ path: 'body', message: 'Tin cần có nội dung trước khi phát hành.' }])
  return data
}

/** Related documents the reader may not read are dropped. */
const readerView: CollectionAfterReadHook = async ({ doc, req, overrideAccess }) => {
  if (overrideAccess || !Array.isArray(doc.relatedDocuments) || doc.relatedDocuments.length === 0) return doc
  const unresolved = doc.relatedDocuments.filter((d: unknown) => typeof d !== 'object' || d === null).map((d: unknown) => String(refId(d as never)))
  const readable = await readableIds(req, unresolved)
  doc.relatedDocuments = doc.relatedDocuments.filter((d: unknown) => (typeof d === 'object' && d !== null) || readable.has(String(refId(d as never))))
  return doc
}

export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: 'Tin tức', plural: 'Tin tức' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'issuer', 'publishedAt', '_status'],
    group: 'Nội dung',
    listSearchableFields: ['title', 'summary'],
    description: 'Tin hoạt động của cấp ủy. Biên tập viên viết, cấp ủy viên duyệt và phát hành.',
  },
  defaultSort: '-publishedAt',
  versions: { drafts: { validate: false }, maxPerDoc: 50 },
  access: issuedContentAccess,
  hooks: {
    beforeOperation: [capListSize, boundText, rememberDraftSave],
    beforeValidate: [issuedContentWorkflow({ one: 'tin' }), validateNews],
    beforeChange: [checkAttachments(NEWS_FILES)],
    afterChange: [syncAttachments(NEWS_FILES), forgetContent.afterChange],
    afterRead: [readerView],
    afterDelete: [deleteAttachments, forgetContent.afterDelete],
  },
  fields: [
    { name: 'title', label: 'Tiêu đề', type: 'text', required: true, maxLength: 300 },
    { name: 'summary', label: 'Tóm tắt', type: 'textarea', maxLength: 1000 },
    issuerField('Cấp ủy đăng tin', 'Tin thuộc về tổ chức này; biên tập viên chỉ chọn được tổ chức mình được phân công.'),
    {
      name: 'cover',
      label: 'Ảnh đại diện',
      type: 'upload',
      relationTo: 'media',
      filterOptions: { mimeType: { in: mimeTypesOf('hinh-anh') } },
      admin: { description: 'JPEG, PNG hoặc WebP, tối đa 5 MB.' },
    },
    { name: 'body', label: 'Nội dung', type: 'richText' },
    { name: 'attachments', label: 'Tệp đính kèm', type: 'upload', relationTo: 'media', hasMany: true },
    { name: 'relatedDocuments', label: 'Văn bản liên quan', type: 'relationship', relationTo: 'documents', hasMany: true },
    { name: 'source', label: 'Nguồn', type: 'text', maxLength: 300, admin: { description: 'Tên báo, trang tin hoặc đơn vị cung cấp.' } },
    ...audienceFields,
    ...workflowFields,
  ],
}
