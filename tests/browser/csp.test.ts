/**
 * The Content-Security-Policy against the production build in Chromium (issue 16, finding 13): the member
 * site (home, a document, the sign-in page) and the admin (login, a list) work under it — no
 * `securitypolicyviolation` event, no CSP error in the console — and every page carries it. Also at the edge of
 * the member site: the "Lưu" form's `back` never leads to another site (`/\evil`, `//evil`, encoded forms), and a
 * request with `Origin: null` is refused as cross-site instead of failing with 500.
 */
import type { Page } from 'playwright-core'
import { browserTestPlan, openPhoneBrowser, startWebServer, type WebServer } from '../helpers/browser'

const plan = await browserTestPlan()
if (!plan.run) console.warn(`Bỏ qua kiểm thử trình duyệt: ${plan.reason}.`)
const suite = plan.run ? describe : describe.skip

const MEMBER = 'dangvien.cb01@demo.sotay.vn'
const ADMIN = 'quantri@demo.sotay.vn'
const DEMO_PASSWORD = 'SoTay@2025'

suite('content security policy and the member site edge (Chromium, production build)', () => {
  let server: WebServer
  let browser: Awaited<ReturnType<typeof openPhoneBrowser>>
  let page: Page
  let documentId: string | number
  const violations: string[] = []

  beforeAll(async () => {
    server = await startWebServer()
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: MEMBER, password: DEMO_PASSWORD }),
    })
    const { token } = (await login.json()) as { token: string }
    const docs = await fetch(`${server.url}/api/documents?limit=1&depth=0`, { headers: { authorization: `JWT ${token}` } })
    documentId = ((await docs.json()) as any).docs[0].id
    browser = await openPhoneBrowser()
    // Every violation the pages report, whichever page: the event from the document, and Chromium's console line.
    await browser.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`)
      })
    })
    page = browser.context.pages()[0] ?? (await browser.context.newPage())
    page.on('console', (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`)
    })
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  /** Opens the page, waits for `ready`, and checks its policy header and that nothing was blocked. */
  async function visit(path: string, ready: (page: Page) => Promise<unknown>) {
    const before = violations.length
    const res = await page.goto(server.url + path)
    await ready(page)
    await page.waitForLoadState('networkidle')
    expect(res?.headers()['content-security-policy']).toMatch(/frame-ancestors/)
    expect(violations.slice(before)).toEqual([])
  }

  it('the member site works under the policy: sign-in, home, a document', async () => {
    await visit('/dang-nhap', (p) => p.getByLabel('Số thẻ đảng viên hoặc email').waitFor())
    await page.getByLabel('Số thẻ đảng viên hoặc email').fill(MEMBER)
    await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.waitForURL('**/tai-khoan')
    await visit('/', (p) => p.getByRole('heading', { name: /^Chào đồng chí/ }).waitFor())
    await visit(`/van-ban/${documentId}`, (p) => p.locator('main h1').waitFor())
    // The page's scripts ran (hydrated React): the save button answers.
    await expect(page.locator('main form button').first().isEnabled()).resolves.toBe(true)
    expect(violations).toEqual([])
  })

  it('the admin works under the policy: login and a list', async () => {
    await browser.context.clearCookies() // the member of the previous test may not use the admin
    await page.setViewportSize({ width: 1280, height: 900 })
    await visit('/admin/login', (p) => p.locator('input[name="username"]').waitFor())
    await page.locator('input[name="username"]').fill(ADMIN)
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
    await visit('/admin/collections/documents', (p) => p.locator('.collection-list table, .table').first().waitFor())
    expect(violations).toEqual([])
  })

  /** Session cookie of the member (API login) for the plain-HTTP checks below. */
  async function memberCookie(): Promise<string> {
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: MEMBER, password: DEMO_PASSWORD }),
    })
    return login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
  }

  const saveForm = (cookie: string, origin: string, back: string) =>
    fetch(`${server.url}/trang-thai`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ kind: 'documents', id: String(documentId), action: 'save', back }),
    })

  it('never sends the "Lưu" form back to another site', async () => {
    const cookie = await memberCookie()
    const ownPage = `/van-ban/${documentId}`
    for (const back of ['/\\evil.example', '//evil.example', '/\\\\evil.example', '/\t/evil.example', '/%5Cevil.example', 'https://evil.example/', '/\\/evil.example']) {
      const res = await saveForm(cookie, server.url, back)
      expect([back, res.status]).toEqual([back, 303])
      const location = new URL(res.headers.get('location')!, server.url)
      expect([back, location.origin]).toEqual([back, server.url])
    }
    const ok = await saveForm(cookie, server.url, `${ownPage}?tu=luu#noi-dung`)
    expect(ok.headers.get('location')).toBe(`${ownPage}?tu=luu#noi-dung`)
  })

  it('refuses `Origin: null` as another site (403, not 500)', async () => {
    const cookie = await memberCookie()
    const res = await saveForm(cookie, 'null', '/')
    expect(res.status).toBe(403)
    expect(await res.text()).toMatch(/không hợp lệ/)
    expect((await saveForm(cookie, 'https://evil.example', '/')).status).toBe(403)
  })
})
