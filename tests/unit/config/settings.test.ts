/**
 * The one configuration module (src/server/config.ts): every variable parsed one way, a wrong value refused with
 * a Vietnamese message naming it, and the README's table and `.env.example` equal to what it says.
 */
import { readFileSync } from 'node:fs'
import { checkSettings, envExample, parseSetting, SETTINGS, settingsTable, type SettingName } from '../../../src/server/config'

const START = '<!-- settings:start (npm run settings:docs) -->'
const END = '<!-- settings:end -->'

it('the README table and .env.example are what src/server/config.ts says (npm run settings:docs)', () => {
  const readme = readFileSync('README.md', 'utf8')
  const table = readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim()
  expect(table).toBe(settingsTable())
  expect(readFileSync('.env.example', 'utf8')).toBe(envExample())
})

it('no code outside src/server/config.ts reads a setting straight from process.env', () => {
  const names = Object.keys(SETTINGS)
  for (const file of ['server.ts', 'payload.config.ts', 'src/server/runtime.ts', 'src/server/app.ts', 'src/server/rateLimits.ts', 'search/threads.ts', 'search/index.ts']) {
    const text = readFileSync(file, 'utf8')
    for (const name of names) expect(`${file}: ${text.includes(`process.env.${name}`) || text.includes(`process.env['${name}']`)}`).toBe(`${file}: false`)
  }
})

it('every setting has a default: nothing set is a valid configuration', () => {
  const saved = { ...process.env }
  try {
    for (const name of Object.keys(SETTINGS)) delete process.env[name]
    expect(() => checkSettings()).not.toThrow()
  } finally {
    process.env = saved
  }
})

it.each<[SettingName, string, RegExp]>([
  ['PORT', 'ba nghìn', /PORT phải là một số nguyên từ 1 đến 65535 \(nhận được "ba nghìn"\)/],
  ['PORT', '70000', /PORT phải là một số nguyên/],
  ['WORKERS', 'maybe', /WORKERS phải là "on" hoặc "off"/],
  ['BODY_LIMIT_JSON', 'lớn', /BODY_LIMIT_JSON phải là số byte/],
  ['DATABASE_URL', 'mysql://x', /DATABASE_URL dùng kiểu "mysql:" không được hỗ trợ/],
  ['PII_KEY', 'ngắn', /PII_KEY phải là base64 của đúng 32 byte/],
  ['SERVER_URL', 'sotay.vn', /SERVER_URL phải là một địa chỉ đầy đủ/],
  ['LOGIN_FAILURES_PER_ACCOUNT', '0', /LOGIN_FAILURES_PER_ACCOUNT phải là một số nguyên từ 1 trở lên/],
  ['READ_CACHE_TTL_MS', '-5', /READ_CACHE_TTL_MS phải là một số nguyên từ 0 trở lên/],
])('%s=%p is refused with a Vietnamese message naming it', (name, value, message) => {
  expect(() => parseSetting(name, value)).toThrow(message)
})

it('parses what operators write', () => {
  expect(parseSetting('BODY_LIMIT_JSON', '2mb')).toBe(2 * 1024 * 1024)
  expect(parseSetting('BODY_LIMIT_JSON', '')).toBe(1024 * 1024)
  expect(parseSetting('TRUST_PROXY', '1')).toBe(true)
  expect(parseSetting('TRUST_PROXY', '')).toBe(false)
  expect(parseSetting('NEXT', 'off')).toBe(false)
  expect(parseSetting('SEED_DEMO', '')).toBeUndefined()
  expect(parseSetting('SEED_DEMO', '0')).toBe(false)
  expect(parseSetting('SERVER_URL', 'https://sotay.example.vn/')).toBe('https://sotay.example.vn')
})
