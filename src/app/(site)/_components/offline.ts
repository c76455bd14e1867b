/**
 * The browser caches the service worker (public/sw.js) reads from when there is no network: saved pages,
 * downloaded audio, and the static files those pages need. Names must match sw.js.
 */
export const SAVED_CACHE = 'sotay-saved-v1'
export const AUDIO_CACHE = 'sotay-audio-v1'
export const STATIC_CACHE = 'sotay-static-v1'

const hasCaches = () => typeof caches !== 'undefined'

/** The scripts, styles and fonts this page loaded, so that it still works when reopened offline. */
async function keepStatic(): Promise<void> {
  const urls = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
    .map((r) => new URL(r.name))
    .filter((u) => u.origin === location.origin && u.pathname.startsWith('/_next/static/'))
    .map((u) => u.href)
  const cache = await caches.open(STATIC_CACHE)
  await Promise.all([...new Set(urls)].map(async (url) => ((await cache.match(url)) ? undefined : cache.add(url).catch(() => undefined))))
}

/** Downloads audio files for offline listening. */
export async function keepAudio(urls: string[]): Promise<void> {
  if (!hasCaches() || urls.length === 0) return
  const cache = await caches.open(AUDIO_CACHE)
  for (const url of urls) {
    if (await cache.match(url)) continue
    const res = await fetch(url, { credentials: 'same-origin' })
    if (!res.ok) throw new Error('Chưa tải được bản nghe; đồng chí thử lại khi có mạng.')
    await cache.put(url, new Response(await res.blob(), { headers: { 'content-type': res.headers.get('content-type') ?? 'audio/mpeg' } }))
  }
}

export async function hasAudio(urls: string[]): Promise<boolean> {
  if (!hasCaches() || urls.length === 0) return false
  const cache = await caches.open(AUDIO_CACHE)
  return (await Promise.all(urls.map((u) => cache.match(u)))).every(Boolean)
}

/** Keeps the page at `path` (fetched fresh), its static files and its audio. */
export async function keepOffline(path: string, audio: string[]): Promise<void> {
  if (!hasCaches()) return
  const page = await fetch(path, { credentials: 'same-origin', cache: 'no-store' })
  if (page.ok) await (await caches.open(SAVED_CACHE)).put(path, page)
  await keepStatic()
  await keepAudio(audio)
}

export async function dropOffline(path: string): Promise<void> {
  if (!hasCaches()) return
  await (await caches.open(SAVED_CACHE)).delete(path)
}
