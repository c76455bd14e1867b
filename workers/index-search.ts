/**
 * Jobs task `index-search`: brings one document or news item of the search index in line with the
 * database (indexed when published and released, removed otherwise). The document pipeline runs it as
 * the last step of `process-document`; the collections' hooks sync directly and fall back to it.
 */
import type { TaskConfig } from 'payload'
import type { SearchCollection } from '../search/content'
import { syncSearch } from '../search/sync'

export const indexSearchTask: TaskConfig<'index-search'> = {
  slug: 'index-search',
  label: 'Cập nhật chỉ mục tìm kiếm',
  inputSchema: [
    {
      name: 'collection',
      type: 'select',
      required: true,
      options: [
        { value: 'documents', label: 'Văn bản' },
        { value: 'news', label: 'Tin tức' },
      ],
    },
    { name: 'id', type: 'text', required: true },
  ],
  retries: 3,
  handler: async ({ input, req }) => {
    const { collection, id } = input as { collection: SearchCollection; id: string }
    await syncSearch(req.payload, collection, String(id))
    return { output: {} }
  },
}
