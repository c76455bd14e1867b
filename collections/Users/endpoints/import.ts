import { randomBytes } from 'node:crypto'
import { commitTransaction, initTransaction, killTransaction, type Endpoint, type PayloadRequest } from 'payload'
import { blindIndex } from '../../../src/lib/crypto/pii'
import { checkMemberRows, readTable, type MemberRow, type ParsedList, type RowError } from '../../../src/lib/member/import'
import { isSystemAdmin, leadershipOrgIds, type Account } from '../../../src/lib/member/roles'
import { isWithin, subtreeMarker } from '../../../src/lib/org-tree/path'
import { canonical } from '../../../src/lib/vi/text'
import { fail, json } from '../../../src/server/respond'
import { recordAudit } from '../../AuditLogs/record'
import { piiKeys } from '../pii'

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024
/** Room for the multipart boundaries and the small text fields around the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024
/** Values per "in" list when looking up existing accounts (SQLite and PostgreSQL cap bound parameters). */
const LOOKUP_CHUNK = 500

type Org = { id: string | number; name: string; code?: string | null; path: string }
type Upload = { fields: FormData; file: File }

const TOO_LARGE = `Tệp quá lớn (tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`

/**
 * Reads the multipart body (fields: file, organization, dryRun) without ever holding more than the size
 * limit in memory. An oversized body is read to its end and dropped, so that the client receives the 413
 * answer instead of a connection reset.
 */
async function readUpload(req: PayloadRequest): Promise<Upload | Response> {
  const limit = MAX_IMPORT_BYTES + FORM_OVERHEAD_BYTES
  const reader = req.body?.getReader()
  if (!reader) return fail(400, 'Vui lòng chọn tệp danh sách (.csv hoặc .xlsx).')
  const chunks: Uint8Array[] = []
  let size = 0
  for (let part = await reader.read(); !part.done; part = await reader.read()) {
    size += part.value.length
    if (size <= limit) chunks.push(part.value)
  }
  if (size > limit) return fail(413, TOO_LARGE)
  let fields: FormData
  try {
    fields = await new Response(Buffer.concat(chunks), { headers: { 'content-type': req.headers.get('content-type') ?? '' } }).formData()
  } catch {
    return fail(400, 'Yêu cầu phải gửi tệp danh sách dưới dạng multipart/form-data (trường "file").')
  }
  const file = fields.get('file')
  if (!file || typeof file === 'string' || file.size === 0) return fail(400, 'Vui lòng chọn tệp danh sách (.csv hoặc .xlsx).')
  if (file.size > MAX_IMPORT_BYTES) return fail(413, TOO_LARGE)
  return { fields, file }
}

const looksLikeId = (value: string) => /^\d+$/.test(value) || /^[0-9a-f]{24}$/i.test(value)

/** The organisation receiving the list: given by id or code, by default the first one the importer leads. */
async function targetOrganization(req: PayloadRequest, actor: Account, given: string): Promise<Org | null> {
  const value = given || leadershipOrgIds(actor)[0] || ''
  if (!value) return null
  const byCode = await req.payload.db.findOne({ collection: 'organizations', where: { code: { equals: value } }, req })
  if (byCode || !looksLikeId(value)) return byCode as Org | null
  return (await req.payload.db.findOne({ collection: 'organizations', where: { id: { equals: value } }, req })) as Org | null
}

/** Branch names are matched ignoring case, spacing, tone-mark placement and a leading "Chi bộ". */
const branchKey = (text: string) => canonical(text).toLowerCase().replace(/\s+/g, ' ').trim().replace(/^chi bộ /, '')

type BranchLookup = (written: string) => { branch: Org } | { message: string }

/** Resolves the "Chi bộ" column (name or code) to a chi bộ inside the receiving organisation's subtree. */
async function branchLookup(req: PayloadRequest, scope: Org): Promise<BranchLookup> {
  const { docs } = await req.payload.find({
    collection: 'organizations',
    where: { and: [{ kind: { equals: 'chi-bo' } }, { path: { contains: subtreeMarker(scope.id) } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const byKey = new Map<string, Org[]>()
  for (const branch of docs as unknown as Org[]) {
    for (const key of new Set([branchKey(branch.name), branch.code ? branchKey(branch.code) : ''])) {
      if (key) byKey.set(key, [...(byKey.get(key) ?? []), branch])
    }
  }
  return (written) => {
    const found = byKey.get(branchKey(written)) ?? []
    if (found.length === 1) return { branch: found[0] }
    if (found.length > 1)
      return { message: `Có ${found.length} chi bộ tên "${written}" trong ${scope.name}: hãy ghi mã chi bộ (${found.map((b) => b.code ?? b.id).join(', ')}).` }
    return { message: `Chi bộ "${written}" không thuộc ${scope.name} (ghi đúng tên hoặc mã chi bộ).` }
  }
}

/** Card numbers (also used as login names), citizen id hashes and emails already held by an account. */
async function takenIdentities(req: PayloadRequest, rows: MemberRow[], hashes: string[]) {
  const taken = { cards: new Set<string>(), hashes: new Set<string>(), emails: new Set<string>() }
  for (let start = 0; start < rows.length; start += LOOKUP_CHUNK) {
    const chunk = rows.slice(start, start + LOOKUP_CHUNK)
    const cards = chunk.map((r) => r.cardNumber)
    const emails = chunk.flatMap((r) => (r.email ? [r.email] : []))
    const { docs } = await req.payload.db.find({
      collection: 'users',
      where: {
        or: [
          { cardNumber: { in: cards } },
          { username: { in: cards } },
          { citizenIdHash: { in: hashes.slice(start, start + LOOKUP_CHUNK) } },
          ...(emails.length ? [{ email: { in: emails } }] : []),
        ],
      },
      pagination: false,
      req,
    })
    for (const doc of docs as Record<string, unknown>[]) {
      for (const card of [doc.cardNumber, doc.username]) if (card) taken.cards.add(String(card))
      if (doc.citizenIdHash) taken.hashes.add(String(doc.citizenIdHash))
      if (doc.email) taken.emails.add(String(doc.email).toLowerCase())
    }
  }
  return taken
}

/** Checks rows against the database: branch inside the importer's subtree, card number, citizen id and email unused. */
async function checkAgainstDatabase(req: PayloadRequest, rows: MemberRow[], scope: Org) {
  const lookup = await branchLookup(req, scope)
  const hashes = rows.map((r) => blindIndex(piiKeys(), r.citizenId))
  const taken = await takenIdentities(req, rows, hashes)
  const errors: RowError[] = []
  const branchOf = new Map<number, Org>()
  rows.forEach((row, i) => {
    const messages: string[] = []
    const resolved = lookup(row.branch)
    if ('message' in resolved) messages.push(resolved.message)
    else branchOf.set(row.line, resolved.branch)
    if (taken.cards.has(row.cardNumber)) messages.push(`Số thẻ đảng viên ${row.cardNumber} đã có tài khoản.`)
    if (taken.hashes.has(hashes[i])) messages.push('Số định danh cá nhân đã có tài khoản.')
    if (row.email && taken.emails.has(row.email)) messages.push(`Email ${row.email} đã được dùng cho một tài khoản khác.`)
    if (messages.length) errors.push({ line: row.line, messages })
  })
  return { errors, branchOf }
}

/** Every problem of the file, one entry per line, each with a ready-to-show message ("Dòng 7: …"). */
function problems(parsed: ParsedList, database: RowError[]) {
  const byLine = new Map<number, string[]>()
  for (const e of [...parsed.errors, ...database]) byLine.set(e.line, [...(byLine.get(e.line) ?? []), ...e.messages])
  return [...byLine.entries()]
    .sort(([a], [b]) => a - b)
    .map(([line, messages]) => ({ line, messages, message: `Dòng ${line}: ${messages.join(' ')}` }))
}

/**
 * Creates every member: all of them, or — on any failure — none. Inside a transaction where the database
 * runs one (PostgreSQL); on SQLite, which runs without, the accounts already created are deleted again.
 */
async function createMembers(req: PayloadRequest, rows: MemberRow[], branchOf: Map<number, Org>, scope: Org, filename: string) {
  const shouldCommit = await initTransaction(req)
  // A real transaction id, not the settled promise Payload leaves behind when the adapter runs without them.
  const inTransaction = typeof req.transactionID === 'string' || typeof req.transactionID === 'number'
  const created: (string | number)[] = []
  try {
    for (const { line, branch: _written, ...profile } of rows) {
      const member = await req.payload.create({
        collection: 'users',
        // Members sign in with their card number (Payload needs the username before any hook runs). The random
        // password is never told to anyone: the member sets their own when activating the account.
        data: {
          ...profile,
          username: profile.cardNumber,
          branch: branchOf.get(line)!.id,
          status: 'chua-kich-hoat',
          password: randomBytes(24).toString('base64url'),
        } as any,
        overrideAccess: true,
        context: { skipAudit: true },
        depth: 0,
        req,
      })
      created.push(member.id)
    }
    await recordAudit(req, { action: 'nhap-danh-sach', orgPath: scope.path, summary: `Nhập ${rows.length} đảng viên vào ${scope.name}`, details: { file: filename, count: rows.length } })
    if (shouldCommit) await commitTransaction(req)
  } catch (err) {
    await killTransaction(req)
    if (!inTransaction && created.length)
      await req.payload.db.deleteMany({ collection: 'users', where: { id: { in: created } }, req })
    throw err
  }
}

/**
 * POST /api/users/import (multipart: file, organization = id or code, dryRun): a committee imports members
 * of its subtree. A dry run reports every bad row by line number; a real run imports nothing unless the whole
 * file is clean, and then imports it in one transaction. Imported accounts wait as "chưa kích hoạt" until the
 * member activates them by registering with the same card number and citizen id.
 */
async function importMembers(req: PayloadRequest): Promise<Response> {
  const actor = req.user as Account | null
  if (!actor) return fail(401, 'Vui lòng đăng nhập.')
  if (!isSystemAdmin(actor) && leadershipOrgIds(actor).length === 0)
    return fail(403, 'Chỉ cấp ủy (bí thư, phó bí thư, cấp ủy viên) mới được nhập danh sách đảng viên.')
  const upload = await readUpload(req)
  if (upload instanceof Response) return upload
  const { fields, file } = upload

  const scope = await targetOrganization(req, actor, String(fields.get('organization') ?? '').trim())
  if (!scope) return fail(400, 'Vui lòng chọn tổ chức đảng nhận danh sách.')
  if (!isSystemAdmin(actor) && !leadershipOrgIds(actor).some((id) => isWithin(scope.path, id)))
    return fail(403, 'Bạn chỉ được nhập đảng viên vào tổ chức mình phụ trách.')
  const dryRun = ['true', '1', 'on', 'yes'].includes(String(fields.get('dryRun') ?? 'false').toLowerCase())

  let parsed: ParsedList
  try {
    parsed = checkMemberRows(await readTable(Buffer.from(await file.arrayBuffer()), file.name))
  } catch (err) {
    return fail(400, (err as Error).message)
  }
  if (parsed.total === 0) return fail(400, 'Tệp không có dòng dữ liệu nào dưới dòng tiêu đề.')
  const db = await checkAgainstDatabase(req, parsed.rows, scope)
  const errors = problems(parsed, db.errors)
  const report = { dryRun, total: parsed.total, valid: parsed.total - errors.length, errors }
  if (errors.length) {
    const message = `Tệp có ${errors.length} dòng lỗi, chưa nhập đảng viên nào. Hãy sửa các dòng được nêu rồi thử lại.`
    return json({ ...report, imported: 0, message }, dryRun ? 200 : 400)
  }
  if (dryRun) return json({ ...report, imported: 0, message: `Tệp hợp lệ: ${parsed.total} đảng viên sẵn sàng để nhập vào ${scope.name}.` })

  try {
    await createMembers(req, parsed.rows, db.branchOf, scope, file.name)
  } catch (err) {
    req.payload.logger.error({ err }, 'Nhập danh sách đảng viên thất bại')
    return fail(500, 'Nhập danh sách thất bại, chưa có đảng viên nào được nhập. Vui lòng thử lại.')
  }
  return json({ ...report, imported: parsed.rows.length, message: `Đã nhập ${parsed.rows.length} đảng viên vào ${scope.name}.` }, 201)
}

export const importEndpoint: Endpoint = { path: '/import', method: 'post', handler: importMembers }
