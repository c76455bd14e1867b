/**
 * `npm run bench:documents`: how fast readers get documents when access is a Where query, on a fresh
 * seeded database (SQLite by default, PostgreSQL with DATABASE_URL=postgres://…) grown to N documents
 * spread over the demo tree. Prints p50/p95 latency of list pages, counts, single reads (with relations
 * and forwarding notes) and a GraphQL page, for an anonymous visitor, a member, a ward secretary and a
 * system administrator, plus what each of them may read.
 *
 *   npx tsx scripts/bench-documents.ts [N=1000] [runs=40]
 */
import { client, loginDemo, type Client } from '../tests/helpers/client'
import { startTestServer } from '../tests/helpers/server'
import { paragraphsToLexical } from '../collections/Documents/lexical'

const total = Number(process.argv[2] ?? 1000)
const runs = Number(process.argv[3] ?? 40)

const lexical = (...paragraphs: string[]) => paragraphsToLexical(paragraphs)

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    await fn()
    times.push(performance.now() - start)
  }
  return times.sort((a, b) => a - b)
}
const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1)

async function main() {
  const server = await startTestServer()
  try {
    const { payload } = server
    const orgs = (await payload.find({ collection: 'organizations', pagination: false, depth: 0, overrideAccess: true })).docs
    const existing = (await payload.count({ collection: 'documents', overrideAccess: true })).totalDocs
    const target = (await payload.find({ collection: 'documents', where: { number: { equals: '339-QĐ/TW' } }, overrideAccess: true, depth: 0 })).docs[0]
    const start = performance.now()
    for (let i = existing; i < total; i++) {
      const org = orgs[i % orgs.length]
      await payload.create({
        collection: 'documents',
        overrideAccess: true,
        data: {
          documentType: 'thong-bao',
          number: `${1000 + i}-TB/BENCH`,
          title: `Thông báo số ${i} của ${org.name}`,
          issuer: org.id,
          issuedDate: `2025-${String(1 + (i % 12)).padStart(2, '0')}-15T00:00:00.000Z`,
          visibility: i % 10 === 0 ? 'cong-khai' : 'dang-vien',
          content: lexical(`Nội dung thông báo ${i}.`),
          relations: i % 5 === 0 ? [{ type: 'can-cu', target: target.id }] : [],
          _status: i % 7 === 0 ? 'draft' : 'published',
        } as never,
      })
    }
    const created = Math.max(0, total - existing)
    console.log(`${created} văn bản được tạo trong ${((performance.now() - start) / 1000).toFixed(1)} s (${created ? ((performance.now() - start) / created).toFixed(1) : 0} ms/văn bản); tổng ${total}.`)

    const readers: [string, Client][] = [
      ['khách (không đăng nhập)', client(server.url)],
      ['đảng viên chi bộ', await loginDemo(server.url, 'dangvien.cb01')],
      ['bí thư đảng ủy phường', await loginDemo(server.url, 'bithu.bachdang')],
      ['quản trị hệ thống', await loginDemo(server.url, 'quantri')],
    ]
    console.log(`\nĐộ trễ (ms, p50 / p95, ${runs} lượt):`)
    console.log('người đọc'.padEnd(26), 'đọc được'.padStart(9), 'trang 20'.padStart(14), 'đếm'.padStart(14), 'một văn bản'.padStart(14), 'GraphQL 20'.padStart(14))
    for (const [name, c] of readers) {
      const readable = (await c.get('/api/documents?limit=0')).body.totalDocs
      const page = await timed(() => c.get('/api/documents?limit=20&depth=1'))
      const count = await timed(() => c.get('/api/documents/count'))
      const single = await timed(() => c.get(`/api/documents/${target.id}`))
      const gql = await timed(() => c.graphql('{ Documents(limit: 20) { totalDocs docs { number title issuer { name } } } }'))
      const cell = (t: number[]) => `${pct(t, 50)} / ${pct(t, 95)}`.padStart(14)
      console.log(name.padEnd(26), String(readable).padStart(9), cell(page), cell(count), cell(single), cell(gql))
    }
  } finally {
    await server.stop()
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
