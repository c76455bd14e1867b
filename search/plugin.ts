/**
 * Search as a Payload plugin: it keeps the index in step with documents and news (saved, released, moved
 * with their issuer's subtree, deleted), keeps its copy of the organisation tree fresh, and serves
 * GET /api/search. The collections themselves know nothing of it. (The index is opened, checked and rebuilt
 * when the server starts: src/server/search.ts.)
 */
import type { CollectionAfterChangeHook, CollectionConfig, Config, Plugin } from 'payload'
import { searchEndpoint } from './endpoint'
import { syncSearchAfterChange, syncSearchAfterDelete, syncSearchAfterMove } from './hooks'
import { forgetOrganizations } from './organizations'
import { SEARCH_COLLECTIONS } from './content'
import { afterTransaction } from '../src/server/transactions'
import { onSiblingMessage } from '../src/server/siblings'

/** The search endpoint's copy of the tree goes now and once the request's transaction is over. */
const forgetTree: CollectionAfterChangeHook = ({ doc, req }) => {
  const forget = () => forgetOrganizations()
  forget()
  void afterTransaction(req.payload, req).then(forget, forget)
  return doc
}

function withHooks(collection: CollectionConfig, afterChange: CollectionAfterChangeHook[], afterDelete: NonNullable<CollectionConfig['hooks']>['afterDelete'] = []): CollectionConfig {
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), ...afterChange], afterDelete: [...(hooks.afterDelete ?? []), ...afterDelete] },
  }
}

export const searchPlugin =
  (): Plugin =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      const indexed = SEARCH_COLLECTIONS.find((c) => c === collection.slug)
      if (indexed) return withHooks(collection, [syncSearchAfterChange(indexed)], [syncSearchAfterDelete(indexed)])
      if (collection.slug === 'organizations') return withHooks(collection, [syncSearchAfterMove, forgetTree], [forgetTree as never])
      return collection
    }),
    endpoints: [...(config.endpoints ?? []), searchEndpoint],
    onInit: async (payload) => {
      await config.onInit?.(payload)
      // Another web process changed the tree (src/server/siblings.ts).
      onSiblingMessage('tree-changed', () => forgetOrganizations())
    },
  })
