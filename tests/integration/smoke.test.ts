import { statSync } from 'node:fs'
import path from 'node:path'
import { startTestServer, type TestServer } from '../helpers/server'

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.stop()
})

it('answers health checks and the REST API with the seeded tree', async () => {
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
  const res = await fetch(`${server.url}/api/organizations?limit=100`)
  expect(res.status).toBe(200)
  const body = await res.json()
  const codes = body.docs.map((d: { code: string }) => d.code)
  expect(codes).toEqual(expect.arrayContaining(['TW', 'HP', 'HP.BD', 'HP.BD.CB01', 'HP.BD.CB04', 'TH']))
})

it('answers API errors in Vietnamese by default', async () => {
  const res = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'khong-co@demo.sotay.vn', password: 'sai-mat-khau' }),
  })
  expect(res.status).toBe(401)
  expect(JSON.stringify(await res.json())).toMatch(/mật khẩu không chính xác/)
})

it('generates the personal-data key on first start, readable by its owner only', () => {
  const mode = statSync(path.join(server.dataDir, 'pii.key')).mode & 0o777
  expect(mode).toBe(0o600)
})
