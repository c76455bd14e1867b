import type { Access, CollectionConfig } from 'payload'
import { isSystemAdmin, leadershipOrgIds, type Account } from '../../src/lib/member/roles'
import { subtreeMarker } from '../../src/lib/org-tree/path'
import { capListSize } from '../hooks/capListSize'

export const AUDIT_ACTIONS = {
  'xem-ho-so': 'Xem thông tin cá nhân',
  'tao-tai-khoan': 'Tạo tài khoản',
  'cap-nhat-ho-so': 'Cập nhật hồ sơ',
  'gui-thay-doi': 'Gửi thay đổi thông tin định danh',
  'duyet-tai-khoan': 'Duyệt tài khoản',
  'tu-choi-tai-khoan': 'Từ chối tài khoản',
  'duyet-thay-doi': 'Duyệt thay đổi thông tin',
  'tu-choi-thay-doi': 'Từ chối thay đổi thông tin',
  'nhap-danh-sach': 'Nhập danh sách đảng viên',
  'xoa-tai-khoan': 'Xóa tài khoản',
} as const
export type AuditAction = keyof typeof AUDIT_ACTIONS

/** System administrators read the whole log; leaders read entries about members of the subtree they lead. */
const canReadAudit: Access = ({ req: { user } }) => {
  const me = user as Account | null
  if (isSystemAdmin(me)) return true
  const led = leadershipOrgIds(me)
  if (led.length === 0) return false
  return { or: led.map((id) => ({ orgPath: { contains: subtreeMarker(id) } })) }
}
const nobody: Access = () => false

/** An append-only record of who viewed or changed a profile and who approved an account. */
export const AuditLogs: CollectionConfig = {
  slug: 'audit-logs',
  labels: { singular: 'Nhật ký truy cập', plural: 'Nhật ký truy cập' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'action', 'actor', 'subject', 'summary'],
    group: 'Hệ thống',
    description: 'Ai đã xem, thay đổi hồ sơ đảng viên và duyệt tài khoản. Không thể sửa hoặc xóa.',
  },
  access: { read: canReadAudit, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  hooks: { beforeOperation: [capListSize] },
  fields: [
    { name: 'action', label: 'Hành động', type: 'select', required: true, index: true, options: Object.entries(AUDIT_ACTIONS).map(([value, label]) => ({ value, label })) },
    { name: 'actor', label: 'Người thực hiện', type: 'relationship', relationTo: 'users', index: true },
    { name: 'subject', label: 'Hồ sơ', type: 'relationship', relationTo: 'users', index: true },
    { name: 'subjects', label: 'Các hồ sơ được xem', type: 'json' },
    { name: 'summary', label: 'Nội dung', type: 'text' },
    { name: 'details', label: 'Chi tiết', type: 'json' },
    { name: 'ip', label: 'Địa chỉ IP', type: 'text' },
    { name: 'orgPath', type: 'text', index: true, hidden: true },
  ],
}
