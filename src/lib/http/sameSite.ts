/** Where the member site may send a browser back to, and which requests come from its own pages. Pure. */

/**
 * `back` as a path on this site, or null. Browsers read `\` as `/` and drop tabs and newlines, so `/\evil`,
 * `/\t/evil` and `//evil` all lead to another host; what is kept is resolved against a placeholder origin and
 * must stay on it.
 */
export function localPath(back: unknown): string | null {
  if (typeof back !== 'string' || !back.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(back)) return null
  try {
    const base = 'http://sotay.invalid'
    const url = new URL(back, base)
    return url.origin === base ? url.pathname + url.search + url.hash : null
  } catch {
    return null
  }
}

/**
 * True when the request's Origin header (when present) names this host. `Origin: null` (sandboxed frames,
 * file: pages, some redirects) and anything unparsable count as another site.
 */
export function fromThisSite(origin: string | null, host: string | null): boolean {
  if (origin === null) return true // no Origin: a same-origin navigation or a non-browser client
  try {
    return origin !== 'null' && new URL(origin).host === host
  } catch {
    return false
  }
}
