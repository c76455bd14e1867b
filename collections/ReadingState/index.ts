/**
 * Trạng thái đọc: per member and per document (or news item) — saved ("Lưu"), when it was first opened
 * (what is still "chưa đọc"), and where they stopped listening, so that listening resumes on another
 * device. Private: each account reads and writes only its own rows.
 */
import type { CollectionConfig } from 'payload'
import { ownRows, signedIn } from './access'
import { ownAndKey } from './hooks'

export const ReadingState: CollectionConfig = {
  slug: 'reading-state',
  labels: { singular: 'Trạng thái đọc', plural: 'Trạng thái đọc' },
  admin: { hidden: true },
  access: { read: ownRows, create: signedIn, update: ownRows, delete: ownRows },
  hooks: { beforeChange: [ownAndKey] },
  fields: [
    { name: 'user', label: 'Tài khoản', type: 'relationship', relationTo: 'users', required: true, index: true },
    { name: 'document', label: 'Văn bản', type: 'relationship', relationTo: 'documents', index: true },
    { name: 'news', label: 'Tin tức', type: 'relationship', relationTo: 'news', index: true },
    { name: 'key', type: 'text', unique: true, index: true, hidden: true },
    { name: 'saved', label: 'Đã lưu', type: 'checkbox', defaultValue: false, index: true },
    { name: 'savedAt', label: 'Lưu lúc', type: 'date' },
    { name: 'openedAt', label: 'Mở lần đầu lúc', type: 'date' },
    { name: 'track', label: 'Bản nghe', type: 'select', options: [{ value: 'full', label: 'Toàn văn' }, { value: 'summary', label: 'Tóm tắt' }] },
    { name: 'positionMs', label: 'Vị trí nghe (ms)', type: 'number', min: 0 },
    { name: 'sentenceId', label: 'Câu đang nghe', type: 'text', maxLength: 200 },
    { name: 'listenedAt', label: 'Nghe lúc', type: 'date', index: true },
  ],
}
