/**
 * Applies the committed migrations of the configured dialect. Never prompts: a database that Payload's
 * dev "push" mode touched is refused with an explanation instead of the interactive question that would
 * hang a non-interactive start.
 */
import type { Payload } from 'payload'
import { databaseKind } from './runtime'

async function migrationsFor(kind: ReturnType<typeof databaseKind>) {
  if (kind === 'postgres') return (await import('../../migrations/postgres')).migrations
  if (kind === 'sqlite') return (await import('../../migrations/sqlite')).migrations
  return []
}

export async function runMigrations(payload: Payload): Promise<void> {
  const migrations = await migrationsFor(databaseKind())
  if (migrations.length === 0) return
  const pushed = await payload
    .find({ collection: 'payload-migrations', where: { batch: { equals: -1 } }, limit: 1, depth: 0 })
    .then((r) => r.totalDocs > 0)
    .catch(() => false) // no migrations table yet: a fresh database
  if (pushed)
    throw new Error(
      'Cơ sở dữ liệu này đã bị thay đổi ở chế độ "push" của Payload nên không thể áp dụng migration an toàn. ' +
        'Hãy dùng một cơ sở dữ liệu mới (hoặc xóa thư mục ./data của bản nhúng) rồi khởi động lại.',
    )
  await payload.db.migrate({ migrations: migrations as any })
}
