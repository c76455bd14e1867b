/**
 * `sotay reindex`: rebuilds the search index (embedded file or Meilisearch, as the server would use it)
 * from every published, released document and news item of the database (SQLite or PostgreSQL, by
 * DATABASE_URL). The index stays searchable while it is rebuilt; safe to run beside a running server.
 */
import { env } from '../../server/config'

export const describe = 'Xây dựng lại chỉ mục tìm kiếm từ cơ sở dữ liệu'

export async function run(args: string[]): Promise<number> {
  if (args.length > 0) {
    process.stderr.write(`Lệnh reindex không nhận tham số (nhận được "${args.join(' ')}"). Cấu hình qua biến môi trường DATABASE_URL, SEARCH_DB_PATH, MEILI_HOST.\n`)
    return 2
  }
  const { getPayload } = await import('payload')
  const config = (await import('../../../payload.config')).default
  const payload = await getPayload({ config })
  const { rebuildSearchIndex, closeSearchEngine, searchDbPath, usingMeilisearch } = await import('../../server/search')
  const { closeDatabase } = await import('../../server/database')
  try {
    const where = usingMeilisearch() ? `Meilisearch ${env('MEILI_HOST')}` : searchDbPath()
    process.stdout.write(`Đang xây dựng lại chỉ mục tìm kiếm (${where})…\n`)
    const r = await rebuildSearchIndex(payload)
    const rate = r.ms > 0 ? Math.round((r.total / r.ms) * 1000) : r.total
    process.stdout.write(`Xong: ${r.documents} văn bản, ${r.news} tin tức (${r.total} mục) trong ${(r.ms / 1000).toFixed(2)} giây (${rate} mục/giây).\n`)
    return 0
  } finally {
    await closeSearchEngine()
    await closeDatabase(payload)
  }
}
