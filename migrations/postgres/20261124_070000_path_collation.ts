import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

/**
 * Materialised organisation paths compare byte by byte (COLLATE "C"), whatever the database's locale, so
 * that "within the subtree of /1/3/" is the index range ['/1/3/', '/1/30') (src/lib/org-tree/path.ts,
 * subtreeRange). Under a linguistic collation (en_US.UTF-8 and others) "/" is ignored at the first level
 * and such a range would include or skip the wrong rows. The indexes on these columns are rebuilt.
 */
const COLUMNS: [table: string, column: string][] = [
  ['organizations', 'path'],
  ['users', 'org_path'],
  ['documents', 'issuer_path'],
  ['_documents_v', 'version_issuer_path'],
  ['news', 'issuer_path'],
  ['_news_v', 'version_issuer_path'],
  ['media', 'issuer_path'],
  ['forwards', 'organization_path'],
  ['publishing_settings', 'organization_path'],
  ['audit_logs', 'org_path'],
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  for (const [table, column] of COLUMNS) await db.execute(sql.raw(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET DATA TYPE varchar COLLATE "C";`))
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  for (const [table, column] of COLUMNS) await db.execute(sql.raw(`ALTER TABLE "${table}" ALTER COLUMN "${column}" SET DATA TYPE varchar COLLATE "default";`))
}
