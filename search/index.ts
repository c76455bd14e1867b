/**
 * Search engines behind one contract (types.ts). `createSearchEngine(env)` picks Meilisearch when
 * MEILI_HOST is set (with MEILI_API_KEY, MEILI_INDEX), otherwise the embedded SQLite FTS5 engine in
 * SEARCH_DB_PATH (default ./data/search.db) — which needs no set-up at all.
 */
import { EmbeddedSearchEngine } from './embedded'
import { MeiliSearchEngine } from './meilisearch'
import type { SearchEngine } from './types'
import { searchSettings } from '../src/server/config'

export * from './types'
export { EmbeddedSearchEngine } from './embedded'
export { MeiliSearchEngine } from './meilisearch'

export const DEFAULT_SEARCH_DB = './data/search.db'

export type SearchEnv = Readonly<Record<string, string | undefined>>

export async function createSearchEngine(env: SearchEnv = searchSettings()): Promise<SearchEngine> {
  const host = env.MEILI_HOST?.trim()
  if (host) return MeiliSearchEngine.open({ host, apiKey: env.MEILI_API_KEY || undefined, index: env.MEILI_INDEX || undefined })
  return EmbeddedSearchEngine.open({ path: env.SEARCH_DB_PATH?.trim() || DEFAULT_SEARCH_DB })
}
