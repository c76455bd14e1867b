/**
 * What every collection gets at the HTTP edge, features' collections included (hence a plugin, listed last):
 * malformed ids refused before any query, GraphQL's time budget enforced between operations and reads
 * (src/server/graphql.ts).
 */
import type { CollectionConfig, Config, Plugin } from 'payload'
import { rejectMalformedId } from '../../collections/hooks/rejectMalformedId'
import { stopPastTimeBudget } from './graphql'

const atTheEdge = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  hooks: {
    ...collection.hooks,
    beforeOperation: [rejectMalformedId, stopPastTimeBudget, ...(collection.hooks?.beforeOperation ?? [])],
    afterRead: [stopPastTimeBudget, ...(collection.hooks?.afterRead ?? [])],
  },
})

export const httpEdge =
  (): Plugin =>
  (config: Config): Config => ({ ...config, collections: (config.collections ?? []).map(atTheEdge) })
