/**
 * Kết quả xử lý: one record per document or news item with what the pipeline (workers/process-document)
 * made of it — structured text, summary, audio with its timing map, metadata read from the header — and
 * its status for editors (chờ xử lý, đang xử lý, hoàn tất, lỗi + reason). Written only by the system;
 * read by whoever may read the source (the member site reads it through /api/{documents,news}/:id/reading).
 */
import type { CollectionConfig } from 'payload'
import { canReadOutputs, nobody } from './access'

const readOnly = { readOnly: true }

export const DocumentOutputs: CollectionConfig = {
  slug: 'document-outputs',
  labels: { singular: 'Kết quả xử lý', plural: 'Kết quả xử lý' },
  admin: {
    useAsTitle: 'key',
    defaultColumns: ['key', 'status', 'stage', 'error', 'processedAt', 'updatedAt'],
    group: 'Nội dung',
    description: 'Kết quả xử lý tự động của văn bản, tin tức: văn bản có cấu trúc, tóm tắt, bản đọc. Biên tập viên xem trạng thái, sửa hoặc ghim tóm tắt và bấm "Xử lý lại" ở khung "Xử lý tự động" trên trang của từng văn bản, tin tức.',
  },
  access: { read: canReadOutputs, create: nobody, update: nobody, delete: nobody },
  timestamps: true,
  fields: [
    {
      name: 'source',
      label: 'Loại nội dung',
      type: 'select',
      required: true,
      index: true,
      options: [
        { value: 'documents', label: 'Văn bản' },
        { value: 'news', label: 'Tin tức' },
      ],
      admin: readOnly,
    },
    { name: 'sourceId', label: 'Mã nội dung', type: 'text', required: true, index: true, admin: readOnly },
    { name: 'key', label: 'Khóa', type: 'text', required: true, unique: true, index: true, admin: readOnly },
    {
      name: 'status',
      label: 'Trạng thái',
      type: 'select',
      required: true,
      defaultValue: 'cho-xu-ly',
      index: true,
      options: [
        { value: 'cho-xu-ly', label: 'Chờ xử lý' },
        { value: 'dang-xu-ly', label: 'Đang xử lý' },
        { value: 'hoan-tat', label: 'Hoàn tất' },
        { value: 'loi', label: 'Lỗi' },
      ],
      admin: readOnly,
    },
    { name: 'stage', label: 'Bước', type: 'text', admin: readOnly },
    { name: 'error', label: 'Lý do lỗi', type: 'textarea', admin: readOnly },
    { name: 'inputHash', label: 'Mã băm đầu vào', type: 'text', admin: readOnly },
    { name: 'hashes', label: 'Mã băm từng bước', type: 'json', admin: readOnly },
    { name: 'structure', label: 'Văn bản có cấu trúc', type: 'json', admin: readOnly },
    { name: 'reading', label: 'Cấu trúc để đọc', type: 'json', admin: readOnly },
    { name: 'plainText', label: 'Văn bản thuần', type: 'textarea', admin: readOnly },
    { name: 'summary', label: 'Tóm tắt', type: 'json', admin: readOnly },
    {
      name: 'summaryEdited',
      label: 'Giữ nguyên tóm tắt khi xử lý lại',
      type: 'checkbox',
      defaultValue: false,
      admin: { ...readOnly, description: 'Tóm tắt đã được biên tập hoặc ghim: lần xử lý sau không thay.' },
    },
    { name: 'audio', label: 'Bản đọc', type: 'json', admin: readOnly },
    { name: 'proposedMetadata', label: 'Thông tin đề xuất từ phần đầu văn bản', type: 'json', admin: { ...readOnly, description: 'Số hiệu, ngày ban hành, người ký đọc được từ văn bản, cho những trường biên tập viên để trống.' } },
    { name: 'processedAt', label: 'Xử lý xong lúc', type: 'date', admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime', displayFormat: 'dd/MM/yyyy HH:mm' } } },
  ],
}
