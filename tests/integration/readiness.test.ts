import { startTestServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer({ seed: false })
})
afterAll(async () => {
  await server?.stop().catch(() => {})
})

it('/readyz answers 503 once the database stops answering, while /healthz still answers', async () => {
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  await server.payload.db.destroy?.()
  const res = await fetch(`${server.url}/readyz`)
  expect(res.status).toBe(503)
  expect((await res.json()).status).toBe('database-unavailable')
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
})
