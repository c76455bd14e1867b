/**
 * The real `server.ts` as its own process: health checks, readiness, and a graceful SIGTERM that lets
 * in-flight requests finish before the database is closed.
 */
import { request } from 'node:http'
import { startServerProcess, type ServerProcess } from '../helpers/net'

let server: ServerProcess
let child: ServerProcess['child']
let base = ''

beforeAll(async () => {
  // SQLite always here: this test is about the process, not the database.
  server = await startServerProcess({})
  ;({ child, base } = server)
})

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL')
  server?.remove()
})

it('prints the demo logins on start', () => {
  expect(server.output()).toContain('quantri@demo.sotay.vn')
  expect(server.output()).toContain('SoTay@2025')
})

it('answers /healthz and /readyz', async () => {
  const health = await fetch(`${base}/healthz`)
  expect(health.status).toBe(200)
  expect(await health.json()).toEqual({ status: 'ok' })
  expect((await fetch(`${base}/readyz`)).status).toBe(200)
})

it('finishes in-flight requests on SIGTERM, then exits cleanly', async () => {
  // A login whose body arrives in two halves: the server has accepted the request when SIGTERM comes,
  // and receives the rest of it only afterwards.
  const body = JSON.stringify({ email: 'dangvien.cb01@demo.sotay.vn', password: 'SoTay@2025' })
  const { port } = new URL(base)
  const response = new Promise<number>((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: '/api/users/login', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume()
        res.on('end', () => resolve(res.statusCode ?? 0))
      },
    )
    req.on('error', reject)
    req.write(body.slice(0, 10))
    req.on('socket', (socket) =>
      socket.once('connect', async () => {
        await new Promise((r) => setTimeout(r, 200)) // let the server read the headers
        child.kill('SIGTERM')
        await new Promise((r) => setTimeout(r, 500))
        req.end(body.slice(10))
      }),
    )
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  expect(await response).toBe(200)
  expect(await exited).toBe(0)
  expect(server.output()).toMatch(/Nhận SIGTERM/)
  await expect(fetch(`${base}/healthz`)).rejects.toThrow()
})
