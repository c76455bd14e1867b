/**
 * The member site on a 360×740 phone against the production build: a member signs in, sees the home page
 * (new documents, forwarded documents with deadlines, what is still unread), filters the library, opens
 * Quy định 339-QĐ/TW (metadata, table of contents, full text), listens to it (the audio's current time
 * advances, the highlighted sentence follows it, a tapped sentence plays from there, the position is kept
 * in the account and resumed after a reload), saves it, searches without diacritics, goes offline, reopens
 * the saved document and plays its audio from the phone's cache (an unsaved page shows the offline page).
 * The regulation's audio is made by the real pipeline: a worker process runs the seed's queue until the
 * regulation is processed. axe-core runs on every member page (also in the high-contrast theme): zero
 * serious or critical violations. Each page is checked for readability (text ≥ 18 px, tap targets ≥ 44 px,
 * labelled boxes, nothing wider than the screen). Screenshots: test-output/screenshots/site-*.png.
 */
import { createRequire } from 'node:module'
import type { BrowserContext, Page } from 'playwright-core'
import { browserTestPlan, openPhoneBrowser, readabilityProblems, screenshot, startWebServer, type QueueWorker, type WebServer } from '../helpers/browser'

const plan = await browserTestPlan()
if (!plan.run) console.warn(`Bỏ qua kiểm thử trình duyệt: ${plan.reason}.`)
const suite = plan.run ? describe : describe.skip

const MEMBER = 'dangvien.cb01@demo.sotay.vn'
const DEMO_PASSWORD = 'SoTay@2025'
const QD339 = 'Quy định về sử dụng ứng dụng Sổ tay đảng viên điện tử'
const AXE_SOURCE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

const QD339_NUMBER = '339-QĐ/TW'

type Timing = { sentenceId: string; startMs: number; endMs: number }
type Track = { url: string; durationMs: number; timings: Timing[] }

/** What the audio element and the highlighted sentence show right now ("tieu-de": the page title). */
type Listening = { time: number; paused: boolean; sentence: string | null; highlighted: number }

const listening = (page: Page): Promise<Listening> =>
  page.evaluate(() => {
    const audio = document.querySelector('.player audio') as HTMLAudioElement
    const marked = [...document.querySelectorAll('main [aria-current="true"]')] as HTMLElement[]
    const sentence = marked[0] ? (marked[0].dataset.sid ?? (marked[0].tagName === 'H1' ? 'tieu-de' : '?')) : null
    return { time: audio.currentTime, paused: audio.paused, sentence, highlighted: marked.length }
  })

/** Waits until the audio element's time has passed `seconds`. */
const playedPast = (page: Page, seconds: number, timeout = 30_000) =>
  page.waitForFunction((s) => (document.querySelector('.player audio') as HTMLAudioElement).currentTime > s, seconds, { timeout, polling: 100 })

/** The sentence that should be highlighted at `ms` (the last one started), as the player computes it. */
function sentenceAt(timings: Timing[], ms: number): string | null {
  const id = [...timings].reverse().find((t) => t.startMs <= ms)?.sentenceId ?? null
  return id?.startsWith('tieu-de.') ? 'tieu-de' : id
}
/** The highlight follows the audio (it moves on each `timeupdate`, a few times a second). */
const followsAudio = (timings: Timing[], l: Listening) => expect([sentenceAt(timings, l.time * 1000), sentenceAt(timings, l.time * 1000 - 400)]).toContain(l.sentence)
const orderOf = (timings: Timing[], sentence: string | null) => (sentence === 'tieu-de' ? 0 : timings.findIndex((t) => t.sentenceId === sentence))

/** Polls `probe` until it gives a value. */
async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await probe().catch(() => null)
    if (value) return value
    if (Date.now() > deadline) throw new Error(`Hết thời gian chờ: ${what}`)
    await new Promise((r) => setTimeout(r, 500))
  }
}

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** Serious and critical accessibility violations of the page as axe-core finds them. */
async function axeProblems(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE_SOURCE })
  const violations = (await page.evaluate(async () => {
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] })
    return result.violations
  })) as Violation[]
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)
}

/** Both checks, with the page named in the failure. */
async function checkPage(page: Page, label: string): Promise<void> {
  expect({ page: label, axe: await axeProblems(page), readability: await readabilityProblems(page) }).toEqual({ page: label, axe: [], readability: [] })
}

suite(`trang đảng viên: đọc, lưu, tìm, ngoại tuyến${plan.run ? '' : ` — bỏ qua: ${plan.reason}`}`, () => {
  let server: WebServer
  let phone: { context: BrowserContext; close: () => Promise<void> }
  let page: Page
  let documentPath = ''
  /** Where the member paused the regulation's audio (ms). */
  let listenedTo = 0
  let worker: QueueWorker
  /** The regulation's full-text and summary audio, once the pipeline has made them. */
  let processed: Promise<{ full: Track; summary: Track }>

  /** Runs the seed's pipeline jobs (the regulation is queued first) until its audio is published. */
  async function processRegulation() {
    const found = await until('tìm Quy định 339', async () => {
      const res = await fetch(`${server.url}/api/documents?where[number][equals]=${encodeURIComponent(QD339_NUMBER)}&depth=0`)
      return res.ok ? ((await res.json()) as { docs: { id: string | number }[] }).docs[0] : null
    }, 30_000)
    const started = Date.now()
    const audio = await until(`bản nghe của Quy định 339 (tiến trình xử lý: ${worker.output().slice(-500)})`, async () => {
      const reading = (await (await fetch(`${server.url}/api/documents/${found.id}/reading`)).json()) as { status: string; audio: { full?: Track; summary?: Track } }
      return reading.status === 'hoan-tat' && reading.audio.full && reading.audio.summary ? { full: reading.audio.full, summary: reading.audio.summary } : null
    }, 240_000)
    console.log(`Quy định 339 xử lý xong sau ${Math.round((Date.now() - started) / 1000)} giây: toàn văn ${Math.round(audio.full.durationMs / 1000)} giây đọc, ${audio.full.timings.length} câu.`)
    // Enough for this journey: the other documents' jobs would only take the CPU from the browser.
    await worker.stop()
    return audio
  }

  beforeAll(async () => {
    server = await startWebServer()
    worker = server.startWorker()
    processed = processRegulation()
    processed.catch(() => undefined) // awaited (and reported) by the steps that need it
    phone = await openPhoneBrowser()
    page = phone.context.pages()[0] ?? (await phone.context.newPage())
  }, 240_000)

  afterAll(async () => {
    await phone?.close()
    await server?.stop()
  })

  it('signed out: the home page shows public documents and invites to sign in', async () => {
    await page.goto(`${server.url}/`)
    await page.getByRole('heading', { name: 'Văn bản công khai mới' }).waitFor()
    await expect(page.getByRole('link', { name: new RegExp('339-QĐ/TW') }).count()).resolves.toBeGreaterThan(0)
    await expect(page.getByRole('link', { name: 'Đăng nhập' }).getAttribute('href')).resolves.toBe('/dang-nhap')
    await checkPage(page, '/ (chưa đăng nhập)')
    await screenshot(page, 'site-01-trang-chu-chua-dang-nhap')
  })

  it('a member signs in and sees what reaches them, with deadlines and what is unread', async () => {
    await page.goto(`${server.url}/dang-nhap`)
    await page.getByLabel('Số thẻ đảng viên hoặc email').fill(MEMBER)
    await page.getByLabel('Mật khẩu', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.waitForURL('**/tai-khoan')
    await page.goto(`${server.url}/`)
    await page.getByRole('heading', { name: /^Chào đồng chí/ }).waitFor()
    await page.getByRole('heading', { name: 'Văn bản cấp ủy chuyển đến, có hạn triển khai' }).waitFor()
    await expect(page.locator('.deadline').first().textContent()).resolves.toMatch(/Hạn triển khai: \d{2}\/\d{2}\/\d{4}/)
    // Nothing is opened yet: the new documents are marked unread.
    await expect(page.locator('#van-ban-moi ~ ul .badge.new, section:has(#van-ban-moi) .badge.new').count()).resolves.toBeGreaterThan(0)
    await checkPage(page, '/')
    await screenshot(page, 'site-02-trang-chu')
  })

  it('the library offers the issuers and years of exactly the documents the member may read', async () => {
    await page.goto(`${server.url}/van-ban`)
    // What the member's own session reads over REST (in the page: same origin, their cookie).
    const readable = await page.evaluate(async () => {
      const res = await fetch('/api/documents?pagination=false&depth=0&select[issuer]=true&select[issuedDate]=true')
      return (await res.json()) as { docs: { issuer: string | number; issuedDate: string }[] }
    })
    expect(readable.docs.length).toBeGreaterThan(5)
    const issuers = [...new Set(readable.docs.map((d) => String(d.issuer)))].sort()
    const years = [...new Set(readable.docs.map((d) => String(new Date(d.issuedDate).getUTCFullYear())))].sort()
    const offered = async (label: string) => {
      await page.goto(`${server.url}/van-ban`)
      const values = await page.getByLabel(label).locator('option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
      return values.filter(Boolean).sort()
    }
    // The filters come from the search index, which the start-up rebuild may still be filling.
    await until('bộ lọc cơ quan ban hành đầy đủ', async () => JSON.stringify(await offered('Cơ quan ban hành')) === JSON.stringify(issuers), 30_000).catch(() => undefined)
    expect(await offered('Cơ quan ban hành')).toEqual(issuers)
    expect(await offered('Năm ban hành')).toEqual(years)
  })

  it('the library filters by type with a plain form and lists only matching documents', async () => {
    await page.goto(`${server.url}/van-ban`)
    await page.getByLabel('Loại văn bản').selectOption('quy-dinh')
    await page.getByRole('button', { name: 'Lọc văn bản' }).click()
    await page.waitForURL(/loai=quy-dinh/)
    const items = await page.locator('.list a.item').allTextContents()
    expect(items.length).toBeGreaterThan(0)
    for (const item of items) expect(item).toMatch(/Quy định/)
    await checkPage(page, '/van-ban')
    await screenshot(page, 'site-03-thu-vien')
  })

  it('the document page shows metadata, the table of contents, the full text and the player, and opens a section', async () => {
    // The page as it is once the pipeline has processed the regulation (summary, audio, player).
    await processed
    await page.getByRole('link', { name: new RegExp(QD339) }).first().click()
    await page.getByRole('heading', { level: 1, name: QD339 }).waitFor()
    documentPath = new URL(page.url()).pathname
    await expect(page.locator('.doc-meta').textContent()).resolves.toContain('Ban Bí thư')
    const toc = page.getByRole('navigation', { name: 'Mục lục' })
    await expect(toc.getByRole('link').count()).resolves.toBeGreaterThanOrEqual(6)
    await expect(page.locator('.reading').textContent()).resolves.toContain('Quy định này quy định mục đích')
    await toc.getByRole('link', { name: /^Điều 3/ }).click()
    await page.waitForURL(/#dieu-3$/)
    await expect(page.locator('#dieu-3').isVisible()).resolves.toBe(true)
    await expect(page.locator('.related').textContent()).resolves.toMatch(/Được hướng dẫn thi hành bởi|Là căn cứ của/)
    await page.getByRole('region', { name: 'Trình nghe văn bản' }).waitFor()
    await checkPage(page, documentPath)
    await screenshot(page, 'site-04-van-ban')
  }, 300_000)

  it('listening: the time advances, the highlighted sentence follows it, a tapped sentence plays from there, the position is resumed', async () => {
    const { full } = await processed
    const player = page.getByRole('region', { name: 'Trình nghe văn bản' })
    await page.goto(`${server.url}${documentPath}`)
    await expect(player.locator('audio').getAttribute('src')).resolves.toBe(full.url)
    await player.getByRole('button', { name: 'Nghe', exact: true }).click()
    await playedPast(page, 1)
    await player.getByRole('button', { name: 'Tạm dừng' }).waitFor()
    const first = await listening(page)
    expect(first).toEqual(expect.objectContaining({ paused: false, highlighted: 1 }))
    followsAudio(full.timings, first)
    // The highlight moves on to the next sentence as the audio plays.
    const next = full.timings[orderOf(full.timings, first.sentence) + (first.sentence === 'tieu-de' ? full.timings.filter((t) => t.sentenceId.startsWith('tieu-de.')).length : 1)]
    await page.waitForFunction((sid) => (document.querySelector(`main [aria-current="true"]`) as HTMLElement | null)?.dataset.sid === sid, next.sentenceId, { timeout: 60_000, polling: 100 })
    const later = await listening(page)
    expect(later).toEqual(expect.objectContaining({ paused: false, highlighted: 1, sentence: next.sentenceId }))
    expect(later.time * 1000).toBeGreaterThanOrEqual(next.startMs - 300)
    await screenshot(page, 'site-04b-nghe')

    // Tap a sentence of Điều 3: the audio jumps there and that sentence is highlighted.
    const target = full.timings.find((t) => t.sentenceId.startsWith('dieu-3.') && !t.sentenceId.endsWith('.h') && t.startMs > later.time * 1000 + 10_000)
    expect(target).toBeDefined()
    await page.locator(`.sentence[data-track="full"][data-sid="${target!.sentenceId}"]`).click()
    await playedPast(page, target!.startMs / 1000 + 0.5)
    const tapped = await listening(page)
    expect(tapped.time).toBeLessThan(target!.endMs / 1000 + 5)
    expect(tapped.paused).toBe(false)
    followsAudio(full.timings, tapped)
    expect(orderOf(full.timings, tapped.sentence)).toBeGreaterThanOrEqual(orderOf(full.timings, target!.sentenceId))
    await expect(page.locator(`.sentence[data-sid="${target!.sentenceId}"]`).isVisible()).resolves.toBe(true)
    await screenshot(page, 'site-04c-nghe-tu-cau')

    // Pausing keeps the position in the account; another phone of the same member resumes there.
    await player.getByRole('button', { name: 'Tạm dừng' }).click()
    const stoppedAt = Math.round((await listening(page)).time * 1000)
    listenedTo = stoppedAt
    const state = await until('vị trí nghe được lưu vào tài khoản', async () => {
      const rows = (await page.evaluate(async () => (await fetch('/api/reading-state?depth=0').then((r) => r.json())).docs)) as { positionMs?: number; track?: string; sentenceId?: string }[]
      return rows.find((r) => Math.abs((r.positionMs ?? 0) - stoppedAt) < 300)
    }, 15_000)
    const readAt = [...full.timings].reverse().find((t) => t.startMs <= state.positionMs!)!
    expect(state).toEqual(expect.objectContaining({ track: 'full', sentenceId: readAt.sentenceId }))
    const other = await openPhoneBrowser()
    try {
      await other.context.addCookies(await phone.context.cookies())
      const second = other.context.pages()[0] ?? (await other.context.newPage())
      await second.goto(`${server.url}${documentPath}`)
      const secondPlayer = second.getByRole('region', { name: 'Trình nghe văn bản' })
      const clock = (ms: number) => `${Math.floor(ms / 60_000)}:${String(Math.floor(ms / 1000) % 60).padStart(2, '0')}`
      await expect(secondPlayer.locator('.time').textContent()).resolves.toMatch(new RegExp(`^${clock(state.positionMs!)} /`))
      await secondPlayer.getByRole('button', { name: 'Nghe', exact: true }).click()
      await playedPast(second, state.positionMs! / 1000 + 0.5)
      const resumed = await listening(second)
      expect(resumed.time).toBeLessThan(state.positionMs! / 1000 + 10)
      followsAudio(full.timings, resumed)
      await screenshot(second, 'site-04d-nghe-tiep-may-khac')
    } finally {
      await other.close()
    }
  }, 180_000)

  it('"Lưu" saves the document to the account and to the phone', async () => {
    await page.goto(`${server.url}${documentPath}`)
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined))
    await page.getByRole('button', { name: 'Lưu' }).click()
    await page.getByText('Đã lưu. Văn bản đọc được cả khi không có mạng.').waitFor({ timeout: 30_000 })
    const rows = await page.evaluate(async () => (await fetch('/api/reading-state?depth=0').then((r) => r.json())).docs)
    expect(rows).toEqual([expect.objectContaining({ saved: true, openedAt: expect.any(String) })])
    await page.reload()
    await page.getByRole('button', { name: '✓ Đã lưu' }).waitFor()
    await page.goto(`${server.url}/`)
    await page.getByRole('heading', { name: /^Đã lưu/ }).waitFor()
    await screenshot(page, 'site-05-da-luu')
  })

  it('search finds the regulation typed without diacritics', async () => {
    const probe = await page.request.get(`${server.url}/api/search?q=so+tay`)
    if (probe.status() === 404) {
      console.warn('Chưa có API tìm kiếm trong bản build này: bỏ qua bước tìm kiếm.')
      return
    }
    await page.goto(`${server.url}/tim-kiem`)
    // The index is built in the background after start: type until it answers.
    const deadline = Date.now() + 90_000
    let found = 0
    while (Date.now() < deadline) {
      await page.getByRole('searchbox', { name: 'Từ cần tìm' }).fill('')
      await page.getByRole('searchbox', { name: 'Từ cần tìm' }).pressSequentially('su dung so tay dang vien', { delay: 20 })
      await page.getByRole('heading', { name: /^Tìm thấy|^Chưa tìm được/ }).waitFor()
      found = await page.locator('.hit').count()
      if (found > 0) break
      await page.waitForTimeout(2000)
    }
    expect(found).toBeGreaterThan(0)
    await expect(page.locator('.hit a').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/Sổ tay đảng viên điện tử/)]))
    expect(page.url()).toContain('q=su+dung+so+tay+dang+vien')
    await checkPage(page, '/tim-kiem')
    await screenshot(page, 'site-06-tim-kiem')
    // The same search as a plain GET form answer (no JavaScript needed).
    await page.goto(`${server.url}/tim-kiem?q=quy+dinh+339`)
    await expect(page.locator('.hit').count()).resolves.toBeGreaterThan(0)
    // That answer is the member's own: the ward's plan, which only its members may read, is found for
    // them, and the same page asked without their session finds nothing.
    const plan = `${server.url}/tim-kiem?q=${encodeURIComponent('23-KH/ĐU')}`
    await page.goto(plan)
    await expect(page.locator('.hit a').allTextContents()).resolves.toEqual(expect.arrayContaining([expect.stringMatching(/Kế hoạch tuyên truyền về sử dụng/)]))
    const anonymous = (await (await fetch(plan)).text()).replace(/<[^>]+>/g, '')
    expect(anonymous).toMatch(/Tìm thấy 0 kết quả/)
    expect(anonymous).not.toMatch(/Kế hoạch tuyên truyền về sử dụng/)
  }, 150_000)

  it('a news page reads and is accessible', async () => {
    await page.goto(`${server.url}/`)
    await page.locator('section:has(#tin-moi) a.item').first().click()
    await page.waitForURL(/\/tin-tuc\//)
    await page.getByRole('heading', { level: 2, name: 'Toàn văn' }).waitFor()
    await checkPage(page, '/tin-tuc/…')
    await screenshot(page, 'site-07-tin-tuc')
  })

  it('text size up to 200 % and the high-contrast theme stay accessible, and are remembered', async () => {
    await page.goto(`${server.url}${documentPath}`)
    await page.getByText('Cỡ chữ, màu').click()
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Chữ to hơn' }).click()
    await page.getByRole('button', { name: 'Bật tương phản cao' }).click()
    await page.reload()
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))
    expect(size).toBeGreaterThanOrEqual(35.9)
    await expect(page.evaluate(() => document.documentElement.dataset.contrast)).resolves.toBe('high')
    await expect(axeProblems(page)).resolves.toEqual([])
    await screenshot(page, 'site-08-chu-to-tuong-phan-cao')
    await page.getByText('Cỡ chữ, màu').click()
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Chữ nhỏ hơn' }).click()
    await page.getByRole('button', { name: 'Tắt tương phản cao' }).click()
  })

  it('offline, the saved document opens again and its audio plays; other pages show the offline page', async () => {
    const { full, summary } = await processed
    // Opening the page again (saving, text size) kept the position where the member stopped listening.
    const rows = (await page.evaluate(async () => (await fetch('/api/reading-state?depth=0').then((r) => r.json())).docs)) as { document?: unknown; positionMs?: number }[]
    const regulation = rows.find((r) => r.document != null && `/van-ban/${r.document}` === documentPath)
    expect(regulation?.positionMs).toBeGreaterThanOrEqual(listenedTo - 300)
    await phone.context.setOffline(true)
    try {
      await page.goto(`${server.url}${documentPath}`)
      await page.getByRole('heading', { level: 1, name: QD339 }).waitFor()
      await expect(page.locator('.reading').textContent()).resolves.toContain('Quy định này quy định mục đích')
      await expect(page.getByRole('navigation', { name: 'Mục lục' }).getByRole('link').count()).resolves.toBeGreaterThanOrEqual(6)
      await screenshot(page, 'site-09-ngoai-tuyen-van-ban')
      // The audio saved with the document plays from the phone's cache.
      const player = page.getByRole('region', { name: 'Trình nghe văn bản' })
      await player.getByText('Đã tải về máy: nghe được khi không có mạng.').waitFor()
      await player.getByRole('button', { name: 'Nghe', exact: true }).click()
      await player.getByRole('button', { name: 'Tạm dừng' }).waitFor()
      await playedPast(page, 0)
      const start = (await listening(page)).time
      // It resumes where the member stopped (the account's position, kept in the saved page).
      expect(start * 1000).toBeGreaterThanOrEqual(listenedTo - 1000)
      await playedPast(page, start + 2)
      const offline = await listening(page)
      expect(offline.paused).toBe(false)
      followsAudio(full.timings, offline)
      await screenshot(page, 'site-09b-ngoai-tuyen-nghe')
      // Near the end of the file too: the cached copy answers the element's Range requests.
      const late = full.timings[full.timings.length - 3]
      await page.locator(`.sentence[data-track="full"][data-sid="${late.sentenceId}"]`).click()
      await playedPast(page, late.startMs / 1000 + 0.5)
      // Reading along near the end, the controls are still on the screen, and the bar (with its "đã tải về"
      // line) leaves most of it to the text.
      const bar = await player.boundingBox()
      expect(bar).not.toBeNull()
      expect(bar!.y + bar!.height).toBeLessThanOrEqual(740 + 1)
      expect(bar!.height).toBeLessThanOrEqual(740 * 0.36)
      await player.getByRole('button', { name: 'Tạm dừng' }).click()
      // The summary was saved with it: it plays too, its sentences highlighted in the summary box.
      await player.getByRole('button', { name: 'Tùy chọn' }).click()
      await player.getByRole('button', { name: 'Nghe tóm tắt' }).click()
      await expect(player.locator('audio').getAttribute('src')).resolves.toBe(summary.url)
      await player.getByRole('button', { name: 'Nghe', exact: true }).click()
      await playedPast(page, 1)
      const heard = await listening(page)
      expect(heard.paused).toBe(false)
      followsAudio(summary.timings, heard)
      await expect(page.locator('.summary-box .sentence[aria-current="true"]').count()).resolves.toBe(1)
      await player.getByRole('button', { name: 'Tạm dừng' }).click()
      await page.goto(`${server.url}/van-ban?loai=chi-thi`)
      await page.getByRole('heading', { level: 1, name: 'Không có kết nối mạng' }).waitFor()
      await checkPage(page, '/ngoai-tuyen')
      await screenshot(page, 'site-10-ngoai-tuyen')
    } finally {
      await phone.context.setOffline(false)
    }
  })
})
