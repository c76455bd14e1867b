/**
 * The account behind a session token is kept between requests (collections/Users/auth/keptSessions.ts).
 * It must be read once and then served from memory, yet a change of the account, a sign-out and
 * Payload's cross-site rules for the cookie must count from the very next request. Real server, real
 * logins, over HTTP; the strategy itself against the same server's Payload.
 */
import { jest } from '@jest/globals'
import type { AuthStrategyFunctionArgs } from 'payload'
import { keptSessions } from '../../collections/Users/auth/keptSessions'
import { forgetReads } from '../../src/server/readCache'
import { loginDemo } from '../helpers/client'
import { startTestServer, type TestServer } from '../helpers/server'

jest.setTimeout(180_000)

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server?.stop()
})

/** GET /api/users/me with raw headers; the account Payload found for them, or null. */
async function me(headers: Record<string, string>): Promise<Record<string, any> | null> {
  const res = await fetch(`${server.url}/api/users/me`, { headers })
  expect(res.status).toBe(200)
  return ((await res.json()) as { user: Record<string, any> | null }).user
}

it('an account is read once per token, then kept; a change through Payload replaces the kept copy at once', async () => {
  const member = await loginDemo(server.url, 'dangvien.cb01')
  const id = member.user!.id
  const args = { headers: new Headers({ authorization: `JWT ${member.token}` }), payload: server.payload } as AuthStrategyFunctionArgs
  // Asked first, before Payload's own strategies.
  expect(server.payload.authStrategies[0]?.name).toBe(keptSessions.name)
  const first = await keptSessions.authenticate(args)
  expect(first.user?.id).toBe(id)
  const name = (first.user as Record<string, any>).fullName

  // Written beneath Payload (no hooks): the kept account is still the one served.
  await server.payload.db.updateOne({ collection: 'users', id, data: { fullName: 'Tên đổi thẳng trong cơ sở dữ liệu' } })
  expect(((await keptSessions.authenticate(args)).user as Record<string, any>).fullName).toBe(name)

  // Through Payload (its hooks drop kept accounts): the next request reads the account again.
  await server.payload.update({ collection: 'users', id, data: { fullName: 'Nguyễn Văn Đổi Tên' }, overrideAccess: true })
  expect(((await keptSessions.authenticate(args)).user as Record<string, any>).fullName).toBe('Nguyễn Văn Đổi Tên')

  // Every request gets its own copy: changing one does not change what the next one gets.
  const one = (await keptSessions.authenticate(args)).user as Record<string, any>
  one.fullName = 'Sửa trên req.user'
  expect(((await keptSessions.authenticate(args)).user as Record<string, any>).fullName).toBe('Nguyễn Văn Đổi Tên')

  // No token, or a token that is not one: nothing here (Payload's own strategies answer those).
  expect((await keptSessions.authenticate({ ...args, headers: new Headers() })).user).toBeNull()
  expect((await keptSessions.authenticate({ ...args, headers: new Headers({ authorization: 'JWT khong.phai.token' }) })).user).toBeNull()
  forgetReads('accounts')
})

it('a signed-out session stops working at the next request, however often it was used before', async () => {
  const member = await loginDemo(server.url, 'dangvien.cb02')
  const headers = { authorization: `JWT ${member.token}` }
  for (let i = 0; i < 3; i++) expect((await me(headers))?.id).toBe(member.user!.id)
  const out = await fetch(`${server.url}/api/users/logout`, { method: 'POST', headers })
  expect(out.status).toBe(200)
  expect(await me(headers)).toBeNull()
})

it('the session cookie sent from another site is refused, even right after the same cookie was accepted from this one', async () => {
  const member = await loginDemo(server.url, 'dangvien.thanhhoa')
  const cookie = `payload-token=${member.token}`
  for (let i = 0; i < 2; i++) expect((await me({ cookie, 'sec-fetch-site': 'same-origin' }))?.id).toBe(member.user!.id)
  expect(await me({ cookie, origin: 'https://mao-danh.example' })).toBeNull()
  expect(await me({ cookie, 'sec-fetch-site': 'cross-site' })).toBeNull()
  expect(await me({ cookie })).toBeNull() // no Origin, no Sec-Fetch-Site: not a browser on this site
  expect((await me({ cookie, 'sec-fetch-site': 'same-origin' }))?.id).toBe(member.user!.id)
})
