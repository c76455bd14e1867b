/** The pipeline's sidebar on documents and news: status, summary and the editors' actions (see components/PipelinePanel). */
import type { Field } from 'payload'

export const pipelinePanelField: Field = {
  name: 'pipeline',
  label: 'Xử lý tự động',
  type: 'ui',
  admin: {
    position: 'sidebar',
    // Only once the record exists: a new, unsaved document has nothing processed yet.
    condition: (data) => Boolean(data?.id),
    components: { Field: '/collections/DocumentOutputs/components/PipelinePanel#PipelinePanel' },
  },
}
