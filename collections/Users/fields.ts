import type { Field } from 'payload'
import { ACCOUNT_STATUS_LABELS, ROLE_LABELS } from '../../src/lib/member/roles'
import { canChangeRoles, canReadPhone, onlySystemAdmin, onlyTheirLeaders } from './access/fields'

const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }))

/** Identity fields: a member's own change to one of these waits for the branch secretary (Điều 5.6). */
export const IDENTITY_FIELDS = ['fullName', 'birthDate', 'gender', 'partyJoinDate', 'officialDate', 'cardNumber', 'citizenId'] as const

const dateField = (name: string, label: string): Field => ({
  name,
  label,
  type: 'date',
  admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } },
})

export const profileFields: Field[] = [
  { name: 'fullName', label: 'Họ và tên', type: 'text', required: true, maxLength: 120 },
  {
    type: 'row',
    fields: [
      dateField('birthDate', 'Ngày sinh'),
      { name: 'gender', label: 'Giới tính', type: 'select', options: [{ value: 'nam', label: 'Nam' }, { value: 'nu', label: 'Nữ' }] },
    ],
  },
  { type: 'row', fields: [dateField('partyJoinDate', 'Ngày vào Đảng'), dateField('officialDate', 'Ngày chính thức')] },
  {
    name: 'cardNumber',
    label: 'Số thẻ đảng viên',
    type: 'text',
    maxLength: 30,
    unique: true,
    index: true,
    admin: { description: 'Dùng để đăng nhập cùng mật khẩu.' },
  },
  {
    name: 'branch',
    label: 'Chi bộ',
    type: 'relationship',
    relationTo: 'organizations',
    index: true,
    filterOptions: { kind: { equals: 'chi-bo' } },
  },
  {
    name: 'citizenId',
    label: 'Số định danh cá nhân',
    type: 'text',
    maxLength: 30,
    virtual: true,
    admin: { description: 'Được mã hóa khi lưu; chỉ đảng viên và lãnh đạo chi bộ, cấp ủy cấp trên thấy đầy đủ.' },
  },
  {
    name: 'phone',
    label: 'Số điện thoại',
    type: 'text',
    maxLength: 20,
    access: { read: canReadPhone },
  },
]

export const accountFields: Field[] = [
  { name: 'approval', type: 'ui', admin: { position: 'sidebar', components: { Field: '/collections/Users/components/AccountApproval#AccountApproval' } } },
  {
    name: 'status',
    label: 'Trạng thái tài khoản',
    type: 'select',
    required: true,
    defaultValue: 'cho-duyet',
    index: true,
    options: options(ACCOUNT_STATUS_LABELS),
    access: { create: onlySystemAdmin, update: onlySystemAdmin },
    admin: { position: 'sidebar', description: 'Bí thư, phó bí thư chi bộ duyệt hoặc từ chối qua nút "Duyệt".' },
  },
  {
    name: 'rejectionReason',
    label: 'Lý do từ chối',
    type: 'textarea',
    maxLength: 1000,
    access: { create: onlySystemAdmin, update: onlySystemAdmin },
    admin: { position: 'sidebar', condition: (data) => data?.status === 'tu-choi' },
  },
  {
    name: 'approvedBy',
    label: 'Người duyệt',
    type: 'relationship',
    relationTo: 'users',
    access: { create: () => false, update: () => false },
    admin: { position: 'sidebar', readOnly: true },
  },
  { name: 'approvedAt', label: 'Thời điểm duyệt', type: 'date', access: { create: () => false, update: () => false }, admin: { position: 'sidebar', readOnly: true } },
  {
    name: 'roles',
    label: 'Chức vụ theo tổ chức',
    type: 'array',
    access: { create: canChangeRoles, update: canChangeRoles },
    labels: { singular: 'Chức vụ', plural: 'Chức vụ' },
    fields: [
      { type: 'row', fields: [
        { name: 'role', label: 'Chức vụ', type: 'select', required: true, options: options(ROLE_LABELS) },
        { name: 'organization', label: 'Tại tổ chức', type: 'relationship', relationTo: 'organizations', required: true },
      ] },
    ],
  },
  {
    name: 'systemAdmin',
    label: 'Quản trị hệ thống',
    type: 'checkbox',
    defaultValue: false,
    access: { create: onlySystemAdmin, update: onlySystemAdmin },
    admin: { position: 'sidebar' },
  },
  {
    // A self-registration whose citizen id another account already holds is created all the same (so that
    // neither its answer nor signing in afterwards tells the registrant whether the id was taken), without
    // the id's unique hash; the branch's leaders see this flag and cannot approve the account until the
    // identity is checked and corrected (collections/Users/endpoints/register.ts, approval.ts).
    name: 'identityConflict',
    label: 'Số định danh trùng với một tài khoản khác — cần xác minh trước khi duyệt',
    type: 'checkbox',
    defaultValue: false,
    access: { read: onlyTheirLeaders, create: () => false, update: onlySystemAdmin },
    admin: { position: 'sidebar', readOnly: true, condition: (data) => !!data?.identityConflict },
  },
  {
    name: 'pendingChanges',
    label: 'Thay đổi chờ duyệt',
    type: 'json',
    access: { create: () => false, update: () => false },
    // Shown by the approval sidebar; the raw JSON editor would also load its code from a CDN.
    admin: { hidden: true },
    hooks: {
      // The pending citizen id travels encrypted with its keyed hash; clients only ever see the masked form.
      afterRead: [({ value }) => (value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'citizenIdEncrypted' && k !== 'citizenIdHash')) : value)],
    },
  },
  // Stored copies and secrets, never sent to a client.
  { name: 'orgPath', type: 'text', index: true, hidden: true, access: { create: () => false, update: () => false } },
  { name: 'citizenIdEncrypted', type: 'text', hidden: true, access: { create: () => false, update: () => false } },
  { name: 'citizenIdHash', type: 'text', unique: true, index: true, hidden: true, access: { create: () => false, update: () => false } },
]
