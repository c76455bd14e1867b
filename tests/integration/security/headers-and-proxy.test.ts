/**
 * Security headers on every response, and what the server believes of forwarded headers (issue 16, findings
 * 11 and 13): the audit log's address is the socket's unless TRUST_PROXY=1, never a forged X-Forwarded-For;
 * HSTS and `Secure` cookies only over HTTPS.
 */
import { demoSessions, DEMO_PASSWORD, demoEmail } from '../../helpers/client'
import { startTestServer, type TestServer } from '../../helpers/server'

let server: TestServer
const as = demoSessions(() => server.url)

beforeAll(async () => {
  server = await startTestServer()
}, 300_000) // seeding the demo data on PostgreSQL can take minutes on a busy machine
afterAll(async () => {
  await server?.stop().catch(() => {})
})

/** Runs `fn` with TRUST_PROXY set as given (read by the server on each request). */
async function withTrustProxy<T>(value: string | undefined, fn: () => Promise<T>): Promise<T> {
  const before = process.env.TRUST_PROXY
  if (value === undefined) delete process.env.TRUST_PROXY
  else process.env.TRUST_PROXY = value
  try {
    return await fn()
  } finally {
    if (before === undefined) delete process.env.TRUST_PROXY
    else process.env.TRUST_PROXY = before
  }
}

it('sends the security headers on API answers, errors and health checks', async () => {
  for (const path of ['/healthz', '/api/documents?limit=1', '/api/documents/999999', '/api/users/me']) {
    const res = await fetch(server.url + path)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect([path, csp]).toEqual([path, expect.stringContaining("default-src 'self'")])
    expect(csp).toMatch(/frame-ancestors '(none|self)'/)
    expect(csp).toMatch(/object-src 'none'/)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBeTruthy()
    expect(res.headers.get('x-frame-options')).toMatch(/DENY|SAMEORIGIN/)
    expect(res.headers.get('strict-transport-security')).toBeNull() // plain HTTP
  }
})

/** Changes a profile field as the administrator with the given extra headers; the audit entry's IP. */
async function auditedIp(phone: string, headers: Record<string, string>): Promise<string | null | undefined> {
  const admin = await as('quantri')
  const subject = (await as('dangvien.cb01')).user!
  const res = await fetch(`${server.url}/api/users/${subject.id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', authorization: `JWT ${admin.token}`, ...headers },
    body: JSON.stringify({ phone }),
  })
  expect(res.status).toBe(200)
  const logs = await admin.get(`/api/audit-logs?sort=-createdAt&limit=1&depth=0&where[subject][equals]=${subject.id}`)
  expect(logs.body.docs[0].summary).toMatch(/Cập nhật hồ sơ/)
  return logs.body.docs[0].ip
}

it('records the socket address, not a forged X-Forwarded-For, without TRUST_PROXY', async () => {
  const ip = await withTrustProxy(undefined, () => auditedIp('0912000001', { 'x-forwarded-for': '203.0.113.66', 'x-real-ip': '203.0.113.67', 'x-sotay-client-ip': '203.0.113.68' }))
  expect(ip).toBe('127.0.0.1')
})

it('records the left-most X-Forwarded-For behind a trusted proxy (TRUST_PROXY=1)', async () => {
  const ip = await withTrustProxy('1', () => auditedIp('0912000002', { 'x-forwarded-for': '198.51.100.7, 10.0.0.2' }))
  expect(ip).toBe('198.51.100.7')
  // Without a forwarded header the proxy's own (socket) address, never an empty one.
  expect(await withTrustProxy('1', () => auditedIp('0912000003', {}))).toBe('127.0.0.1')
})

const login = (headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ email: demoEmail('dangvien.cb01'), password: DEMO_PASSWORD }),
  })

it('marks the session cookie Secure and sends HSTS only over HTTPS (behind a trusted proxy)', async () => {
  const plain = await withTrustProxy(undefined, () => login({ 'x-forwarded-proto': 'https' }))
  expect(plain.status).toBe(200)
  expect(plain.headers.getSetCookie().find((c) => c.startsWith('payload-token='))).not.toMatch(/;\s*Secure/i)
  expect(plain.headers.get('strict-transport-security')).toBeNull()

  const proxied = await withTrustProxy('1', () => login({ 'x-forwarded-proto': 'https' }))
  expect(proxied.status).toBe(200)
  expect(proxied.headers.getSetCookie().find((c) => c.startsWith('payload-token='))).toMatch(/;\s*Secure/i)
  expect(proxied.headers.get('strict-transport-security')).toMatch(/max-age=\d+/)
  expect(proxied.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/)
})
