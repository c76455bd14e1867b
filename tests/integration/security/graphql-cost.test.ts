/**
 * One GraphQL request must not hold the server (issue 16, finding 3): the cost of a query counts every alias
 * and the page size of every list, depth and aliases are bounded, cyclic fragments are refused cleanly and a
 * request that runs past its time budget is stopped. The refusals are Vietnamese GraphQL errors.
 */
import { client, demoSessions } from '../../helpers/client'
import { startTestServer, type TestServer } from '../../helpers/server'

let server: TestServer
const as = demoSessions(() => server.url)

beforeAll(async () => {
  server = await startTestServer()
}, 300_000) // seeding the demo data on PostgreSQL can take minutes on a busy machine
afterAll(async () => {
  await server?.stop().catch(() => {})
})

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i + 1}: ${field}`).join(' ')} }`
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i

/** Sends the query and, while the server works on it, measures how long /healthz takes to answer. */
async function healthzWhile(send: () => Promise<{ status: number; body: any }>) {
  const answer = send()
  await new Promise((r) => setTimeout(r, 300))
  const started = Date.now()
  const health = await fetch(`${server.url}/healthz`)
  const healthMs = Date.now() - started
  const sentAt = Date.now()
  const res = await answer
  return { res, healthStatus: health.status, healthMs, answeredAfterMs: Date.now() - sentAt }
}

/** Refused before anything is resolved: no data, a Vietnamese error (200 or 400 by the GraphQL-over-HTTP rules). */
const expectRefused = (res: { status: number; body: any }) => {
  expect([200, 400]).toContain(res.status)
  expect(res.body.data ?? null).toBeNull()
  expect(res.body.errors?.[0]?.message).toMatch(VIETNAMESE)
}

it("refuses a member's 240 aliases of Documents(limit: 200) at once, and /healthz keeps answering", async () => {
  const member = await as('dangvien.cb01')
  const { res, healthStatus, healthMs, answeredAfterMs } = await healthzWhile(() => member.graphql(aliases(240, 'Documents(limit: 200) { docs { id title } }')))
  expect(healthStatus).toBe(200)
  expect(healthMs).toBeLessThan(1000)
  expect(answeredAfterMs).toBeLessThan(2000)
  expectRefused(res)
})

it('refuses 249 anonymous aliases the same way', async () => {
  const anon = client(server.url)
  const { res, healthStatus, healthMs } = await healthzWhile(() => anon.graphql(aliases(249, 'Documents(limit: 200) { docs { id title } }')))
  expect(healthStatus).toBe(200)
  expect(healthMs).toBeLessThan(1000)
  expectRefused(res)
})

it('counts the page size: few aliases of large pages are refused, the same aliases of small pages answered', async () => {
  const member = await as('dangvien.cb01')
  expectRefused(await member.graphql(aliases(12, 'Documents(limit: 200) { docs { id title number } }')))
  // No limit: Payload's default page (10) is what is counted.
  const small = await member.graphql(aliases(12, 'Documents(limit: 5) { docs { id title number } }'))
  expect(small.body.errors).toBeUndefined()
  expect(small.body.data.a12.docs.length).toBeGreaterThan(0)
  const unlimited = await member.graphql(aliases(12, 'Documents { docs { id title number } }'))
  expect(unlimited.body.errors).toBeUndefined()
})

it('bounds aliases and depth, whatever they cost', async () => {
  const member = await as('dangvien.cb01')
  expectRefused(await member.graphql(aliases(150, '__typename')))
  expectRefused(await member.graphql(aliases(150, 'Organizations(limit: 1) { totalDocs }')))
  const nested = (depth: number): string => (depth === 0 ? 'id' : `relations { target { ${nested(depth - 1)} } }`)
  expectRefused(await member.graphql(`{ Documents(limit: 1) { docs { ${nested(8)} } } }`))
})

it('refuses cyclic fragments cleanly (no 500, no hang)', async () => {
  const member = await as('dangvien.cb01')
  const started = Date.now()
  const res = await member.graphql(
    'query { ...A } fragment A on Query { Documents(limit: 1) { docs { id } } ...B } fragment B on Query { Organizations(limit: 1) { totalDocs } ...A }',
  )
  expect(Date.now() - started).toBeLessThan(2000)
  expectRefused(res)
  const self = await member.graphql('query { Documents(limit: 1) { docs { ...D } } } fragment D on Document { id ...D }')
  expectRefused(self)
})

it('keeps answering the queries the platform and its tests use', async () => {
  const member = await as('dangvien.cb01')
  const editor = await as('bientap.bachdang')
  const queries = [
    '{ Documents(limit: 2) { totalDocs docs { number } } }',
    '{ Documents(limit: 1000) { totalDocs docs { id } } }',
    '{ allNews(limit: 1000) { totalDocs docs { id } } }',
    '{ allMedia(limit: 1000) { totalDocs docs { id } } }',
    '{ Users(limit: 100) { totalDocs docs { id citizenId phone } } }',
  ]
  for (const query of queries) {
    const res = await editor.graphql(query)
    expect([query, res.status, res.body.errors]).toEqual([query, 200, undefined])
  }
  const ids = (await member.graphql('{ Documents(limit: 60) { docs { id } } }')).body.data.Documents.docs.map((d: any) => d.id)
  expect(ids.length).toBeGreaterThan(10)
  const byId = await member.graphql(`{ ${ids.map((id: unknown, i: number) => `d${i}: Document(id: ${JSON.stringify(id)}) { id relations { type target { id number } } }`).join(' ')} }`)
  expect(byId.body.errors).toBeUndefined()
  expect(byId.body.data.d0.id).toEqual(ids[0])
})

it('stops a request that runs past its time budget, with a Vietnamese error', async () => {
  const member = await as('dangvien.cb01')
  const before = process.env.GRAPHQL_TIME_BUDGET_MS
  process.env.GRAPHQL_TIME_BUDGET_MS = '1'
  try {
    const res = await member.graphql(aliases(8, 'Documents(limit: 50) { docs { id title number } }'))
    expect(res.status).toBe(503)
    expect(res.body.errors?.[0]?.message).toMatch(VIETNAMESE)
    expect(res.body.errors[0].message).toMatch(/thời gian/)
  } finally {
    if (before === undefined) delete process.env.GRAPHQL_TIME_BUDGET_MS
    else process.env.GRAPHQL_TIME_BUDGET_MS = before
  }
  expect((await member.graphql('{ Documents(limit: 2) { totalDocs } }')).body.errors).toBeUndefined()
})
