/**
 * The document pipeline as a Payload plugin: extraction, summary and speech of documents and news
 * (workers/process-document and its tasks), with what it hangs on the content collections — the queueing
 * hooks, the member-facing endpoints (/reading, /audio/*.mp3) and the editors' (/reprocess, /summary), the
 * "Xử lý tự động" panel at the top of their sidebar — its own collection of outputs, and re-reading the
 * documents a changed pronunciation entry touches. The collections themselves know nothing of it.
 */
import type { CollectionConfig, Config, Field, Plugin } from 'payload'
import { DocumentOutputs } from '.'
import { pipelineEndpoints } from './endpoints'
import { pipelinePanelField } from './field'
import { queuePipeline, removeOutputs } from './hooks'
import { revoiceAfterChange, revoiceAfterDelete } from './revoice'
import { SOURCES, type SourceCollection } from '../../workers/pipeline'

/** The panel first among the sidebar fields, where an editor sees it without scrolling. */
function withPanel(fields: Field[]): Field[] {
  const firstSidebar = fields.findIndex((f) => 'admin' in f && f.admin?.position === 'sidebar')
  const at = firstSidebar === -1 ? fields.length : firstSidebar
  return [...fields.slice(0, at), pipelinePanelField, ...fields.slice(at)]
}

function processedSource(collection: CollectionConfig, source: SourceCollection): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    fields: withPanel(collection.fields),
    endpoints: [...(collection.endpoints || []), ...pipelineEndpoints(source)],
    hooks: {
      ...hooks,
      afterChange: [...(hooks.afterChange ?? []), queuePipeline(source)],
      afterDelete: [...(hooks.afterDelete ?? []), removeOutputs(source)],
    },
  }
}

function revoicing(collection: CollectionConfig): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), revoiceAfterChange], afterDelete: [...(hooks.afterDelete ?? []), revoiceAfterDelete] },
  }
}

export const documentPipeline =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: [
      ...(config.collections ?? []).map((collection) => {
        const source = SOURCES.find((s) => s === collection.slug)
        if (source) return processedSource(collection, source)
        if (collection.slug === 'pronunciations') return revoicing(collection)
        return collection
      }),
      DocumentOutputs,
    ],
  })
