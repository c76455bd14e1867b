/**
 * Request bodies are bounded before they are read whole (issue 16, finding 12), and malformed input at the edge
 * gets a Vietnamese 4xx rather than a 500: non-numeric ids, `Origin: null` on a cookie-authenticated write.
 */
import http from 'node:http'
import { client, demoSessions, DEMO_PASSWORD, demoEmail } from '../../helpers/client'
import { startTestServer, type TestServer } from '../../helpers/server'

let server: TestServer
const as = demoSessions(() => server.url)

beforeAll(async () => {
  server = await startTestServer()
}, 300_000) // seeding the demo data on PostgreSQL can take minutes on a busy machine
afterAll(async () => {
  await server?.stop().catch(() => {})
})

const MB = 1024 * 1024
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i

/** A JSON body of `total` bytes made as it is sent, never held whole (no Content-Length: chunked). */
function streamedJson(total: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode('a'.repeat(64 * 1024))
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('{"email":"x@y.vn","password":"'))
      if (sent >= total) {
        controller.enqueue(new TextEncoder().encode('"}'))
        controller.close()
        return
      }
      sent += chunk.length
      controller.enqueue(chunk)
    },
  })
}

it('answers a streamed 100 MB JSON body with 413 quickly, without holding it', async () => {
  const rssBefore = process.memoryUsage().rss
  const started = Date.now()
  const res = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: streamedJson(100 * MB),
    duplex: 'half',
  } as RequestInit)
  const body = await res.json()
  expect(res.status).toBe(413)
  expect(Date.now() - started).toBeLessThan(5000)
  expect(body.errors[0].message).toMatch(/quá lớn.*1 MB/)
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(100 * MB)
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
})

it('answers a declared 100 MB body with 413 before it is sent', async () => {
  const url = new URL(`${server.url}/api/documents`)
  const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(100 * MB) } })
    req.on('response', (res) => {
      let text = ''
      res.on('data', (c) => (text += c)).on('end', () => {
        resolve({ status: res.statusCode!, body: text })
        req.destroy()
      })
    })
    req.on('error', reject)
    req.write('{"title":"' + 'a'.repeat(64 * 1024)) // the rest is never sent
  })
  expect(answer.status).toBe(413)
  expect(JSON.parse(answer.body).errors[0].message).toMatch(VIETNAMESE)
})

it('bounds JSON at 1 MB by default, BODY_LIMIT_JSON otherwise', async () => {
  const login = (padding: number) =>
    fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: demoEmail('dangvien.cb01'), password: 'sai-mat-khau', note: 'a'.repeat(padding) }),
    })
  expect((await login(900 * 1024)).status).toBe(401) // read and answered by Payload
  const over = await login(1100 * 1024)
  expect(over.status).toBe(413)
  expect((await over.json()).errors[0].message).toMatch(VIETNAMESE)
  process.env.BODY_LIMIT_JSON = '2mb'
  try {
    expect((await login(1100 * 1024)).status).toBe(401)
  } finally {
    delete process.env.BODY_LIMIT_JSON
  }
  // Still a working login with a normal body.
  const ok = await fetch(`${server.url}/api/users/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: demoEmail('dangvien.cb01'), password: DEMO_PASSWORD }) })
  expect(ok.status).toBe(200)
})

it('keeps the media rules for uploads (larger than the JSON limit), and refuses a 30 MB upload', async () => {
  const editor = await as('bientap.bachdang')
  const head = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'
  const tail = 'xref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R /Size 1 >>\nstartxref\n9\n%%EOF\n'
  const pdf = (size: number) => Buffer.concat([Buffer.from(head, 'latin1'), Buffer.alloc(size - head.length - tail.length, 0x20), Buffer.from(tail, 'latin1')])
  const ok = await editor.upload('/api/media', { _payload: JSON.stringify({ alt: 'Bản gốc 3 MB' }) }, { name: 'ban-goc-3mb.pdf', data: pdf(3 * MB), type: 'application/pdf' })
  expect(ok.status).toBe(201)
  const huge = await editor.upload('/api/media', { _payload: JSON.stringify({ alt: 'Quá lớn' }) }, { name: 'qua-lon.pdf', data: pdf(30 * MB), type: 'application/pdf' })
  expect(huge.status).toBe(413)
  expect(huge.body.errors[0].message).toMatch(/tối đa 20 MB/)
})

it('answers non-numeric ids with 404 and a Vietnamese message, not 500', async () => {
  const admin = await as('quantri')
  for (const path of ['/api/documents/abc', '/api/users/abc', '/api/news/1abc%27', '/api/organizations/NaN']) {
    const res = await admin.get(path)
    expect([path, res.status]).toEqual([path, 404])
    expect(res.body.errors[0].message).toMatch(VIETNAMESE)
  }
  const patch = await admin.patch('/api/documents/abc', { title: 'x' })
  expect(patch.status).toBe(404)
  const del = await admin.del('/api/users/abc')
  expect(del.status).toBe(404)
  expect((await client(server.url).get('/api/documents/abc')).status).toBe(404)
})

it('treats `Origin: null` as another site: a cookie-authenticated write is refused, nothing changes', async () => {
  const login = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail('dangvien.cb01'), password: DEMO_PASSWORD }),
  })
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  const { user } = await login.json()
  expect(cookie).toMatch(/payload-token=/)
  const res = await fetch(`${server.url}/api/users/${user.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie, origin: 'null' },
    body: JSON.stringify({ fullName: 'Kẻ giả mạo' }),
  })
  expect([401, 403]).toContain(res.status)
  const after = await (await as('dangvien.cb01')).get(`/api/users/${user.id}`)
  expect(after.body.fullName).toBe(user.fullName)
  expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
})
