/** Fields every piece of issued content carries: issuer, audience, schedule and the approval workflow. */
import type { Field } from 'payload'
import { canSeeWorkflow } from './access'
import { VISIBILITY } from './audience'
import { viewerOf } from './viewer'

export const REVIEW_STATUS = {
  'soan-thao': 'Đang soạn thảo',
  'cho-duyet': 'Chờ duyệt',
  'tra-lai': 'Trả lại để sửa',
  'da-phat-hanh': 'Đã phát hành',
} as const
export type ReviewStatus = keyof typeof REVIEW_STATUS

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))
const systemOnly = { create: () => false, update: () => false }

/** The issuing organisation and who reads the content once published. */
export function issuerField(label: string, description: string): Field {
  return {
    name: 'issuer',
    label,
    type: 'relationship',
    relationTo: 'organizations',
    required: true,
    index: true,
    // The issuer is shown with its own fields; its place in the tree (parent) stays an id: a list at the
    // default depth would otherwise read every issuer's parent organisation too.
    maxDepth: 1,
    // Editors pick among the organisations they write for (the save checks it again, with a message).
    filterOptions: async ({ req }) => {
      if (!req.user) return true
      const viewer = await viewerOf(req)
      return viewer.systemAdmin ? true : { id: { in: viewer.writable } }
    },
    admin: { description },
  }
}

export const audienceFields: Field[] = [
  {
    name: 'visibility',
    label: 'Phạm vi',
    type: 'select',
    required: true,
    defaultValue: 'dang-vien',
    index: true,
    options: options(VISIBILITY),
    admin: { position: 'sidebar', description: 'Đảng viên thuộc tổ chức ban hành và cấp dưới, hoặc công khai cho mọi người.' },
  },
  {
    name: 'publishAt',
    label: 'Hẹn giờ phát hành',
    type: 'date',
    index: true,
    admin: {
      position: 'sidebar',
      date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' },
      description: 'Để trống để phát hành ngay khi được duyệt; đảng viên chỉ thấy từ thời điểm này.',
    },
  },
]

export const workflowFields: Field[] = [
  {
    name: 'reviewStatus',
    label: 'Trạng thái duyệt',
    type: 'select',
    defaultValue: 'soan-thao',
    index: true,
    options: options(REVIEW_STATUS),
    access: { read: canSeeWorkflow },
    admin: {
      position: 'sidebar',
      description: 'Biên tập viên chọn "Chờ duyệt" khi soạn xong; cấp ủy viên phát hành hoặc trả lại kèm lý do.',
    },
  },
  {
    name: 'reviewNote',
    label: 'Lý do trả lại',
    type: 'textarea',
    maxLength: 1000,
    access: { read: canSeeWorkflow },
    admin: { position: 'sidebar', condition: (data) => data?.reviewStatus === 'tra-lai' },
  },
  {
    name: 'publishedBy',
    label: 'Người phát hành',
    type: 'relationship',
    relationTo: 'users',
    access: { ...systemOnly, read: canSeeWorkflow },
    admin: { position: 'sidebar', readOnly: true },
  },
  {
    name: 'publishedAt',
    label: 'Thời điểm phát hành lần đầu',
    type: 'date',
    index: true,
    access: systemOnly,
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } },
  },
  // A stored copy of the issuer's materialised path (rewritten when the tree moves), for oversight queries.
  { name: 'issuerPath', type: 'text', index: true, hidden: true, access: systemOnly },
]
