/**
 * Pure helpers of `npm run probe:security` (scripts/probe-security.ts): where the probe may send traffic,
 * and the small judgements it makes on what the server answered. No I/O here, so they are unit-tested
 * (tests/unit/security/probe-helpers.test.ts).
 */

export const DEFAULT_PROBE_URL = 'http://localhost:3000'

export type ProbeTarget = {
  /** The server's base URL, without a trailing slash. */
  base: string
  /** True when the host is not a loopback address (only with --allow-remote). */
  remote: boolean
}

/** localhost, 127.0.0.0/8 and ::1 (with or without brackets, as URL.hostname gives it). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  if (host === 'localhost' || host.endsWith('.localhost')) return true
  if (host === '::1' || host === '0:0:0:0:0:0:0:1') return true
  const v4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  return !!v4 && v4.slice(1).every((n) => Number(n) <= 255)
}

/**
 * The target from the command line (first argument that is not a flag), else PROBE_URL, else
 * http://localhost:3000. A host that is not loopback is refused unless `--allow-remote` is given: the
 * probe sends attacks (floods, lockouts, a 20 MB body) and must never reach a server by accident.
 */
export function probeTarget(argv: readonly string[], env: Record<string, string | undefined>): ProbeTarget {
  const allowRemote = argv.includes('--allow-remote')
  const raw = argv.find((a) => !a.startsWith('--')) ?? env.PROBE_URL ?? DEFAULT_PROBE_URL
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    throw new Error(`Not a URL: ${raw}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`Only http:// and https:// URLs are probed, not ${url.protocol}`)
  const remote = !isLoopbackHost(url.hostname)
  if (remote && !allowRemote) throw new Error(`Refusing to probe ${url.host}: not a loopback address (add --allow-remote to probe a server you own).`)
  return { base: `${url.origin}${url.pathname.replace(/\/+$/, '')}`, remote }
}

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing')
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/** True when a redirect's Location leads away from `base` (resolved as a browser does: `/\host` is `//host`). */
export function isOffSite(location: string, base: string): boolean {
  try {
    return new URL(location, base).host !== new URL(base).host
  } catch {
    return false
  }
}

/**
 * The security headers missing from a response: framing (CSP frame-ancestors or X-Frame-Options),
 * nosniff, Referrer-Policy, and HSTS when served over https. Header names in lower case.
 */
export function missingSecurityHeaders(headers: Record<string, string | string[] | undefined>, https: boolean): string[] {
  const get = (name: string) => {
    const v = headers[name]
    return (Array.isArray(v) ? v.join(', ') : (v ?? '')).toLowerCase()
  }
  const missing: string[] = []
  if (!/frame-ancestors/.test(get('content-security-policy')) && !/^(deny|sameorigin)$/.test(get('x-frame-options').trim()))
    missing.push('frame-ancestors/X-Frame-Options')
  if (get('x-content-type-options').trim() !== 'nosniff') missing.push('nosniff')
  if (!get('referrer-policy')) missing.push('Referrer-Policy')
  if (https && !/max-age=\d+/.test(get('strict-transport-security'))) missing.push('HSTS')
  return missing
}

/** A GraphQL query asking `count` aliases of the Documents list, `limit` rows each (issue 16, finding 3). */
export function aliasBomb(count: number, limit: number): string {
  const parts: string[] = []
  for (let i = 0; i < count; i++) parts.push(`a${i}: Documents(limit: ${limit}) { docs { id } }`)
  return `query { ${parts.join(' ')} }`
}

/**
 * Whether two answers tell the same thing: same status and the same body once each submitted value is
 * replaced by a placeholder (an answer may echo what was sent without telling whether it exists).
 */
export function sameAnswer(a: { status: number; text: string; sent: readonly string[] }, b: { status: number; text: string; sent: readonly string[] }): boolean {
  const strip = (text: string, sent: readonly string[]) => sent.filter(Boolean).reduce((t, v) => t.split(v).join('«sent»'), text)
  return a.status === b.status && strip(a.text, a.sent) === strip(b.text, b.sent)
}

export type Verdict = 'held' | 'FAILED' | 'skipped'

/**
 * One line's verdict from its parts: true held, false failed, undefined could not be measured (a rate
 * limit answered first). Any failed part fails the line; otherwise an unmeasured part leaves it skipped.
 */
export function verdictOf(parts: readonly (boolean | undefined)[]): Verdict {
  if (parts.some((p) => p === false)) return 'FAILED'
  return parts.some((p) => p === undefined) ? 'skipped' : 'held'
}

/** The closing line: "N held, M failed" (and the skipped count when there are some). */
export function summaryLine(verdicts: readonly Verdict[]): string {
  const count = (v: Verdict) => verdicts.filter((x) => x === v).length
  const skipped = count('skipped')
  return `${count('held')} held, ${count('FAILED')} failed${skipped ? `, ${skipped} skipped` : ''}`
}
