import type { Access, CollectionConfig } from 'payload'

const nobody: Access = () => false

/**
 * Leases held by background workers: one row per locked key (e.g. "document:42"), unique, with an expiry
 * that the holder renews while it works. Insert-or-fail on the unique key is the atomic claim the SQL job
 * queue lacks; an expired lease (its worker died) can be taken over. Not visible to anyone over the API.
 */
export const WorkerLocks: CollectionConfig = {
  slug: 'worker-locks',
  labels: { singular: 'Khóa xử lý nền', plural: 'Khóa xử lý nền' },
  admin: { hidden: true },
  access: { read: nobody, create: nobody, update: nobody, delete: nobody },
  fields: [
    { name: 'key', label: 'Khóa', type: 'text', required: true, unique: true, index: true },
    { name: 'owner', label: 'Tiến trình giữ khóa', type: 'text', required: true },
    { name: 'expiresAt', label: 'Hết hạn lúc', type: 'date', required: true, index: true },
  ],
}
