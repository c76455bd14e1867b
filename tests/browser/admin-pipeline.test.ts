/**
 * An editor's view of the document pipeline in the admin, against the production build: the sidebar of a
 * document shows its processing status, the editor writes and pins a summary (a bad one is refused with a
 * Vietnamese message and nothing changes), unpins it and asks for "Xử lý lại". Every answer is checked
 * again over the API. Screenshots: test-output/screenshots/.
 */
import type { BrowserContext, Page } from 'playwright-core'
import { browserTestPlan, openPhoneBrowser, screenshot, startWebServer, type WebServer } from '../helpers/browser'

const plan = await browserTestPlan()
if (!plan.run) console.warn(`Bỏ qua kiểm thử trình duyệt: ${plan.reason}.`)
const suite = plan.run ? describe : describe.skip

const EDITOR = 'bientap.bachdang@demo.sotay.vn'
const DEMO_PASSWORD = 'SoTay@2025'
const SUMMARY = [
  'Đảng ủy phường triển khai ứng dụng Sổ tay đảng viên điện tử tới toàn thể đảng viên.',
  'Các chi bộ hướng dẫn đảng viên cao tuổi cài đặt và nghe văn bản bằng giọng đọc.',
]

suite(`xử lý văn bản trong trang quản trị${plan.run ? '' : ` — bỏ qua: ${plan.reason}`}`, () => {
  let server: WebServer
  let browser: { context: BrowserContext; close: () => Promise<void> }
  let page: Page
  let token: string
  let documentId: string | number

  const api = async (path: string) => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `JWT ${token}` } })
    return { status: res.status, body: (await res.json()) as any }
  }

  beforeAll(async () => {
    server = await startWebServer()
    const login = await fetch(`${server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: EDITOR, password: DEMO_PASSWORD }),
    })
    token = ((await login.json()) as { token: string }).token
    const found = await api(`/api/documents?where[number][equals]=${encodeURIComponent('23-KH/ĐU')}&depth=0`)
    documentId = found.body.docs[0].id
    browser = await openPhoneBrowser()
    page = browser.context.pages()[0] ?? (await browser.context.newPage())
    // Editors work on a computer.
    await page.setViewportSize({ width: 1280, height: 900 })
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('the sidebar of a document shows its processing status and the summary actions', async () => {
    await page.goto(`${server.url}/admin/login`)
    await page.locator('input[name="username"]').fill(EDITOR)
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD)
    await page.locator('button[type="submit"]').click()
    await page.waitForURL((url) => url.pathname === '/admin' || url.pathname === '/admin/')
    await page.goto(`${server.url}/admin/collections/documents/${documentId}`)
    const panel = page.locator('.pipeline-panel')
    await panel.waitFor()
    // The test server runs no workers: the published plan waits in the queue.
    const status = panel.locator('.pipeline-panel__status')
    await status.waitFor()
    expect(await status.getAttribute('data-status')).toBe((await api(`/api/documents/${documentId}/reading`)).body.status)
    expect(await status.textContent()).toBe('Chờ xử lý')
    for (const name of ['Sửa tóm tắt', 'Xử lý lại']) await expect(panel.getByRole('button', { name }).count()).resolves.toBe(1)
    await panel.scrollIntoViewIfNeeded()
    await screenshot(page, 'quan-tri-xu-ly-trang-thai')
  })

  it('an empty summary is refused in Vietnamese and changes nothing', async () => {
    const panel = page.locator('.pipeline-panel')
    await panel.getByRole('button', { name: 'Sửa tóm tắt' }).click()
    await panel.getByLabel('Các câu tóm tắt, mỗi câu một dòng').fill('   \n  ')
    await panel.getByRole('button', { name: 'Lưu tóm tắt' }).click()
    await panel.getByRole('status').filter({ hasText: 'Tóm tắt đang trống' }).waitFor()
    expect((await api(`/api/documents/${documentId}/reading`)).body.summaryPinned).toBe(false)
  })

  it('the editor writes a summary: it is saved, pinned and shown', async () => {
    const panel = page.locator('.pipeline-panel')
    await panel.getByLabel('Các câu tóm tắt, mỗi câu một dòng').fill(SUMMARY.join('\n'))
    await panel.getByRole('button', { name: 'Lưu tóm tắt' }).click()
    await panel.getByRole('status').filter({ hasText: 'Đã lưu và ghim tóm tắt' }).waitFor()
    await panel.getByText('(đã ghim)').waitFor()
    await expect(panel.locator('.pipeline-panel__summary li').allTextContents()).resolves.toEqual(SUMMARY)
    const reading = (await api(`/api/documents/${documentId}/reading`)).body
    expect(reading.summary.sentences.map((s: { text: string }) => s.text)).toEqual(SUMMARY)
    expect(reading.summaryPinned).toBe(true)
    await screenshot(page, 'quan-tri-xu-ly-tom-tat-da-ghim')
  })

  it('unpinning and "Xử lý lại" queue the pipeline again', async () => {
    const panel = page.locator('.pipeline-panel')
    await panel.getByRole('button', { name: 'Bỏ ghim tóm tắt' }).click()
    await panel.getByRole('status').filter({ hasText: 'Đã bỏ ghim' }).waitFor()
    await panel.getByRole('button', { name: 'Ghim tóm tắt' }).waitFor()
    expect((await api(`/api/documents/${documentId}/reading`)).body.summaryPinned).toBe(false)
    await panel.getByRole('button', { name: 'Xử lý lại' }).click()
    await panel.getByRole('status').filter({ hasText: 'Đã đưa văn bản vào hàng đợi xử lý lại' }).waitFor()
    const jobs = await api(`/api/documents/${documentId}/reading`)
    expect(jobs.body.status).toBe('cho-xu-ly')
  })
})
