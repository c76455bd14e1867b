/**
 * Every environment variable the platform reads, in one place: its name, default, how it is parsed and what it
 * means (the README's table and `.env.example` are checked against this list by tests/unit/config/settings.test.ts).
 *
 * Values are read when asked, not once at load: tests, the cluster's primary and the CLI set them between uses.
 * `checkSettings()` parses every one at start, so a wrong value stops the server at once with a Vietnamese
 * message naming the variable instead of surfacing later in a request.
 */
import os from 'node:os'

type Setting<T> = {
  name: string
  /** The default as the README shows it. */
  shown: string
  /** What it does, in the README's words. */
  doc: string
  /** Set by the platform itself (not in the README or `.env.example`). */
  internal?: boolean
  /** The trimmed value ('' when unset) → the setting; throws an Error whose message says what is expected. */
  parse: (raw: string) => T
}

const setting = <T>(s: Setting<T>): Setting<T> => s

/** A whole number in [min, max]; `fallback` when unset. */
const integer =
  (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) =>
  (raw: string): number => {
    if (raw === '') return fallback
    const n = Number(raw)
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`phải là một số nguyên từ ${min}${max === Number.MAX_SAFE_INTEGER ? ' trở lên' : ` đến ${max}`}`)
    return n
  }

const ON = ['on', '1', 'true', 'yes']
const OFF = ['off', '0', 'false', 'no']
/** on/off (also 1/0, true/false, yes/no). */
const onOff =
  (fallback: boolean) =>
  (raw: string): boolean => {
    const v = raw.toLowerCase()
    if (v === '') return fallback
    if (ON.includes(v)) return true
    if (OFF.includes(v)) return false
    throw new Error('phải là "on" hoặc "off" (hoặc 1/0)')
  }

const text = (fallback = '') => (raw: string): string => raw || fallback

/** Bytes, or a size such as "1mb" or "500kb". */
const byteSize =
  (fallback: number) =>
  (raw: string): number => {
    if (raw === '') return fallback
    const match = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i.exec(raw)
    if (!match) throw new Error('phải là số byte hoặc một cỡ như "1mb", "500kb"')
    const unit = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 }[(match[2] ?? 'b').toLowerCase() as 'b']
    const bytes = Math.floor(Number(match[1]) * unit)
    if (bytes < 1024) throw new Error('phải từ 1 KB trở lên')
    return bytes
  }

const MAX_WEB_PROCESSES = 64

export const SETTINGS = {
  PORT: setting({ name: 'PORT', shown: '`3000`', doc: 'Cổng HTTP', parse: integer(3000, 1, 65535) }),
  DATABASE_URL: setting({
    name: 'DATABASE_URL',
    shown: '*(trống)* → SQLite `./data/sotay.db`',
    doc: '`postgres://…` → PostgreSQL; `mongodb://…` → MongoDB (xem dưới); `file:…` → tệp SQLite khác',
    parse: (raw) => {
      if (raw && !/^(file:|postgres(ql)?:\/\/|mongodb(\+srv)?:\/\/)/.test(raw))
        throw new Error(`dùng kiểu "${raw.split(':')[0]}:" không được hỗ trợ (dùng postgres://, mongodb:// hoặc để trống cho SQLite)`)
      return raw
    },
  }),
  DATABASE_POOL_SIZE: setting({ name: 'DATABASE_POOL_SIZE', shown: '`10`', doc: 'Số kết nối PostgreSQL tối đa mỗi tiến trình', parse: integer(10, 1, 1000) }),
  DATA_DIR: setting({ name: 'DATA_DIR', shown: '`./data`', doc: 'Thư mục dữ liệu của bản nhúng: cơ sở dữ liệu SQLite, khóa tự sinh', parse: text('data') }),
  PAYLOAD_SECRET: setting({
    name: 'PAYLOAD_SECRET',
    shown: 'sinh ngẫu nhiên, lưu `./data/payload-secret.key`',
    doc: 'Khóa ký phiên đăng nhập. **Bắt buộc đặt** khi chạy nhiều máy chủ',
    parse: text(),
  }),
  PII_KEY: setting({
    name: 'PII_KEY',
    shown: 'sinh ngẫu nhiên, lưu `./data/pii.key` (quyền 0600)',
    doc: 'Khóa mã hóa số định danh cá nhân: base64 của 32 byte (`openssl rand -base64 32`). Mất khóa là mất dữ liệu đã mã hóa: hãy sao lưu',
    parse: (raw) => {
      if (raw && Buffer.from(raw, 'base64').length !== 32) throw new Error('phải là base64 của đúng 32 byte (openssl rand -base64 32)')
      return raw
    },
  }),
  SERVER_URL: setting({
    name: 'SERVER_URL',
    shown: '`http://localhost:$PORT`',
    doc: 'Địa chỉ công khai (CORS, CSRF, đường dẫn)',
    parse: (raw) => {
      if (!raw) return ''
      let url: URL
      try {
        url = new URL(raw)
      } catch {
        throw new Error('phải là một địa chỉ đầy đủ, ví dụ https://sotay.example.vn')
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('phải bắt đầu bằng http:// hoặc https://')
      return raw.replace(/\/+$/, '')
    },
  }),
  WORKERS: setting({ name: 'WORKERS', shown: '`on`', doc: '`off`: máy chủ web không chạy hàng đợi công việc nền (khi chạy `npm run worker` riêng)', parse: onOff(true) }),
  SEED_DEMO: setting({
    name: 'SEED_DEMO',
    shown: '`1` với SQLite, `0` với cơ sở dữ liệu khác',
    doc: 'Nạp dữ liệu mẫu khi cơ sở dữ liệu còn trống; `0` để bỏ qua',
    parse: (raw) => (raw === '' ? undefined : onOff(false)(raw)),
  }),
  NEXT: setting({ name: 'NEXT', shown: '`on`', doc: '`off`: chỉ phục vụ API (không có giao diện)', parse: onOff(true) }),
  WEB_PROCESSES: setting({
    name: 'WEB_PROCESSES',
    shown: '`1`',
    doc: 'Số tiến trình web cùng phục vụ một cổng; `auto`: mỗi lõi CPU một tiến trình (cho máy chủ nhiều lõi, xem dưới)',
    parse: (raw) => {
      if (raw === 'auto') return Math.max(1, Math.min(MAX_WEB_PROCESSES, os.availableParallelism()))
      const n = raw === '' ? 1 : Number(raw)
      if (!Number.isInteger(n) || n < 1 || n > MAX_WEB_PROCESSES) throw new Error(`phải là một số nguyên từ 1 đến ${MAX_WEB_PROCESSES} hoặc "auto"`)
      return n
    },
  }),
  TRUST_PROXY: setting({
    name: 'TRUST_PROXY',
    shown: '`0`',
    doc: '`1` khi chạy sau reverse proxy: địa chỉ người dùng lấy từ `X-Forwarded-For` (mục đầu; proxy phải ghi đè tiêu đề này), giao thức từ `X-Forwarded-Proto` (cookie `Secure`, HSTS). Không đặt thì mọi tiêu đề đó bị bỏ qua',
    parse: onOff(false),
  }),
  BODY_LIMIT_JSON: setting({
    name: 'BODY_LIMIT_JSON',
    shown: '`1mb`',
    doc: 'Thân yêu cầu (không phải tải tệp) lớn nhất, số byte hoặc kèm `kb`/`mb`/`gb`; quá thì 413',
    parse: byteSize(1024 * 1024),
  }),
  GRAPHQL_TIME_BUDGET_MS: setting({ name: 'GRAPHQL_TIME_BUDGET_MS', shown: '`5000`', doc: 'Thời gian một yêu cầu GraphQL được dùng; quá thì dừng, trả 503', parse: integer(5000, 1) }),
  LOGIN_FAILURES_PER_ACCOUNT: setting({
    name: 'LOGIN_FAILURES_PER_ACCOUNT',
    shown: '`5`',
    doc: 'Số lần đăng nhập sai liên tiếp từ một địa chỉ cho một tài khoản trước khi cặp đó bị chặn',
    parse: integer(5, 1),
  }),
  LOGIN_BLOCK_SECONDS: setting({ name: 'LOGIN_BLOCK_SECONDS', shown: '`60`', doc: 'Lần chặn đầu (giây); gấp đôi mỗi lần sau', parse: integer(60, 1) }),
  LOGIN_BLOCK_MAX_SECONDS: setting({ name: 'LOGIN_BLOCK_MAX_SECONDS', shown: '`3600`', doc: 'Lần chặn dài nhất (giây)', parse: integer(3600, 1) }),
  LOGIN_FAILURES_PER_ADDRESS: setting({ name: 'LOGIN_FAILURES_PER_ADDRESS', shown: '`30`', doc: 'Số lần đăng nhập sai mỗi địa chỉ (mọi tài khoản) trong `LOGIN_ADDRESS_WINDOW_SECONDS`', parse: integer(30, 1) }),
  LOGIN_ADDRESS_WINDOW_SECONDS: setting({ name: 'LOGIN_ADDRESS_WINDOW_SECONDS', shown: '`900`', doc: 'Khoảng thời gian (giây) của giới hạn trên', parse: integer(900, 1) }),
  REGISTER_PER_ADDRESS: setting({ name: 'REGISTER_PER_ADDRESS', shown: '`20`', doc: 'Số lần đăng ký mỗi địa chỉ trong `REGISTER_WINDOW_SECONDS`', parse: integer(20, 1) }),
  REGISTER_PER_ACCOUNT: setting({ name: 'REGISTER_PER_ACCOUNT', shown: '`5`', doc: 'Số lần đăng ký với cùng một số thẻ, số định danh hay e-mail trong `REGISTER_WINDOW_SECONDS`', parse: integer(5, 1) }),
  REGISTER_WINDOW_SECONDS: setting({ name: 'REGISTER_WINDOW_SECONDS', shown: '`3600`', doc: 'Khoảng thời gian (giây) của hai giới hạn đăng ký', parse: integer(3600, 1) }),
  RESET_PER_ADDRESS: setting({ name: 'RESET_PER_ADDRESS', shown: '`10`', doc: 'Số yêu cầu quên/đặt lại mật khẩu mỗi địa chỉ trong `RESET_WINDOW_SECONDS`', parse: integer(10, 1) }),
  RESET_WINDOW_SECONDS: setting({ name: 'RESET_WINDOW_SECONDS', shown: '`3600`', doc: 'Khoảng thời gian (giây) của giới hạn trên', parse: integer(3600, 1) }),
  WORKER_INTERVAL_MS: setting({ name: 'WORKER_INTERVAL_MS', shown: '`1000`', doc: 'Chu kỳ hỏi hàng đợi của tiến trình xử lý nền', parse: integer(1000, 10) }),
  READ_CACHE_TTL_MS: setting({
    name: 'READ_CACHE_TTL_MS',
    shown: '`10000`',
    doc: 'Trang đảng viên giữ những gì đã đọc, máy chủ giữ tài khoản của mỗi phiên, giữa các yêu cầu tối đa chừng này mili giây (xem docs/performance.md); `0`: tắt',
    parse: integer(10_000, 0),
  }),
  SEARCH_THREADS: setting({
    name: 'SEARCH_THREADS',
    shown: 'số lõi CPU (tối đa 4)',
    doc: 'Số luồng chạy truy vấn tìm kiếm của bản nhúng, chung một hàng đợi (truy vấn đi tới luồng rảnh trước); `0`: chạy ngay trên luồng chính',
    parse: (raw) => (raw === '' ? Math.min(4, os.availableParallelism()) : integer(0, 0, 16)(raw)),
  }),
  SEARCH_RESULT_CACHE: setting({
    name: 'SEARCH_RESULT_CACHE',
    shown: '`2000`',
    doc: 'Số câu trả lời tìm kiếm được giữ cho truy vấn lặp lại (cùng phạm vi, cùng bộ lọc; bỏ ngay khi chỉ mục đổi, tối đa 5 giây); `0`: tắt',
    parse: integer(2000, 0),
  }),
  SEARCH_RANK_EXTENSION: setting({
    name: 'SEARCH_RANK_EXTENSION',
    shown: '`on`',
    doc: '`off`: không dùng phần mở rộng xếp hạng `search/rank/` dù đã dựng (xếp bằng `bm25()` của FTS5, cùng kết quả)',
    parse: onOff(true),
  }),
  SEARCH_DB_PATH: setting({ name: 'SEARCH_DB_PATH', shown: '`$DATA_DIR/search.db`', doc: 'Tệp chỉ mục tìm kiếm nhúng (SQLite FTS5)', parse: text() }),
  SEARCH_SWEEP_MS: setting({ name: 'SEARCH_SWEEP_MS', shown: '`1000`', doc: 'Chu kỳ đưa vào chỉ mục những văn bản, tin vừa đến giờ phát hành hẹn trước', parse: integer(1000, 10) }),
  MEILI_HOST: setting({ name: 'MEILI_HOST', shown: '*(trống)*', doc: 'Địa chỉ Meilisearch: đặt thì tìm kiếm dùng Meilisearch thay cho chỉ mục nhúng', parse: text() }),
  MEILI_API_KEY: setting({ name: 'MEILI_API_KEY', shown: '*(trống)*', doc: 'Khóa API của Meilisearch', parse: text() }),
  MEILI_INDEX: setting({ name: 'MEILI_INDEX', shown: '*(trống)*', doc: 'Tên chỉ mục trong Meilisearch', parse: text() }),
  SOTAY_SUMMARY_MODEL_DIR: setting({
    name: 'SOTAY_SUMMARY_MODEL_DIR',
    shown: '*(trống)*',
    doc: 'Thư mục mô hình câu (embedding) quản trị viên đặt sẵn cho tóm tắt; không bao giờ tải mô hình khi chạy',
    parse: text(),
  }),
  SOTAY_SUMMARY_MODEL: setting({ name: 'SOTAY_SUMMARY_MODEL', shown: '*(trống)*', doc: 'Tên mô hình trong thư mục trên', parse: text() }),
  NODE_ENV: setting({ name: 'NODE_ENV', shown: '', doc: 'production / development (đặt bởi các lệnh npm)', internal: true, parse: text() }),
  SOTAY_WEB_INDEX: setting({ name: 'SOTAY_WEB_INDEX', shown: '', doc: 'Số thứ tự của tiến trình web (đặt bởi tiến trình chính)', internal: true, parse: integer(0, 0) }),
} as const

export type SettingName = keyof typeof SETTINGS
type ValueOf<N extends SettingName> = ReturnType<(typeof SETTINGS)[N]['parse']>

/** The value as written in the environment, trimmed ('' when unset). */
export const rawSetting = (name: SettingName): string => (process.env[name] ?? '').trim()

/** Parses `raw` as the setting `name`; a wrong value throws with a Vietnamese message naming the variable. */
export function parseSetting<N extends SettingName>(name: N, raw: string): ValueOf<N> {
  try {
    return SETTINGS[name].parse(raw.trim()) as ValueOf<N>
  } catch (err) {
    throw new Error(`Biến môi trường ${name} ${(err as Error).message} (nhận được "${raw.trim()}").`)
  }
}

/** The current value of a setting. */
export const env = <N extends SettingName>(name: N): ValueOf<N> => parseSetting(name, rawSetting(name))

/** Parses every setting; throws on the first wrong one (at start: the server does not start on a wrong value). */
export function checkSettings(): void {
  for (const name of Object.keys(SETTINGS) as SettingName[]) env(name)
}

/** The search engine's settings (search/index.ts createSearchEngine). */
export const searchSettings = () => ({
  MEILI_HOST: env('MEILI_HOST'),
  MEILI_API_KEY: env('MEILI_API_KEY'),
  MEILI_INDEX: env('MEILI_INDEX'),
  SEARCH_DB_PATH: env('SEARCH_DB_PATH'),
})

/** The README's table of settings (between its `settings` markers; tests keep it equal). */
export function settingsTable(): string {
  const rows = Object.values(SETTINGS)
    .filter((s) => !s.internal)
    .map((s) => `| \`${s.name}\` | ${s.shown} | ${s.doc} |`)
  return ['| Biến | Mặc định | Ý nghĩa |', '|---|---|---|', ...rows].join('\n')
}

/** `.env.example`: every setting an operator may set, with its meaning and default (tests keep the file equal). */
export function envExample(): string {
  const lines = ['# Sổ tay đảng viên điện tử — biến môi trường (src/server/config.ts). Bỏ dấu # để đặt; để trống là dùng mặc định.', '']
  for (const s of Object.values(SETTINGS)) {
    if (s.internal) continue
    lines.push(`# ${s.doc.replace(/`|\*\*/g, '')}`, `# Mặc định: ${s.shown.replace(/`|\*/g, '')}`, `#${s.name}=`, '')
  }
  return lines.join('\n')
}
