import type { CollectionConfig } from 'payload'
import { anyoneCanRead, canManageOrganizations } from './access'
import { maintainPath } from './hooks/maintainPath'
import { preventOrphans } from './hooks/preventOrphans'
import { rebaseSubtree } from './hooks/rebaseSubtree'
import { ORGANIZATION_KINDS } from './kinds'
import { forgetTreeCaches } from './hooks/forgetTreeCaches'
import { forgetContent } from '../hooks/forgetReads'
import { boundText } from '../hooks/boundText'

export const Organizations: CollectionConfig = {
  slug: 'organizations',
  labels: { singular: 'Tổ chức đảng', plural: 'Tổ chức đảng' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'kind', 'code', 'parent'],
    group: 'Tổ chức',
    description: 'Cây tổ chức đảng: Trung ương → tỉnh ủy/thành ủy → đảng ủy xã/phường → chi bộ.',
    listSearchableFields: ['name', 'code'],
  },
  access: {
    read: anyoneCanRead,
    create: canManageOrganizations,
    update: canManageOrganizations,
    delete: canManageOrganizations,
  },
  hooks: {
    beforeOperation: [boundText],
    beforeChange: [maintainPath],
    afterChange: [rebaseSubtree, forgetTreeCaches, forgetContent.afterChange],
    afterDelete: [forgetTreeCaches, forgetContent.afterDelete],
    beforeDelete: [preventOrphans],
  },
  fields: [
    { name: 'name', label: 'Tên tổ chức', type: 'text', required: true, maxLength: 200 },
    {
      name: 'kind',
      label: 'Loại tổ chức',
      type: 'select',
      required: true,
      options: ORGANIZATION_KINDS.map((k) => ({ value: k.value, label: k.label })),
    },
    {
      name: 'code',
      label: 'Mã tổ chức',
      type: 'text',
      unique: true,
      index: true,
      maxLength: 50,
      admin: { description: 'Mã duy nhất, ví dụ HP, HP.BD, HP.BD.CB01.' },
    },
    {
      name: 'parent',
      label: 'Tổ chức cấp trên',
      type: 'relationship',
      relationTo: 'organizations',
      index: true,
      filterOptions: { kind: { not_equals: 'chi-bo' } },
    },
    {
      name: 'path',
      label: 'Đường dẫn trong cây',
      type: 'text',
      index: true,
      admin: { readOnly: true, position: 'sidebar', description: 'Mã số các tổ chức từ gốc đến tổ chức này (tự động).' },
    },
    { name: 'depth', label: 'Cấp trong cây', type: 'number', admin: { readOnly: true, position: 'sidebar' } },
  ],
}
