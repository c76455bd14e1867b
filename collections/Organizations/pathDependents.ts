import type { CollectionSlug } from 'payload'

/**
 * Every table that copies an organisation's materialised path, so that moving a subtree rewrites
 * them all in the same transaction. A collection that scopes its records by the tree adds itself here.
 * `column` is the SQL column name (Payload's snake_case of the field name); `depth` marks the field
 * holding the node depth, which moves with the path.
 */
export type PathDependent = { collection: CollectionSlug; field: string; column: string; depth?: { field: string; column: string } }

/** The organisations themselves: the tree's own paths, the source every copy follows. */
export const TREE_PATHS: PathDependent = { collection: 'organizations', field: 'path', column: 'path', depth: { field: 'depth', column: 'depth' } }

export const PATH_DEPENDENTS: PathDependent[] = [
  TREE_PATHS,
  { collection: 'users', field: 'orgPath', column: 'org_path' },
  { collection: 'documents', field: 'issuerPath', column: 'issuer_path' },
  { collection: 'news', field: 'issuerPath', column: 'issuer_path' },
  { collection: 'media', field: 'issuerPath', column: 'issuer_path' },
  { collection: 'forwards', field: 'organizationPath', column: 'organization_path' },
  { collection: 'publishing-settings', field: 'organizationPath', column: 'organization_path' },
]
