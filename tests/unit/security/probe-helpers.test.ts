/** The pure helpers of `npm run probe:security`: where it may send traffic, and how it judges answers. */
import {
  aliasBomb,
  isLoopbackHost,
  isOffSite,
  median,
  missingSecurityHeaders,
  probeTarget,
  sameAnswer,
  summaryLine,
  verdictOf,
} from '../../../scripts/probe-security-helpers'

describe('probeTarget: only loopback unless --allow-remote', () => {
  it('takes the first argument, else PROBE_URL, else localhost:3000', () => {
    expect(probeTarget(['http://127.0.0.1:3917/'], {})).toEqual({ base: 'http://127.0.0.1:3917', remote: false })
    expect(probeTarget(['--allow-remote'], { PROBE_URL: 'http://[::1]:4000' })).toEqual({ base: 'http://[::1]:4000', remote: false })
    expect(probeTarget([], {}).base).toBe('http://localhost:3000')
  })

  it('refuses a host that is not loopback, and names the flag that allows it', () => {
    for (const url of ['http://example.com', 'http://10.0.0.5:3000', 'http://128.0.0.1', 'http://127.0.0.1.evil.example', 'http://localhost@evil.example/'])
      expect(() => probeTarget([url], {})).toThrow(/--allow-remote/)
    expect(() => probeTarget([], { PROBE_URL: 'https://sotay.example.vn' })).toThrow(/not a loopback/)
  })

  it('probes a remote host with --allow-remote, marked remote', () => {
    expect(probeTarget(['https://sotay.example.vn/', '--allow-remote'], {})).toEqual({ base: 'https://sotay.example.vn', remote: true })
  })

  it('refuses what is not an http(s) URL', () => {
    expect(() => probeTarget(['localhost:3000'], {})).toThrow()
    expect(() => probeTarget(['file:///etc/passwd'], {})).toThrow(/http/)
    expect(() => probeTarget(['not a url'], {})).toThrow(/Not a URL/)
  })

  it('knows the loopback names and addresses', () => {
    for (const host of ['localhost', 'LOCALHOST', 'app.localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]']) expect(isLoopbackHost(host)).toBe(true)
    for (const host of ['127.0.0.256', '0.0.0.0', '192.168.1.1', 'localhost.example', '::', 'example.com']) expect(isLoopbackHost(host)).toBe(false)
  })
})

describe('judgements', () => {
  it('median of odd and even counts, whatever the order', () => {
    expect(median([300, 10, 20])).toBe(20)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(() => median([])).toThrow()
  })

  it('a Location is off-site as a browser resolves it', () => {
    const base = 'http://127.0.0.1:3000'
    expect(isOffSite('/\\evil.example', base)).toBe(true)
    expect(isOffSite('//evil.example/x', base)).toBe(true)
    expect(isOffSite('https://evil.example', base)).toBe(true)
    expect(isOffSite('/van-ban/1', base)).toBe(false)
    expect(isOffSite('http://127.0.0.1:3000/tai-khoan', base)).toBe(false)
  })

  it('names the missing security headers; HSTS only over https', () => {
    expect(missingSecurityHeaders({}, false)).toEqual(['frame-ancestors/X-Frame-Options', 'nosniff', 'Referrer-Policy'])
    const good = { 'content-security-policy': "default-src 'self'; frame-ancestors 'self'", 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' }
    expect(missingSecurityHeaders(good, false)).toEqual([])
    expect(missingSecurityHeaders(good, true)).toEqual(['HSTS'])
    expect(missingSecurityHeaders({ ...good, 'content-security-policy': undefined, 'x-frame-options': 'SAMEORIGIN', 'strict-transport-security': 'max-age=15552000' }, true)).toEqual([])
    expect(missingSecurityHeaders({ ...good, 'content-security-policy': "default-src 'self'" }, false)).toEqual(['frame-ancestors/X-Frame-Options'])
  })

  it('two answers are the same when only the values sent differ', () => {
    const taken = { status: 400, text: 'Số 031151100147 đã được đăng ký.', sent: ['031151100147'] }
    expect(sameAnswer(taken, { status: 400, text: 'Số 031151900001 đã được đăng ký.', sent: ['031151900001'] })).toBe(true)
    expect(sameAnswer(taken, { status: 400, text: 'Số điện thoại không hợp lệ.', sent: ['031151900001'] })).toBe(false)
    expect(sameAnswer(taken, { ...taken, status: 201 })).toBe(false)
  })

  it('a line fails on any failed part, is skipped when a part could not be measured', () => {
    expect(verdictOf([true, true])).toBe('held')
    expect(verdictOf([true, undefined, false])).toBe('FAILED')
    expect(verdictOf([true, undefined])).toBe('skipped')
    expect(summaryLine(['held', 'FAILED', 'FAILED'])).toBe('1 held, 2 failed')
    expect(summaryLine(['held', 'skipped'])).toBe('1 held, 0 failed, 1 skipped')
  })

  it('the alias query has the asked number of aliases and page size', () => {
    const query = aliasBomb(240, 200)
    expect(query.match(/Documents\(limit: 200\)/g)).toHaveLength(240)
    expect(query).toMatch(/^query \{ a0: .* a239: Documents/)
  })
})
