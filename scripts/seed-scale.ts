/**
 * `npm run seed:scale`: a province-sized data set in an EMPTY database (DATABASE_URL: PostgreSQL, or
 * file:… for SQLite) for `npm run bench:api` — 34 tỉnh/thành → xã/phường → chi bộ (10,000 organisations),
 * 200,000 approved members, 20,000 published documents spread over every level, 2,000 news items.
 *
 * Rows go in with multi-row INSERTs through the database adapter's own connection (Payload's per-record
 * hooks and its PBKDF2 per account would take hours): every member shares one password hash, computed
 * once by Payload for the first account. Versions are not written (the bench reads published records).
 *
 * Sizes: SCALE_ORGS, SCALE_MEMBERS, SCALE_DOCUMENTS, SCALE_NEWS. Logins: `tv<n>@scale.sotay.vn`, password
 * SoTay@2025; members with roles are listed at the end (and in the `scale-logins.json` of DATA_DIR).
 */
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'
import { childPath } from '../src/lib/org-tree/path'
import { runMigrations } from '../src/server/migrate'
import { databaseKind, dataDir } from '../src/server/runtime'
import { paragraphsToLexical } from '../collections/Documents/lexical'

const ORGS = Number(process.env.SCALE_ORGS || 10_000)
const MEMBERS = Number(process.env.SCALE_MEMBERS || 200_000)
const DOCUMENTS = Number(process.env.SCALE_DOCUMENTS || 20_000)
const NEWS = Number(process.env.SCALE_NEWS || 2_000)
const PROVINCES = 34
export const SCALE_PASSWORD = 'SoTay@2025'
export const scaleEmail = (n: number) => `tv${n}@scale.sotay.vn`

const kind = databaseKind()
if (kind !== 'postgres' && kind !== 'sqlite') {
  console.error('seed:scale chỉ hỗ trợ PostgreSQL (DATABASE_URL=postgres://…) hoặc SQLite (DATABASE_URL=file:…).')
  process.exit(2)
}

const config = (await import('../payload.config')).default
const payload: Payload = await getPayload({ config })
await runMigrations(payload)

type Value = string | number | boolean | null
const db = payload.db as any
async function exec(sql: string, params: Value[] = []): Promise<any[]> {
  if (kind === 'postgres') {
    let i = 0
    const text = sql.replace(/\?/g, () => `$${++i}`)
    return (await db.pool.query(text, params)).rows
  }
  return (await db.client.execute({ sql, args: params.map((v) => (typeof v === 'boolean' ? (v ? 1 : 0) : v)) })).rows
}
const json = (v: unknown) => JSON.stringify(v)

/** INSERT rows in batches; `columns` are SQL column names. */
async function insert(table: string, columns: string[], rows: Value[][], batch = Math.floor(30_000 / columns.length)) {
  for (let start = 0; start < rows.length; start += batch) {
    const chunk = rows.slice(start, start + batch)
    const placeholders = chunk.map(() => `(${columns.map(() => '?').join(',')})`).join(',')
    await exec(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${placeholders}`, chunk.flat())
  }
}

const existing = await exec('SELECT COUNT(*) AS n FROM "organizations"')
if (Number(existing[0].n ?? existing[0][0]) > 0) {
  console.error('Cơ sở dữ liệu đã có dữ liệu. seed:scale cần một cơ sở dữ liệu mới, trống (tạo database mới rồi chạy lại).')
  await payload.destroy()
  process.exit(1)
}

/** Deterministic pseudo-random numbers (mulberry32). */
let seed = 20251110
const rnd = () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]
const started = Date.now()
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`
const now = new Date().toISOString()

// --- organisations ----------------------------------------------------------------------------------------
type Org = { id: number; name: string; kind: string; code: string; parent: number | null; path: string; depth: number }
const orgs: Org[] = []
const add = (name: string, k: string, code: string, parent: Org | null): Org => {
  const id = orgs.length + 1
  const org = { id, name, kind: k, code, parent: parent?.id ?? null, path: childPath(parent?.path ?? null, id), depth: parent ? parent.depth + 1 : 0 }
  orgs.push(org)
  return org
}
const root = add('Ban Chấp hành Trung ương', 'trung-uong', 'TW', null)
add('Ban Bí thư', 'co-quan-trung-uong', 'TW.BBT', root)
const provinces = Array.from({ length: PROVINCES }, (_, p) => add(`Tỉnh ủy số ${p + 1}`, 'tinh-uy', `T${p + 1}`, root))
const remaining = ORGS - orgs.length
const wardsPerProvince = Math.max(1, Math.round(remaining / PROVINCES / 7.3)) // about 6 chi bộ per xã/phường
const wards: Org[] = []
for (const province of provinces)
  for (let w = 1; w <= wardsPerProvince && orgs.length < ORGS; w++) wards.push(add(`Đảng ủy xã/phường ${w} (${province.name})`, 'dang-uy-xa', `${province.code}.X${w}`, province))
const branches: Org[] = []
for (let i = 0; orgs.length < ORGS; i++) {
  const ward = wards[i % wards.length]
  branches.push(add(`Chi bộ ${Math.floor(i / wards.length) + 1} (${ward.code})`, 'chi-bo', `${ward.code}.CB${Math.floor(i / wards.length) + 1}`, ward))
}
await insert('organizations', ['id', 'name', 'kind', 'code', 'parent_id', 'path', 'depth', 'updated_at', 'created_at'], orgs.map((o) => [o.id, o.name, o.kind, o.code, o.parent, o.path, o.depth, now, now]))
console.log(`${orgs.length} tổ chức (${provinces.length} tỉnh/thành, ${wards.length} xã/phường, ${branches.length} chi bộ) — ${elapsed()}`)

// --- members ----------------------------------------------------------------------------------------------
// The first account goes through Payload (a system administrator) and lends its password hash to all others.
const admin = await payload.create({
  collection: 'users',
  overrideAccess: true,
  data: { fullName: 'Quản trị hệ thống', email: 'quantri@scale.sotay.vn', password: SCALE_PASSWORD, status: 'da-duyet', systemAdmin: true, approvedAt: now } as never,
  context: { skipAudit: true },
})
const [template] = await exec('SELECT "salt", "hash" FROM "users" WHERE "id" = ?', [admin.id as number])
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô']
const GIVEN = ['Văn Hùng', 'Thị Lan', 'Đức Thắng', 'Thu Hương', 'Minh Tuấn', 'Ngọc Mai', 'Quang Hải', 'Thanh Hà']
const userColumns = ['id', 'full_name', 'gender', 'card_number', 'branch_id', 'status', 'approved_at', 'system_admin', 'org_path', 'email', 'salt', 'hash', 'updated_at', 'created_at']
const firstUser = Number(admin.id) + 1
const memberBranch: Org[] = []
let rows: Value[][] = []
for (let n = 0; n < MEMBERS; n++) {
  const branch = branches[n % branches.length]
  memberBranch.push(branch)
  rows.push([firstUser + n, `${pick(FAMILY)} ${pick(GIVEN)}`, rnd() < 0.45 ? 'nu' : 'nam', String(10_000_000 + n), branch.id, 'da-duyet', now, false, branch.path, scaleEmail(firstUser + n), template.salt, template.hash, now, now])
  if (rows.length >= 20_000) {
    await insert('users', userColumns, rows)
    rows = []
  }
}
await insert('users', userColumns, rows)

// Roles: the first member of every chi bộ is its bí thư, of every xã/phường's first chi bộ also cấp ủy viên of
// the xã/phường; one member per province is a cấp ủy viên and one an editor of the province.
const roleRows: Value[][] = []
const logins: Record<string, string[]> = { member: [], branchSecretary: [], wardCommittee: [], provinceCommittee: [], provinceEditor: [] }
const firstMemberOf = new Map<number, number>()
memberBranch.forEach((b, i) => firstMemberOf.has(b.id) || firstMemberOf.set(b.id, firstUser + i))
const role = (user: number, r: string, org: number) => roleRows.push([0, user, `scale-${roleRows.length + 1}`, r, org])
for (const b of branches) role(firstMemberOf.get(b.id)!, 'bi-thu', b.id)
const firstBranchOf = new Map<number, Org>()
for (const b of branches) if (!firstBranchOf.has(b.parent!)) firstBranchOf.set(b.parent!, b)
for (const w of wards) role(firstMemberOf.get(firstBranchOf.get(w.id)!.id)!, 'cap-uy-vien', w.id)
for (const [p, province] of provinces.entries()) {
  const ward = wards.find((w) => w.parent === province.id)!
  const cb = firstBranchOf.get(ward.id)!
  // The second and third members of the province's first chi bộ.
  const second = firstMemberOf.get(cb.id)! + branches.length
  const third = second + branches.length
  role(second, 'cap-uy-vien', province.id)
  role(third, 'bien-tap-vien', province.id)
  if (p < 20) {
    logins.provinceCommittee.push(scaleEmail(second))
    logins.provinceEditor.push(scaleEmail(third))
    logins.wardCommittee.push(scaleEmail(firstMemberOf.get(cb.id)!))
  }
}
for (let i = 0; i < 20; i++) {
  const b = branches[(i * 397) % branches.length]
  logins.branchSecretary.push(scaleEmail(firstMemberOf.get(b.id)!))
  logins.member.push(scaleEmail(firstMemberOf.get(b.id)! + 3 * branches.length))
}
await insert('users_roles', ['_order', '_parent_id', 'id', 'role', 'organization_id'], roleRows.map((r, i) => [i + 1, r[1], r[2], r[3], r[4]]))
console.log(`${MEMBERS + 1} tài khoản, ${roleRows.length} vai trò — ${elapsed()}`)

// --- documents and news -------------------------------------------------------------------------------------
const TYPES: [string, string][] = [['nghi-quyet', 'Nghị quyết'], ['thong-bao', 'Thông báo'], ['ke-hoach', 'Kế hoạch'], ['huong-dan', 'Hướng dẫn'], ['bao-cao', 'Báo cáo'], ['cong-van', 'Công văn']]
const lexical = (...paragraphs: string[]) => paragraphsToLexical(paragraphs)
/** Issuers by level: 2% Trung ương, 10% tỉnh, 30% xã/phường, 58% chi bộ. */
const issuerFor = (): Org => {
  const r = rnd()
  return r < 0.02 ? pick([root, orgs[1]]) : r < 0.12 ? pick(provinces) : r < 0.42 ? pick(wards) : pick(branches)
}
const dayOffset = (days: number) => new Date(Date.UTC(2025, 0, 1) + days * 86_400_000).toISOString().slice(0, 10) + 'T00:00:00.000Z'
const docColumns = ['id', 'document_type', 'title', 'issuer_id', 'issued_date', 'effect_status', 'content', 'visibility', 'review_status', 'published_at', 'issuer_path', 'status_by_system', '_status', 'updated_at', 'created_at']
rows = []
for (let n = 1; n <= DOCUMENTS; n++) {
  const issuer = issuerFor()
  const [type, label] = pick(TYPES)
  const issued = dayOffset(Math.floor(rnd() * 320))
  rows.push([n, type, `${label} số ${n} của ${issuer.name}`, issuer.id, issued, 'con-hieu-luc', json(lexical(`Nội dung văn bản số ${n}.`)), rnd() < 0.05 ? 'cong-khai' : 'dang-vien', 'da-phat-hanh', issued, issuer.path, false, 'published', now, now])
}
await insert('documents', docColumns, rows)
rows = []
for (let n = 1; n <= NEWS; n++) {
  const issuer = issuerFor()
  const published = dayOffset(Math.floor(rnd() * 320))
  rows.push([n, `Tin hoạt động số ${n} của ${issuer.name}`, json(lexical(`Nội dung tin số ${n}.`)), issuer.id, rnd() < 0.2 ? 'cong-khai' : 'dang-vien', 'da-phat-hanh', published, issuer.path, 'published', now, now])
}
await insert('news', ['id', 'title', 'body', 'issuer_id', 'visibility', 'review_status', 'published_at', 'issuer_path', '_status', 'updated_at', 'created_at'], rows)
console.log(`${DOCUMENTS} văn bản, ${NEWS} tin — ${elapsed()}`)

// Sequences follow the explicit ids (PostgreSQL); statistics for the planner.
if (kind === 'postgres') {
  for (const table of ['organizations', 'users', 'documents', 'news'])
    await exec(`SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), (SELECT MAX("id") FROM "${table}"))`)
  await exec('ANALYZE')
} else await exec('ANALYZE')

writeFileSync(path.join(dataDir(), 'scale-logins.json'), JSON.stringify({ password: SCALE_PASSWORD, ...logins }, null, 2))
console.log(`Xong trong ${elapsed()}. Tài khoản thử (mật khẩu ${SCALE_PASSWORD}): đảng viên ${logins.member[0]}, bí thư chi bộ ${logins.branchSecretary[0]}, cấp ủy xã/phường ${logins.wardCommittee[0]}, cấp ủy tỉnh ${logins.provinceCommittee[0]}, biên tập viên tỉnh ${logins.provinceEditor[0]}; danh sách đầy đủ: ${path.join(dataDir(), 'scale-logins.json')}`)
await payload.destroy()
process.exit(0)
