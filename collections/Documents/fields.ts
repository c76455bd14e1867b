import type { Field } from 'payload'
import { DOCUMENT_TYPES } from '../../src/lib/document/number'
import { mimeTypesOf } from '../Media/fileTypes'
import type { AttachmentField } from './publishing/attachments'
import { audienceFields, issuerField, workflowFields } from './publishing/fields'
import { EFFECT_STATUS, ENDS_FORCE, RELATION_TYPES } from './relations'

const options = (labels: Record<string, string | { label: string }>) =>
  Object.entries(labels).map(([value, l]) => ({ value, label: typeof l === 'string' ? l : l.label }))
const systemOnly = { create: () => false, update: () => false }
const day = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'dd/MM/yyyy' } }

/** The upload fields of a document and the files each takes. */
export const DOCUMENT_FILES: AttachmentField[] = [
  { name: 'originalFile', label: 'Tệp bản gốc', kinds: ['tai-lieu'] },
  { name: 'attachments', label: 'Tệp đính kèm', kinds: ['tai-lieu', 'hinh-anh'], hasMany: true },
]

/** Parts read from the số hiệu, for sorting and search (filled on save). */
const numberParts: Field = {
  type: 'collapsible',
  label: 'Thành phần số hiệu',
  admin: { initCollapsed: true, position: 'sidebar' },
  fields: [
    { name: 'numberSeq', label: 'Số thứ tự', type: 'text', access: systemOnly, admin: { readOnly: true } },
    { name: 'typeCode', label: 'Mã loại văn bản', type: 'text', index: true, access: systemOnly, admin: { readOnly: true } },
    { name: 'issuerCode', label: 'Mã cơ quan ban hành', type: 'text', index: true, access: systemOnly, admin: { readOnly: true } },
    { name: 'numberYear', label: 'Năm trong số hiệu', type: 'number', access: systemOnly, admin: { readOnly: true } },
  ],
}

const metadata: Field[] = [
  {
    type: 'row',
    fields: [
      { name: 'documentType', label: 'Loại văn bản', type: 'select', required: true, index: true, options: DOCUMENT_TYPES.map((t) => ({ value: t.value, label: t.label })) },
      {
        name: 'number',
        label: 'Số hiệu',
        type: 'text',
        index: true,
        maxLength: 60,
        admin: { description: 'Ví dụ 339-QĐ/TW, 23-KH/ĐU hoặc 100/2019/NĐ-CP. Không bắt buộc với tài liệu tham khảo.' },
      },
    ],
  },
  { name: 'title', label: 'Trích yếu', type: 'textarea', required: true, maxLength: 1000 },
  issuerField('Cơ quan ban hành', 'Tổ chức đảng ban hành văn bản; biên tập viên chỉ chọn được tổ chức mình được phân công.'),
  { type: 'row', fields: [
    { name: 'issuedDate', label: 'Ngày ban hành', type: 'date', required: true, index: true, admin: day },
    { name: 'effectiveDate', label: 'Ngày hiệu lực', type: 'date', admin: { ...day, description: 'Để trống nếu có hiệu lực từ ngày ban hành.' } },
  ] },
  { type: 'row', fields: [
    { name: 'signer', label: 'Người ký', type: 'text', maxLength: 120 },
    { name: 'signerPosition', label: 'Chức vụ người ký', type: 'text', maxLength: 200 },
    { name: 'signingCapacity', label: 'Thẩm quyền ký', type: 'text', maxLength: 120, admin: { description: 'Ví dụ T/M Ban Bí thư, K/T Bí thư.' } },
  ] },
  {
    name: 'effectStatus',
    label: 'Tình trạng hiệu lực',
    type: 'select',
    index: true,
    options: options(EFFECT_STATUS),
    admin: { description: 'Tự chuyển sang "Hết hiệu lực" khi một văn bản thay thế hoặc bãi bỏ văn bản này được phát hành.' },
  },
]

const body: Field[] = [
  { name: 'content', label: 'Nội dung', type: 'richText' },
  {
    name: 'originalFile',
    label: 'Tệp bản gốc',
    type: 'upload',
    relationTo: 'media',
    filterOptions: { mimeType: { in: mimeTypesOf('tai-lieu') } },
    admin: { description: 'PDF hoặc Word (DOCX), tối đa 15 MB.' },
  },
  {
    name: 'attachments',
    label: 'Tệp đính kèm',
    type: 'upload',
    relationTo: 'media',
    hasMany: true,
    admin: { description: 'Phụ lục, biểu mẫu: PDF, Word hoặc hình ảnh.' },
  },
]

const links: Field[] = [
  {
    name: 'relations',
    label: 'Liên kết với văn bản khác',
    type: 'array',
    labels: { singular: 'Liên kết', plural: 'Liên kết' },
    fields: [
      { type: 'row', fields: [
        { name: 'type', label: 'Quan hệ', type: 'select', required: true, options: options(RELATION_TYPES) },
        { name: 'target', label: 'Văn bản', type: 'relationship', relationTo: 'documents', required: true, filterOptions: ({ id }) => (id ? { id: { not_equals: id } } : true) },
      ] },
      {
        name: 'partial',
        label: 'Chỉ một phần',
        type: 'checkbox',
        admin: { condition: (_data, sibling) => ENDS_FORCE.includes(sibling?.type), description: 'Văn bản kia chỉ hết hiệu lực một phần.' },
      },
      { name: 'note', label: 'Ghi chú (điều, khoản liên quan)', type: 'text', maxLength: 300 },
    ],
  },
  {
    name: 'incomingRelations',
    label: 'Văn bản khác liên kết đến văn bản này',
    type: 'json',
    virtual: true,
    admin: { readOnly: true, description: 'Ví dụ: bị thay thế bởi, được hướng dẫn thi hành bởi (chỉ gồm văn bản bạn được xem).' },
  },
  {
    name: 'forwards',
    label: 'Chuyển tiếp đến tổ chức của bạn',
    type: 'json',
    virtual: true,
    admin: { readOnly: true },
  },
]

export const documentFields: Field[] = [
  {
    type: 'tabs',
    tabs: [
      { label: 'Thông tin văn bản', fields: metadata },
      { label: 'Nội dung và tệp', fields: body },
      { label: 'Văn bản liên quan', fields: links },
    ],
  },
  ...audienceFields,
  ...workflowFields,
  numberParts,
  // Stored keys: the số hiệu's uniqueness per issuer and year, and whether the platform set the status.
  { name: 'numberKey', type: 'text', unique: true, index: true, hidden: true, access: systemOnly },
  { name: 'statusBySystem', type: 'checkbox', hidden: true, access: systemOnly },
]
