/**
 * How each organisation publishes: by default an editor's draft waits for a committee member's
 * approval; an organisation may let its editors publish directly (a staff organ's news desk, say).
 * Set by the leadership of the organisation or of an organisation above it.
 */
import type { Access, CollectionBeforeChangeHook, CollectionConfig } from 'payload'
import { isSystemAdmin, leadershipOrgIds, leadsPath, refId, type Account } from '../../src/lib/member/roles'
import { subtreeMarker } from '../../src/lib/org-tree/path'
import { forbidden, invalid } from './publishing/errors'
import { organization } from './publishing/workflow'

const canRead: Access = ({ req: { user } }) => !!user

const canManage: Access = ({ req: { user } }) => {
  const me = user as Account | null
  if (isSystemAdmin(me)) return true
  const led = leadershipOrgIds(me)
  return led.length > 0 ? { or: led.map((id) => ({ organizationPath: { contains: subtreeMarker(id) } })) } : false
}

const canCreate: Access = ({ req: { user } }) => isSystemAdmin(user as Account) || leadershipOrgIds(user as Account).length > 0

const checkSetting: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const orgId = refId(data.organization ?? originalDoc?.organization)
  const org = orgId ? await organization(req, orgId) : null
  if (!org) return invalid(req, 'publishing-settings', [{ path: 'organization', message: 'Vui lòng chọn tổ chức.' }])
  const me = req.user as Account | null
  if (me && !isSystemAdmin(me) && !leadsPath(me, org.path)) forbidden(`Chỉ cấp ủy của ${org.name} hoặc cấp trên mới được đổi cách phát hành của tổ chức này.`)
  const other = await req.payload.db.findOne<{ id: string | number }>({ collection: 'publishing-settings', where: { organization: { equals: orgId } }, req })
  if (other && String(other.id) !== String(originalDoc?.id ?? ''))
    invalid(req, 'publishing-settings', [{ path: 'organization', message: `${org.name} đã có thiết lập phát hành; hãy sửa thiết lập đó.` }])
  data.organizationPath = org.path
  return data
}

export const PublishingSettings: CollectionConfig = {
  slug: 'publishing-settings',
  labels: { singular: 'Thiết lập phát hành', plural: 'Thiết lập phát hành' },
  admin: {
    useAsTitle: 'organization',
    defaultColumns: ['organization', 'editorsPublishDirectly', 'updatedAt'],
    group: 'Nội dung',
    description: 'Mặc định, bản nháp của biên tập viên phải được cấp ủy viên duyệt trước khi phát hành.',
  },
  access: { read: canRead, create: canCreate, update: canManage, delete: canManage },
  hooks: { beforeChange: [checkSetting] },
  fields: [
    { name: 'organization', label: 'Tổ chức', type: 'relationship', relationTo: 'organizations', required: true, unique: true, index: true },
    {
      name: 'editorsPublishDirectly',
      label: 'Biên tập viên được phát hành trực tiếp',
      type: 'checkbox',
      defaultValue: false,
      admin: { description: 'Bỏ qua bước cấp ủy viên duyệt đối với văn bản, tin bài của tổ chức này.' },
    },
    { name: 'organizationPath', type: 'text', index: true, hidden: true, access: { create: () => false, update: () => false } },
  ],
}
