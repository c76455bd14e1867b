import type { CollectionConfig } from 'payload'
import { centralEditorsAndAdmins, editorsAndAdmins, explainCentralOnly } from './access'
import { checkEntry } from './hooks/checkEntry'
import { boundText } from '../hooks/boundText'

/**
 * "Từ điển phát âm": how the voice reads abbreviations and foreign words that the built-in dictionary
 * (src/lib/vi/speech/dictionary.ts) lacks or reads differently. Entries here win over the built-in ones;
 * the speech worker reads them for every document, and documents already read aloud that use a changed
 * term are read again.
 */
export const Pronunciations: CollectionConfig = {
  slug: 'pronunciations',
  labels: { singular: 'Cách đọc', plural: 'Từ điển phát âm' },
  admin: {
    useAsTitle: 'term',
    defaultColumns: ['term', 'reading', 'note', 'updatedAt'],
    group: 'Nội dung',
    description:
      'Cách máy đọc chữ viết tắt và từ nước ngoài trong văn bản (ví dụ "XKLĐ" → "xuất khẩu lao động"). Viết cách đọc bằng âm tiết tiếng Việt; mục ở đây được ưu tiên hơn từ điển có sẵn. Các văn bản đã có bản đọc dùng từ này sẽ được đọc lại.',
    listSearchableFields: ['term', 'reading'],
  },
  access: {
    read: editorsAndAdmins,
    create: centralEditorsAndAdmins,
    update: centralEditorsAndAdmins,
    delete: centralEditorsAndAdmins,
  },
  hooks: {
    beforeOperation: [explainCentralOnly, boundText],
    beforeValidate: [checkEntry],
  },
  fields: [
    { name: 'term', label: 'Từ cần đọc', type: 'text', required: true, unique: true, index: true, maxLength: 30, admin: { description: 'Viết đúng như trong văn bản, ví dụ "XKLĐ". Từ có chữ hoa chỉ khớp đúng chữ hoa; từ viết thường khớp mọi kiểu chữ.' } },
    { name: 'reading', label: 'Cách đọc', type: 'text', required: true, maxLength: 200, admin: { description: 'Bằng âm tiết tiếng Việt, không có chữ số, ví dụ "xuất khẩu lao động".' } },
    { name: 'note', label: 'Ghi chú', type: 'textarea', maxLength: 500 },
  ],
}
