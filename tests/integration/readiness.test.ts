import { startTestServer, usingPostgres, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ seed: false })
})
afterAll(async () => {
  await server?.stop().catch(() => {})
})

/** Closes, from the server side, every connection the app has open to its PostgreSQL database. */
async function terminateAppConnections(): Promise<number> {
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await admin.connect()
  try {
    const res = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()')
    return res.rowCount ?? 0
  } finally {
    await admin.end()
  }
}

// PostgreSQL only: an idle pooled connection closed by the server (a restart, pg_terminate_backend) used
// to be an unhandled 'error' event that ended the process. SQLite has no server to close a connection.
;(usingPostgres() ? it : it.skip)('keeps serving after PostgreSQL closes its connections', async () => {
  // Several requests at once so that the pool holds more than one connection, all idle afterwards.
  const before = await Promise.all(Array.from({ length: 4 }, () => fetch(`${server.url}/api/organizations?limit=1`)))
  expect(before.map((r) => r.status)).toEqual([200, 200, 200, 200])
  expect(await terminateAppConnections()).toBeGreaterThanOrEqual(2)
  await new Promise((r) => setTimeout(r, 300)) // the server's farewell reaches the idle connections
  const after = await fetch(`${server.url}/api/organizations?limit=1`)
  expect(after.status).toBe(200)
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
})

it('/readyz answers 503 once the database stops answering, while /healthz still answers', async () => {
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  await server.payload.db.destroy?.()
  const res = await fetch(`${server.url}/readyz`)
  expect(res.status).toBe(503)
  expect((await res.json()).status).toBe('database-unavailable')
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
})
