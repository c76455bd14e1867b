/*
 * Service worker of the member site (hand-written, no build step).
 * - App shell (offline page, icons, manifest, the offline page's styles) cached on install.
 * - Next's static files (/_next/static, content-hashed): cache first.
 * - Pages: network first; without a network, a page the member saved ("Lưu", cached by the page in
 *   sotay-saved-v1), else the offline page.
 * - Audio (/api/documents/:id/audio/…): from sotay-audio-v1 when the member downloaded it ("Tải về"),
 *   answering Range requests from the cached file; otherwise the network.
 * Cache names are shared with src/app/(site)/_components/offline.ts.
 */
const SHELL = 'sotay-shell-v1'
const STATIC = 'sotay-static-v1'
const SAVED = 'sotay-saved-v1'
const AUDIO = 'sotay-audio-v1'
const KEEP = [SHELL, STATIC, SAVED, AUDIO]
const OFFLINE = '/ngoai-tuyen'
const SHELL_FILES = [OFFLINE, '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png', '/icons/icon.svg']

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL)
      await shell.addAll(SHELL_FILES)
      // The offline page's own styles and scripts.
      const page = await shell.match(OFFLINE)
      const html = page ? await page.text() : ''
      const assets = [...new Set(html.match(/\/_next\/static\/[^"'\s)]+/g) || [])]
      const statics = await caches.open(STATIC)
      await Promise.all(assets.map((url) => statics.add(url).catch(() => undefined)))
      await self.skipWaiting()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith('sotay-') && !KEEP.includes(name)) await caches.delete(name)
      await self.clients.claim()
    })(),
  )
})

/** A 206 answer for `request`'s Range out of a whole cached file. */
async function ranged(request, cached) {
  const range = request.headers.get('range')
  const type = cached.headers.get('content-type') || 'audio/mpeg'
  const body = await cached.arrayBuffer()
  const size = body.byteLength
  if (!range) return new Response(body, { status: 200, headers: { 'content-type': type, 'content-length': String(size), 'accept-ranges': 'bytes' } })
  const m = /bytes=(\d*)-(\d*)/.exec(range)
  let start = m && m[1] ? Number(m[1]) : 0
  let end = m && m[2] ? Number(m[2]) : size - 1
  if (m && !m[1] && m[2]) {
    start = Math.max(0, size - Number(m[2]))
    end = size - 1
  }
  end = Math.min(end, size - 1)
  if (start > end || start >= size) return new Response(null, { status: 416, headers: { 'content-range': `bytes */${size}` } })
  return new Response(body.slice(start, end + 1), {
    status: 206,
    headers: { 'content-type': type, 'content-range': `bytes ${start}-${end}/${size}`, 'content-length': String(end - start + 1), 'accept-ranges': 'bytes' },
  })
}

async function audio(request) {
  const url = new URL(request.url)
  const cached = await (await caches.open(AUDIO)).match(url.pathname + url.search)
  if (cached) return ranged(request, cached)
  return fetch(request)
}

async function staticFile(request) {
  const cache = await caches.open(STATIC)
  const hit = await cache.match(request)
  if (hit) return hit
  const res = await fetch(request)
  if (res.ok) cache.put(request, res.clone())
  return res
}

async function page(request) {
  try {
    return await fetch(request)
  } catch (err) {
    const url = new URL(request.url)
    const saved = await (await caches.open(SAVED)).match(url.pathname, { ignoreSearch: true })
    if (saved) return saved
    const offline = await caches.match(OFFLINE)
    if (offline) return offline
    throw err
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (/^\/api\/(documents|news)\/[^/]+\/audio\//.test(url.pathname)) return event.respondWith(audio(request))
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/admin')) return
  if (url.pathname.startsWith('/_next/static/')) return event.respondWith(staticFile(request))
  if (request.mode === 'navigate') return event.respondWith(page(request))
  if (SHELL_FILES.includes(url.pathname)) event.respondWith(caches.match(url.pathname).then((hit) => hit || fetch(request)))
})
