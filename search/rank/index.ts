/**
 * The ranking extension of the embedded engine (sotay_rank.c): FTS5's bm25 given the phrases' row counts,
 * which the engine keeps per index version instead of letting every search walk each phrase's postings.
 *
 * Built by `npm install` (postinstall: ./build.mjs) where a C compiler and SQLite's headers exist (Debian:
 * gcc, libsqlite3-dev). Without it, or with SEARCH_RANK_EXTENSION=off, the engine ranks with FTS5's own
 * bm25(): the same order, more work per search.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import Database from 'libsql'
import { env, parseSetting } from '../../src/server/config'

/** The built extension, found from the project root (the Next bundle has no file of its own for it). */
export const RANK_EXTENSION = path.resolve(process.cwd(), 'search', 'rank', 'build', 'sotay_rank.so')

export function rankExtensionWanted(value?: string): boolean {
  return value === undefined ? env('SEARCH_RANK_EXTENSION') : parseSetting('SEARCH_RANK_EXTENSION', value)
}

export type ReadConnection = InstanceType<typeof Database>

/**
 * A read connection to the index `file` with sotay_bm25 loaded, or undefined when the extension is not
 * built, not wanted or does not load (the engine then uses bm25()).
 */
export function openRankedReader(file: string, extension = RANK_EXTENSION): ReadConnection | undefined {
  if (!rankExtensionWanted() || !existsSync(extension)) return undefined
  let db: ReadConnection | undefined
  try {
    db = new Database(file, { timeout: 10_000 } as never)
    db.loadExtension(extension)
    return db
  } catch {
    db?.close()
    return undefined
  }
}
