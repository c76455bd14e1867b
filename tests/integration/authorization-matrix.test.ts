/**
 * The authorization matrix (issue 3): every role of the demo tree × the organisation the content belongs
 * to, seen from the role's own place (own organisation, a child, the parent, a sibling, another province)
 * × every action (list, read, read the original file, create, update, publish, delete, read versions) on
 * documents and news, plus member profiles — each case over HTTP with a real login against a seeded
 * server, the expected answer from tests/helpers/authz-oracle.ts (written from the rules, not from the
 * app's access functions). Lists must hold exactly the readable records and count nothing else; GraphQL,
 * `depth` population, file URLs and version endpoints are checked for leaks the same way.
 *
 * Read cases run first, on fixed fixtures; write cases afterwards, on records made for them.
 */
import { client, loginDemo, type Client } from '../helpers/client'
import { Oracle, type Content, type OrgNode, type Person, type Profile } from '../helpers/authz-oracle'
import { startTestServer, type TestServer } from '../helpers/server'
import { paragraphsToLexical } from '../../collections/Documents/lexical'

type Collection = 'documents' | 'news'
const COLLECTIONS: Collection[] = ['documents', 'news']
type Relation = 'own' | 'child' | 'parent' | 'sibling' | 'other-province'
type Role = { key: string; label: string; login: string | null; targets: Partial<Record<Relation, string>> }

const BRANCH_TARGETS = { own: 'HP.BD.CB01', parent: 'HP.BD', sibling: 'HP.BD.CB02', 'other-province': 'TH.HT.CB01' }
const WARD_TARGETS = { own: 'HP.BD', child: 'HP.BD.CB01', parent: 'HP', sibling: 'HP.HB', 'other-province': 'TH.HT' }
const CITY_TARGETS = { own: 'HP', child: 'HP.BD', parent: 'TW', sibling: 'TW.BTGDV', 'other-province': 'TH' }

/** Every role; a chi bộ has no child organisation, so branch-level roles have four relations. */
const ROLES: Role[] = [
  { key: 'admin', label: 'quản trị hệ thống', login: 'quantri', targets: WARD_TARGETS },
  { key: 'bithu-cb', label: 'bí thư chi bộ', login: 'bithu.cb01', targets: BRANCH_TARGETS },
  { key: 'phobithu-cb', label: 'phó bí thư chi bộ', login: 'phobithu.cb01', targets: BRANCH_TARGETS },
  { key: 'capuy-phuong', label: 'cấp ủy viên phường', login: 'bithu.bachdang', targets: WARD_TARGETS },
  { key: 'capuy-thanhpho', label: 'cấp ủy viên thành phố', login: 'capuy.haiphong', targets: CITY_TARGETS },
  { key: 'bientap-phuong', label: 'biên tập viên phường (+ chi bộ)', login: 'bientap.bachdang', targets: WARD_TARGETS },
  { key: 'bientap-thanhpho', label: 'biên tập viên thành phố', login: 'bientap.haiphong', targets: CITY_TARGETS },
  { key: 'dangvien', label: 'đảng viên', login: 'dangvien.cb01', targets: BRANCH_TARGETS },
  { key: 'choduyet', label: 'đảng viên chờ duyệt', login: 'choduyet.cb01', targets: BRANCH_TARGETS },
  { key: 'anonymous', label: 'không đăng nhập', login: null, targets: WARD_TARGETS },
]
const FIXTURE_ORGS = [...new Set(ROLES.flatMap((r) => Object.values(r.targets)))]

/** Who publishes and who drafts for each fixture organisation (its own approvers and editors where the demo has them). */
const AUTHORS: Record<string, { publisher: string; drafter: string }> = {
  'HP.BD.CB01': { publisher: 'bithu.cb01', drafter: 'bientap.bachdang' },
  'HP.BD.CB02': { publisher: 'bithu.cb02', drafter: 'bithu.cb02' },
  'HP.BD': { publisher: 'bithu.bachdang', drafter: 'bientap.bachdang' },
  HP: { publisher: 'capuy.haiphong', drafter: 'bientap.haiphong' },
  'TW.BTGDV': { publisher: 'bientap.tw', drafter: 'bientap.tw' }, // its editors publish directly
  'TH.HT.CB01': { publisher: 'bithu.thanhhoa', drafter: 'bithu.thanhhoa' },
}
const authorsOf = (code: string) => AUTHORS[code] ?? { publisher: 'quantri', drafter: 'quantri' }

/** The four states every fixture organisation has, for documents and news. */
type State = 'published' | 'public' | 'draft' | 'scheduled'
const STATES: State[] = ['published', 'public', 'draft', 'scheduled']
const WITH_FILE: State[] = ['published', 'draft', 'scheduled']
type Fixture = { id: string | number; file?: { id: string | number; filename: string } }

let server: TestServer
let anon: Client
let oracle: Oracle
const sessions = new Map<string, Promise<Client>>()
const as = (login: string | null): Promise<Client> => {
  if (login === null) return Promise.resolve(anon)
  if (!sessions.has(login)) sessions.set(login, loginDemo(server.url, login))
  return sessions.get(login)!
}
const orgByCode = new Map<string, OrgNode>()
/** Organisation ids as the API gives them (numbers on SQL databases). */
const rawOrgIds = new Map<string, string | number>()
const orgId = (code: string) => {
  const org = orgByCode.get(code)
  if (!org) throw new Error(`no organisation ${code}`)
  return org.id
}
const rawOrgId = (code: string) => rawOrgIds.get(code)!
const fixtures: Record<Collection, Map<string, Record<State, Fixture>>> = { documents: new Map(), news: new Map() }
/** Every content record as the platform sees it (ground truth for lists), refreshed before the read cases. */
const contents: Record<Collection, Map<string, Content>> = { documents: new Map(), news: new Map() }
/** Which record holds each attached file. */
const fileHolder = new Map<string, { collection: Collection; id: string }>()
const people = new Map<string, Person>()
const profiles = new Map<string, Profile>()
const bridges: { document?: Fixture; news?: Fixture } = {}

// --- results and summary --------------------------------------------------------------------------------

type Result = { role: string; action: string; pass: boolean; detail: string }
const results: Result[] = []
function check(role: Role, action: string, pass: boolean, detail: string) {
  results.push({ role: role.key, action, pass, detail })
}
const failures = (role: Role, from: number) => results.slice(from).filter((r) => r.role === role.key && !r.pass).map((r) => `${r.action}: ${r.detail}`)

function printSummary() {
  const actions = [...new Set(results.map((r) => r.action))]
  const width = Math.max(...ROLES.map((r) => r.key.length)) + 1
  const lines = [`Ma trận phân quyền: ${results.length} trường hợp, ${results.filter((r) => r.pass).length} đạt, ${results.filter((r) => !r.pass).length} sai`]
  lines.push(`${''.padEnd(width)}${actions.map((a) => a.padStart(Math.max(8, a.length + 1))).join('')}   total`)
  for (const role of ROLES) {
    const mine = results.filter((r) => r.role === role.key)
    const cells = actions.map((a) => {
      const rs = mine.filter((r) => r.action === a)
      const bad = rs.filter((r) => !r.pass).length
      return (bad ? `${rs.length}✗${bad}` : String(rs.length)).padStart(Math.max(8, a.length + 1))
    })
    lines.push(`${role.key.padEnd(width)}${cells.join('')}   ${mine.length}`)
  }
  for (const r of results.filter((x) => !x.pass).slice(0, 40)) lines.push(`  ✗ ${r.role} ${r.action}: ${r.detail}`)
  console.log(lines.join('\n'))
}

// --- helpers --------------------------------------------------------------------------------------------

const lexical = (...paragraphs: string[]) => paragraphsToLexical(paragraphs)
function pdf() {
  const head = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'
  const tail = 'xref\n0 1\n0000000000 65535 f \ntrailer << /Root 1 0 R /Size 1 >>\nstartxref\n9\n%%EOF\n'
  return Buffer.from(head + tail, 'latin1')
}
let serial = 0
const nextSerial = () => ++serial
const idOf = (v: any): string | null => (v == null ? null : typeof v === 'object' ? String(v.id) : String(v))
const sameSet = (a: Iterable<string>, b: Iterable<string>) => {
  const x = [...new Set(a)].sort()
  const y = [...new Set(b)].sort()
  return x.length === y.length && x.every((v, i) => v === y[i])
}
const diff = (got: Iterable<string>, want: Iterable<string>) => {
  const g = new Set(got)
  const w = new Set(want)
  return `thừa [${[...g].filter((v) => !w.has(v)).join(',')}] thiếu [${[...w].filter((v) => !g.has(v)).join(',')}]`
}
const q = encodeURIComponent

/** Runs `tasks` a few at a time. */
async function parallel(tasks: (() => Promise<void>)[], width = 6) {
  let next = 0
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]()
  }
  await Promise.all(Array.from({ length: width }, worker))
}

async function uploadPdf(c: Client, name: string) {
  const res = await c.upload('/api/media', { _payload: JSON.stringify({ alt: name }) }, { name: `${name}.pdf`, data: pdf(), type: 'application/pdf' })
  if (res.status !== 201) throw new Error(`upload ${name}: ${res.status} ${JSON.stringify(res.body)}`)
  return { id: res.body.doc.id, filename: res.body.doc.filename as string }
}

/** A record of `collection` issued by `code`, made over the API by `c`. */
async function make(c: Client, collection: Collection, code: string, state: State, opts: { file?: boolean; extra?: Record<string, unknown>; title?: string } = {}): Promise<Fixture> {
  const n = nextSerial()
  const file = opts.file ? await uploadPdf(c, `ma-tran-${collection}-${code}-${state}-${n}`.replace(/\./g, '-').toLowerCase()) : undefined
  const title = opts.title ?? `Ma trận quyền ${n}: ${code} ${state}`
  const common = {
    title,
    issuer: rawOrgId(code),
    visibility: state === 'public' ? 'cong-khai' : 'dang-vien',
    publishAt: state === 'scheduled' ? new Date(Date.now() + 7 * 86_400_000).toISOString() : undefined,
    _status: state === 'draft' ? 'draft' : 'published',
  }
  const data =
    collection === 'documents'
      ? { ...common, documentType: 'tai-lieu-tham-khao', issuedDate: '2025-11-03', content: lexical(`Nội dung ${n}.`), originalFile: file?.id }
      : { ...common, body: lexical(`Tin ${n}.`), attachments: file ? [file.id] : [] }
  const res = await c.post(`/api/${collection}${state === 'draft' ? '?draft=true' : ''}`, { ...data, ...opts.extra })
  if (res.status !== 201) throw new Error(`create ${collection} ${code} ${state}: ${res.status} ${JSON.stringify(res.body)}`)
  if (file) fileHolder.set(String(file.id), { collection, id: String(res.body.doc.id) })
  return { id: res.body.doc.id, file }
}

/** Ground truth: every record as the system administrator reads it (the live, non-draft state). */
async function refreshContents() {
  const admin = await as('quantri')
  for (const collection of COLLECTIONS) {
    const res = await admin.get(`/api/${collection}?pagination=false&depth=0`)
    if (res.status !== 200) throw new Error(`ground truth ${collection}: ${res.status}`)
    contents[collection].clear()
    for (const d of res.body.docs)
      contents[collection].set(String(d.id), {
        id: String(d.id),
        issuer: idOf(d.issuer)!,
        published: d._status === 'published',
        everPublished: d._status === 'published' || !!d.publishedAt,
        public: d.visibility === 'cong-khai',
        publishAt: d.publishAt ?? null,
      })
  }
}
/** A record by id, from ground truth; drafts made after the last refresh are looked up. */
const content = (collection: Collection, id: string | number): Content => {
  const c = contents[collection].get(String(id))
  if (!c) throw new Error(`no ground truth for ${collection} ${id}`)
  return c
}
const personOf = (role: Role): Person | null => (role.login ? people.get(role.login)! : null)

beforeAll(async () => {
  server = await startTestServer({ seed: true })
  anon = client(server.url)
  const orgs = (await anon.get('/api/organizations?pagination=false&depth=0')).body.docs as any[]
  for (const o of orgs) {
    orgByCode.set(o.code, { id: String(o.id), code: o.code, kind: o.kind, parent: idOf(o.parent) })
    rawOrgIds.set(o.code, o.id)
  }
  const admin = await as('quantri')
  const settings = (await admin.get('/api/publishing-settings?pagination=false&depth=0')).body.docs as any[]
  oracle = new Oracle([...orgByCode.values()], new Set(settings.filter((s) => s.editorsPublishDirectly).map((s) => idOf(s.organization)!)))

  const users = (await admin.get('/api/users?pagination=false&depth=0')).body.docs as any[]
  for (const u of users) {
    const person: Person = {
      id: String(u.id),
      status: u.status,
      systemAdmin: !!u.systemAdmin,
      branch: idOf(u.branch),
      roles: (u.roles ?? []).map((r: any) => ({ role: r.role, org: idOf(r.organization)! })),
    }
    if (u.email) people.set(String(u.email).replace('@demo.sotay.vn', ''), person)
    profiles.set(String(u.id), { id: String(u.id), branch: person.branch, status: u.status })
  }

  // Fixtures: each organisation's own people make its content.
  for (const code of FIXTURE_ORGS) {
    const { publisher, drafter } = authorsOf(code)
    for (const collection of COLLECTIONS) {
      const set = {} as Record<State, Fixture>
      for (const state of STATES) set[state] = await make(await as(state === 'draft' ? drafter : publisher), collection, code, state, { file: WITH_FILE.includes(state) })
      fixtures[collection].set(code, set)
    }
  }
  // Bridges: public content of the ward that cites restricted content (a chi bộ's document, the ward's draft).
  const ward = await as('bithu.bachdang')
  const cited = [fixtures.documents.get('HP.BD.CB02')!.published.id, fixtures.documents.get('HP.BD')!.draft.id]
  bridges.document = await make(ward, 'documents', 'HP.BD', 'public', { file: true, extra: { relations: cited.map((target) => ({ type: 'can-cu', target })) } })
  bridges.news = await make(ward, 'news', 'HP.BD', 'public', { file: true, extra: { relatedDocuments: [...cited, fixtures.documents.get('TH')!.published.id] } })
  await refreshContents()
}, 600_000)

afterAll(async () => {
  if (results.length > 0) printSummary()
  await server?.stop()
})

// --- read cases -----------------------------------------------------------------------------------------

async function readCases(role: Role) {
  const c = await as(role.login)
  const p = personOf(role)
  const tasks: (() => Promise<void>)[] = []
  for (const [relation, code] of Object.entries(role.targets)) {
    for (const collection of COLLECTIONS) {
      const set = fixtures[collection].get(code)!
      const label = `${collection} ${relation}(${code})`
      // list, filtered on the issuer: exactly the readable records, and counted as such
      tasks.push(async () => {
        const want = [...contents[collection].values()].filter((x) => x.issuer === orgId(code) && oracle.reads(p, x)).map((x) => x.id)
        const res = await c.get(`/api/${collection}?where[issuer][equals]=${orgId(code)}&limit=200&depth=0`)
        const got = (res.body.docs ?? []).map((d: any) => String(d.id))
        check(role, 'list', res.status === 200 && sameSet(got, want) && res.body.totalDocs === want.length, `${label}: ${res.status} totalDocs=${res.body.totalDocs} (cần ${want.length}) ${diff(got, want)}`)
      })
      for (const state of STATES) {
        const fx = set[state]
        tasks.push(async () => {
          const allowed = oracle.reads(p, content(collection, fx.id))
          const res = await c.get(`/api/${collection}/${fx.id}?depth=0`)
          check(role, 'read', res.status === (allowed ? 200 : 404), `${label} ${state}: ${res.status}, cần ${allowed ? 200 : 404}`)
        })
        if (fx.file) {
          const file = fx.file
          tasks.push(async () => {
            const allowed = oracle.readsFile(p, content(collection, fx.id))
            const res = await fetch(`${server.url}/api/media/file/${q(file.filename)}`, { headers: c.token ? { authorization: `JWT ${c.token}` } : {} })
            await res.arrayBuffer()
            check(role, 'file', res.status === (allowed ? 200 : 403), `${label} ${state} ${file.filename}: ${res.status}, cần ${allowed ? 200 : 403}`)
            const meta = await c.get(`/api/media/${file.id}?depth=0`)
            check(role, 'file', meta.status === (allowed ? 200 : 404), `${label} ${state} media/${file.id}: ${meta.status}, cần ${allowed ? 200 : 404}`)
          })
        }
      }
      // version history of the draft and of the published record
      for (const state of ['draft', 'published'] as const) {
        const fx = set[state]
        tasks.push(async () => {
          const allowed = oracle.readsVersions(p, content(collection, fx.id))
          const res = await c.get(`/api/${collection}/versions?where[parent][equals]=${fx.id}&depth=0`)
          const ok = allowed ? res.status === 200 && res.body.totalDocs > 0 : res.status === 403 || (res.status === 200 && res.body.totalDocs === 0 && res.body.docs.length === 0)
          check(role, 'versions', ok, `${label} ${state}: ${res.status} totalDocs=${res.body?.totalDocs}, ${allowed ? 'được' : 'không được'} xem`)
          const versionId = versionIds.get(`${collection}:${fx.id}`)!
          const one = await c.get(`/api/${collection}/versions/${versionId}?depth=0`)
          const okOne = allowed ? one.status === 200 : one.status === 403 || one.status === 404
          check(role, 'versions', okOne, `${label} ${state} version ${versionId}: ${one.status}, ${allowed ? 'được' : 'không được'} xem`)
        })
      }
    }
  }
  await parallel(tasks)
}

const versionIds = new Map<string, string>()
async function loadVersionIds() {
  const admin = await as('quantri')
  for (const collection of COLLECTIONS)
    for (const set of fixtures[collection].values())
      for (const state of ['draft', 'published'] as const) {
        const res = await admin.get(`/api/${collection}/versions?where[parent][equals]=${set[state].id}&limit=1&depth=0`)
        versionIds.set(`${collection}:${set[state].id}`, String(res.body.docs[0].id))
      }
}

/** Whole-collection lists, GraphQL and population: nothing unreadable appears, nothing unreadable is counted. */
async function leakCases(role: Role) {
  const c = await as(role.login)
  const p = personOf(role)
  for (const collection of COLLECTIONS) {
    const want = [...contents[collection].values()].filter((x) => oracle.reads(p, x)).map((x) => x.id)
    const page = await c.get(`/api/${collection}?limit=2&depth=0`)
    check(role, 'list', page.status === 200 && page.body.totalDocs === want.length && page.body.docs.length === Math.min(2, want.length), `${collection} toàn bộ, trang 1: totalDocs=${page.body.totalDocs} cần ${want.length}`)
    const all = await c.get(`/api/${collection}?limit=1000&depth=0`)
    const got = all.body.docs.map((d: any) => String(d.id))
    check(role, 'list', sameSet(got, want), `${collection} toàn bộ: ${diff(got, want)}`)
    // Asking for drafts must not reveal more than the rules allow.
    const drafts = await c.get(`/api/${collection}?limit=1000&depth=0&draft=true`)
    const draftIds = (drafts.body.docs ?? []).map((d: any) => String(d.id))
    const unreadable = draftIds.filter((id: string) => !oracle.reads(p, content(collection, id)))
    check(role, 'list', drafts.status === 200 && unreadable.length === 0 && drafts.body.totalDocs === draftIds.length, `${collection} draft=true: không được thấy [${unreadable.join(',')}], totalDocs=${drafts.body.totalDocs}/${draftIds.length}`)

    const plural = collection === 'documents' ? 'Documents' : 'allNews'
    const gql = await c.graphql(`{ ${plural}(limit: 1000) { totalDocs docs { id } } }`)
    const gqlIds = (gql.body.data?.[plural]?.docs ?? []).map((d: any) => String(d.id))
    check(role, 'graphql', gql.body.data?.[plural]?.totalDocs === want.length && sameSet(gqlIds, want), `${plural}: totalDocs=${gql.body.data?.[plural]?.totalDocs} cần ${want.length} ${diff(gqlIds, want)} ${JSON.stringify(gql.body.errors ?? '')}`)

    // By id, every fixture in one query.
    const singular = collection === 'documents' ? 'Document' : 'News'
    const ids = [...fixtures[collection].values()].flatMap((set) => STATES.map((s) => set[s].id))
    const byId = await c.graphql(`{ ${ids.map((id, i) => `d${i}: ${singular}(id: ${JSON.stringify(id)}) { id }`).join(' ')} }`)
    ids.forEach((id, i) => {
      const allowed = oracle.reads(p, content(collection, id))
      const seen = byId.body.data?.[`d${i}`]?.id != null
      check(role, 'graphql', seen === allowed, `${singular}(id: ${id}) ${seen ? 'thấy' : 'không thấy'}, cần ${allowed ? 'thấy' : 'không thấy'}`)
    })
  }

  // Files attached to fixtures, listed.
  const fileIds = [...fileHolder.keys()]
  const wantFiles = fileIds.filter((f) => oracle.readsFile(p, content(fileHolder.get(f)!.collection, fileHolder.get(f)!.id)))
  const media = await c.get(`/api/media?where[id][in]=${fileIds.join(',')}&limit=500&depth=0`)
  const mediaIds = (media.body.docs ?? []).map((d: any) => String(d.id))
  check(role, 'file', media.status === 200 && media.body.totalDocs === wantFiles.length && sameSet(mediaIds, wantFiles), `media list: totalDocs=${media.body.totalDocs} cần ${wantFiles.length} ${diff(mediaIds, wantFiles)}`)
  const gqlMedia = await c.graphql('{ allMedia(limit: 1000) { totalDocs docs { id } } }')
  const gqlMediaIds = (gqlMedia.body.data?.allMedia?.docs ?? []).map((d: any) => String(d.id))
  const gqlFixtureFiles = gqlMediaIds.filter((id: string) => fileHolder.has(id))
  check(
    role,
    'graphql',
    gqlMedia.body.data?.allMedia?.totalDocs === gqlMediaIds.length && sameSet(gqlFixtureFiles, wantFiles),
    `allMedia: totalDocs=${gqlMedia.body.data?.allMedia?.totalDocs}/${gqlMediaIds.length}, tệp của ma trận ${diff(gqlFixtureFiles, wantFiles)} ${JSON.stringify(gqlMedia.body.errors ?? '')}`,
  )

  // Population from a readable (public) record of restricted ones, at every depth.
  const readableDoc = (id: any) => oracle.reads(p, content('documents', id))
  const fileOk = (file: any) => file == null || typeof file !== 'object' || oracle.readsFile(p, content(fileHolder.get(String(file.id))!.collection, fileHolder.get(String(file.id))!.id))
  for (const depth of [0, 1, 2]) {
    const doc = (await c.get(`/api/documents/${bridges.document!.id}?depth=${depth}`)).body
    const targets = (doc.relations ?? []).map((r: any) => idOf(r.target))
    const cited = [fixtures.documents.get('HP.BD.CB02')!.published.id, fixtures.documents.get('HP.BD')!.draft.id].map(String)
    check(role, 'depth', sameSet(targets, cited.filter(readableDoc)) && (doc.relations ?? []).every((r: any) => fileOk(r.target?.originalFile)), `documents/${bridges.document!.id}?depth=${depth}: relations ${diff(targets, cited.filter(readableDoc))}`)
    const news = (await c.get(`/api/news/${bridges.news!.id}?depth=${depth}`)).body
    const related = (news.relatedDocuments ?? []).map(idOf)
    const relatedWant = [...cited, String(fixtures.documents.get('TH')!.published.id)].filter(readableDoc)
    check(role, 'depth', sameSet(related, relatedWant) && (news.relatedDocuments ?? []).every((d: any) => fileOk(d?.originalFile)), `news/${bridges.news!.id}?depth=${depth}: relatedDocuments ${diff(related, relatedWant)}`)
  }
  const gql = await c.graphql(
    `{ Document(id: ${JSON.stringify(bridges.document!.id)}) { relations { target { id originalFile { id url } } } } News(id: ${JSON.stringify(bridges.news!.id)}) { relatedDocuments { id originalFile { id url } } } }`,
  )
  const gqlTargets = (gql.body.data?.Document?.relations ?? []).map((r: any) => r.target && String(r.target.id)).filter(Boolean)
  const gqlRelated = (gql.body.data?.News?.relatedDocuments ?? []).filter(Boolean).map((d: any) => String(d.id))
  const cited = [fixtures.documents.get('HP.BD.CB02')!.published.id, fixtures.documents.get('HP.BD')!.draft.id].map(String)
  check(role, 'graphql', gqlTargets.every(readableDoc) && sameSet(gqlTargets, cited.filter(readableDoc)), `Document.relations.target: ${diff(gqlTargets, cited.filter(readableDoc))}`)
  const relatedWant = [...cited, String(fixtures.documents.get('TH')!.published.id)].filter(readableDoc)
  const populatedFiles = (gql.body.data?.News?.relatedDocuments ?? []).filter(Boolean).map((d: any) => d.originalFile).filter(Boolean)
  check(role, 'graphql', sameSet(gqlRelated, relatedWant) && populatedFiles.every(fileOk), `News.relatedDocuments: ${diff(gqlRelated, relatedWant)}`)
}

/** Member profiles of each target organisation: one by one, and as a list. */
async function profileCases(role: Role) {
  const c = await as(role.login)
  const p = personOf(role)
  const tasks: (() => Promise<void>)[] = []
  for (const [relation, code] of Object.entries(role.targets)) {
    const within = new Set(oracle.subtree(orgId(code)))
    const members = [...profiles.values()].filter((x) => x.branch && within.has(x.branch))
    const subjects = [members.find((m) => m.status === 'da-duyet'), members.find((m) => m.status !== 'da-duyet')].filter((m): m is Profile => !!m)
    for (const subject of subjects)
      tasks.push(async () => {
        const allowed = oracle.readsProfile(p, subject)
        const res = await c.get(`/api/users/${subject.id}?depth=0`)
        check(role, 'profile', allowed ? res.status === 200 : res.status === 403 || res.status === 404, `users/${subject.id} (${relation} ${code}, ${subject.status}): ${res.status}, ${allowed ? 'được' : 'không được'} xem`)
      })
    tasks.push(async () => {
      const want = members.filter((m) => oracle.readsProfile(p, m)).map((m) => m.id)
      const res = await c.get(`/api/users?where[branch][in]=${[...within].join(',')}&limit=500&depth=0`)
      const got = (res.body.docs ?? []).map((d: any) => String(d.id))
      const ok = res.status === 200 ? res.body.totalDocs === want.length && sameSet(got, want) : res.status === 403 && want.length === 0
      check(role, 'profile', ok, `users list (${relation} ${code}): ${res.status} totalDocs=${res.body?.totalDocs} cần ${want.length} ${diff(got, want)}`)
    })
  }
  await parallel(tasks)
}

// --- write cases ----------------------------------------------------------------------------------------

/** Records made by the administrator for cases that consume them (publish, delete); reused while refused. */
const pools = new Map<string, Fixture[]>()
async function pooled(collection: Collection, code: string, state: 'draft' | 'published'): Promise<Fixture> {
  const key = `${collection}:${code}:${state}`
  const pool = pools.get(key) ?? []
  pools.set(key, pool)
  if (pool.length === 0) {
    const fx = await make(await as('quantri'), collection, code, state)
    const admin = await as('quantri')
    const seen = (await admin.get(`/api/${collection}/${fx.id}?depth=0`)).body
    contents[collection].set(String(fx.id), { id: String(fx.id), issuer: orgId(code), published: state === 'published', everPublished: state === 'published', public: false, publishAt: null })
    if (String(seen.id) !== String(fx.id)) throw new Error('pooled record not readable by the administrator')
    pool.push(fx)
  }
  return pool[0]
}
const consume = (collection: Collection, code: string, state: 'draft' | 'published') => pools.get(`${collection}:${code}:${state}`)!.shift()

async function writeCases(role: Role) {
  const c = await as(role.login)
  const p = personOf(role)
  const admin = await as('quantri')
  const denied = (status: number) => status === 401 || status === 403 || status === 404
  for (const [relation, code] of Object.entries(role.targets)) {
    const issuer = orgId(code)
    const rawIssuer = rawOrgId(code)
    for (const collection of COLLECTIONS) {
      const label = `${collection} ${relation}(${code})`
      // create (a draft)
      {
        const allowed = oracle.writes(p, issuer)
        const title = `Tạo thử ${role.key} ${nextSerial()}`
        const data = collection === 'documents'
          ? { title, issuer: rawIssuer, documentType: 'tai-lieu-tham-khao', issuedDate: '2025-11-04', content: lexical(title) }
          : { title, issuer: rawIssuer, body: lexical(title) }
        const res = await c.post(`/api/${collection}?draft=true`, data)
        const stored = (await admin.get(`/api/${collection}?where[title][equals]=${q(title)}&draft=true&limit=0&depth=0`)).body.totalDocs
        check(role, 'create', allowed ? res.status === 201 && stored === 1 : denied(res.status) && stored === 0, `${label}: ${res.status}, lưu ${stored}, ${allowed ? 'được' : 'không được'} tạo`)
      }
      // update (edit the draft)
      {
        const fx = fixtures[collection].get(code)!.draft
        const allowed = oracle.writes(p, issuer)
        const before = (await admin.get(`/api/${collection}/${fx.id}?draft=true&depth=0`)).body.title
        const title = `Sửa thử ${role.key} ${nextSerial()}`
        const res = await c.patch(`/api/${collection}/${fx.id}?draft=true`, { title })
        const after = (await admin.get(`/api/${collection}/${fx.id}?draft=true&depth=0`)).body.title
        check(role, 'update', allowed ? res.status === 200 && after === title : denied(res.status) && after === before, `${label}: ${res.status}, tiêu đề ${after === title ? 'đã đổi' : 'giữ nguyên'}, ${allowed ? 'được' : 'không được'} sửa`)
      }
      // publish a draft
      {
        const fx = await pooled(collection, code, 'draft')
        const allowed = oracle.publishes(p, issuer)
        const res = await c.patch(`/api/${collection}/${fx.id}`, { _status: 'published' })
        const status = (await admin.get(`/api/${collection}/${fx.id}?depth=0`)).body._status
        check(role, 'publish', allowed ? res.status === 200 && status === 'published' : denied(res.status) && status === 'draft', `${label}: ${res.status}, trạng thái ${status}, ${allowed ? 'được' : 'không được'} phát hành`)
        if (status === 'published') consume(collection, code, 'draft')
      }
      // delete a draft that was never published, and a published record
      for (const state of ['draft', 'published'] as const) {
        const fx = await pooled(collection, code, state)
        const allowed = oracle.deletes(p, content(collection, fx.id))
        const res = await c.del(`/api/${collection}/${fx.id}`)
        const exists = (await admin.get(`/api/${collection}/${fx.id}?draft=true&depth=0`)).status === 200
        check(role, 'delete', allowed ? res.status === 200 && !exists : denied(res.status) && exists, `${label} ${state}: ${res.status}, ${exists ? 'vẫn còn' : 'đã xóa'}, ${allowed ? 'được' : 'không được'} xóa`)
        if (!exists) consume(collection, code, state)
      }
    }
  }
}

// --- the matrix -----------------------------------------------------------------------------------------

describe('authorization matrix: reading', () => {
  beforeAll(loadVersionIds)
  for (const role of ROLES)
    it(`${role.label} (${role.login ?? '—'})`, async () => {
      const from = results.length
      await readCases(role)
      await leakCases(role)
      await profileCases(role)
      expect(failures(role, from)).toEqual([])
    }, 300_000)
})

describe('authorization matrix: writing', () => {
  for (const role of ROLES)
    it(`${role.label} (${role.login ?? '—'})`, async () => {
      const from = results.length
      await writeCases(role)
      expect(failures(role, from)).toEqual([])
    }, 300_000)
})

it('covers at least 500 cases over every role and action', () => {
  expect(results.length).toBeGreaterThanOrEqual(500)
  const actions = new Set(results.map((r) => r.action))
  for (const a of ['list', 'read', 'file', 'create', 'update', 'publish', 'delete', 'versions', 'graphql', 'depth', 'profile']) expect(actions).toContain(a)
  expect(new Set(results.map((r) => r.role)).size).toBe(ROLES.length)
})
