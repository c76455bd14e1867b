/**
 * The organisation tree over HTTP with real logins: nodes at every depth, subtree moves that carry every
 * descendant's path and depth and every member's scope, refusals (cycles, orphans, children of a chi bộ,
 * deletions that would orphan, duplicate codes, edits outside what a leader leads) that change nothing, a
 * move whose rewrite fails half-way leaving nothing half-moved, and the tree helpers on the seeded tree.
 */
import { ancestorsOf, isWithinSubtree, subtreeIds } from '../../collections/Organizations/tree'
import { client, login, loginDemo, type Client } from '../helpers/client'
import { startTestServer, usingPostgres, type TestServer } from '../helpers/server'

/** Ids as the SQL databases the suite runs on give them (payload-types.ts). */
type Org = { id: number; name: string; kind: string; code: string | null; parent: number | null; path: string; depth: number }
type Member = { id: number | string; branch: number | string | null; orgPath: string | null }

let server: TestServer
let anon: Client
let admin: Client
let hpLeader: Client // capuy.haiphong: cấp ủy viên of Thành ủy Hải Phòng (HP)
let wardLeader: Client // bithu.bachdang: bí thư of Đảng ủy phường Bạch Đằng (HP.BD)
let member: Client // dangvien.cb01: a plain member
let thLeader: Client // created below: cấp ủy viên of Tỉnh ủy Thanh Hóa (TH)

beforeAll(async () => {
  server = await startTestServer()
  anon = client(server.url)
  ;[admin, hpLeader, wardLeader, member] = await Promise.all(
    ['quantri', 'capuy.haiphong', 'bithu.bachdang', 'dangvien.cb01'].map((who) => loginDemo(server.url, who)),
  )
})
afterAll(async () => {
  await server?.stop()
})

/** Every organisation as stored, by the system administrator's REST read. */
async function organizations(): Promise<Org[]> {
  const res = await admin.get('/api/organizations?pagination=false&depth=0&sort=id')
  expect(res.status).toBe(200)
  return res.body.docs.map((d: any) => ({ id: d.id, name: d.name, kind: d.kind, code: d.code ?? null, parent: d.parent ?? null, path: d.path, depth: d.depth }))
}

/** Every member's branch and stored scope (`orgPath` is hidden from the API: read through the Local API). */
async function members(): Promise<Member[]> {
  const found = await server.payload.find({ collection: 'users', pagination: false, depth: 0, sort: 'id', overrideAccess: true, showHiddenFields: true })
  return found.docs.map((d: any) => ({ id: d.id, branch: d.branch ?? null, orgPath: d.orgPath ?? null }))
}

const snapshot = async () => JSON.stringify({ orgs: await organizations(), members: await members() })

async function org(code: string): Promise<Org> {
  const found = (await organizations()).find((o) => o.code === code)
  if (!found) throw new Error(`no organisation ${code}`)
  return found
}

/** The path and depth every node must have, worked out from parent links alone. */
function expectedPaths(orgs: Org[]): Map<string, { path: string; depth: number }> {
  const byId = new Map(orgs.map((o) => [String(o.id), o]))
  const chain = (o: Org): string[] => (o.parent == null ? [String(o.id)] : [...chain(byId.get(String(o.parent))!), String(o.id)])
  return new Map(orgs.map((o) => [String(o.id), { path: `/${chain(o).join('/')}/`, depth: chain(o).length - 1 }]))
}

/** Every stored path, depth and member scope agrees with the parent links. */
async function expectConsistentTree(): Promise<void> {
  const orgs = await organizations()
  const expected = expectedPaths(orgs)
  expect(orgs.filter((o) => o.path !== expected.get(String(o.id))!.path || o.depth !== expected.get(String(o.id))!.depth)).toEqual([])
  const pathOf = new Map(orgs.map((o) => [String(o.id), o.path]))
  const scoped = (await members()).filter((m) => m.branch != null)
  expect(scoped.length).toBeGreaterThan(50)
  expect(scoped.filter((m) => m.orgPath !== pathOf.get(String(m.branch)))).toEqual([])
}

async function create(as: Client, data: Record<string, unknown>) {
  return as.post('/api/organizations', data)
}

const memberCount = async (as: Client, branch: Org) =>
  (await as.get(`/api/users?where[branch][equals]=${branch.id}&limit=0&depth=0`)).body.totalDocs as number

describe('the seeded tree', () => {
  it('stores on every node the path and depth its parents give, and on every member the path of their chi bộ', async () => {
    await expectConsistentTree()
    const cb01 = await org('HP.BD.CB01')
    const [tw, hp, bd] = await Promise.all(['TW', 'HP', 'HP.BD'].map(org))
    expect(cb01.path).toBe(`/${tw.id}/${hp.id}/${bd.id}/${cb01.id}/`)
    expect(cb01.depth).toBe(3)
  })

  ;(usingPostgres() ? it : it.skip)('compares every stored path byte by byte on PostgreSQL, so a subtree is an index range', async () => {
    // subtreeRange (src/lib/org-tree/path.ts) needs byte order; a linguistic collation may ignore the "/".
    const { rows } = await (server.payload.db as any).pool.query(
      `SELECT table_name || '.' || column_name AS col, collation_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name LIKE '%path' AND data_type IN ('character varying', 'text')
          AND table_name NOT LIKE '%\\_rels'`, // a relationship table's "path" names a field, not a place in the tree
    )
    expect(rows.length).toBeGreaterThanOrEqual(10)
    expect(rows.filter((r: any) => r.collation_name !== 'C').map((r: any) => r.col)).toEqual([])
  })

  it('is readable by anyone (registration lists the branches)', async () => {
    const res = await anon.get('/api/organizations?pagination=false&depth=0')
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: any) => d.code)).toEqual(expect.arrayContaining(['TW', 'HP', 'HP.BD.CB05', 'TH.HT.CB02']))
  })
})

describe('the tree helpers on the seeded tree', () => {
  const ctx = () => ({ payload: server.payload })

  it('ancestorsOf lists the ancestors root first', async () => {
    const cb01 = await org('HP.BD.CB01')
    expect((await ancestorsOf(ctx(), cb01.id)).map((o) => o.code)).toEqual(['TW', 'HP', 'HP.BD'])
    expect(await ancestorsOf(ctx(), (await org('TW')).id)).toEqual([])
    expect(await ancestorsOf(ctx(), 987654)).toEqual([])
  })

  it('isWithinSubtree: a node is within itself and its ancestors, not its siblings or descendants', async () => {
    const [hp, bd, hb, th, cb01] = await Promise.all(['HP', 'HP.BD', 'HP.HB', 'TH', 'HP.BD.CB01'].map(org))
    const cases: [Org, Org, boolean][] = [
      [cb01, hp, true], [cb01, bd, true], [cb01, cb01, true], [hp, hp, true],
      [cb01, th, false], [cb01, hb, false], [hp, bd, false], [bd, cb01, false],
    ]
    for (const [x, y, within] of cases) expect([x.code, y.code, await isWithinSubtree(ctx(), x.id, y.id)]).toEqual([x.code, y.code, within])
    expect(await isWithinSubtree(ctx(), 987654, hp.id)).toBe(false)
  })

  it('subtreeIds lists the node and everything below it, as the parent links say', async () => {
    const orgs = await organizations()
    const expected = expectedPaths(orgs)
    for (const code of ['TW', 'HP', 'HP.BD', 'TH', 'HP.BD.CB01']) {
      const root = orgs.find((o) => o.code === code)!
      const truth = orgs.filter((o) => expected.get(String(o.id))!.path.includes(`/${root.id}/`)).map((o) => String(o.id))
      expect((await subtreeIds(ctx(), root.id)).sort()).toEqual(truth.sort())
    }
    expect((await subtreeIds(ctx(), (await org('HP.BD')).id)).length).toBe(6)
    expect(await subtreeIds(ctx(), 987654)).toEqual([])
  })
})

describe('creating nodes', () => {
  it('at every depth, each path and depth computed from its parent', async () => {
    const tw = await org('TW')
    let parent: { id: unknown; path: string; depth: number } = tw
    const levels = [
      { code: 'QN', name: 'Tỉnh ủy Quảng Ninh', kind: 'tinh-uy' },
      { code: 'QN.HL', name: 'Đảng ủy phường Hạ Long', kind: 'dang-uy-xa' },
      { code: 'QN.HL.TKV', name: 'Đảng bộ Công ty Than Hạ Long', kind: 'dang-bo-co-so' },
      { code: 'QN.HL.TKV.PX1', name: 'Đảng bộ bộ phận Phân xưởng Khai thác 1', kind: 'dang-bo-bo-phan' },
      { code: 'QN.HL.TKV.PX1.CB1', name: 'Chi bộ Tổ lò 1', kind: 'chi-bo' },
    ]
    for (const level of levels) {
      const res = await create(admin, { ...level, parent: parent.id })
      expect(res.status).toBe(201)
      const doc = res.body.doc
      expect(doc.path).toBe(`${parent.path}${doc.id}/`)
      expect(doc.depth).toBe(parent.depth + 1)
      parent = doc
    }
    expect((await org('QN.HL.TKV.PX1.CB1')).depth).toBe(5)
    await expectConsistentTree()
  })

  it('a member joins the new chi bộ and takes its path', async () => {
    const cb = await org('QN.HL.TKV.PX1.CB1')
    const res = await admin.post('/api/users', {
      fullName: 'Vũ Văn Lò', email: 'to-lo-1@example.vn', password: 'MatKhau@123', status: 'da-duyet', branch: cb.id,
    })
    expect(res.status).toBe(201)
    const stored = (await members()).find((m) => String(m.id) === String(res.body.doc.id))!
    expect(stored.orgPath).toBe(cb.path)
  })

  it('a leader for Thanh Hóa, to watch scope follow moves', async () => {
    const th = await org('TH')
    const res = await admin.post('/api/users', {
      fullName: 'Lê Thị Thanh', email: 'capuy.thanhhoa@example.vn', password: 'MatKhau@123', status: 'da-duyet',
      roles: [{ role: 'cap-uy-vien', organization: th.id }],
    })
    expect(res.status).toBe(201)
    thLeader = await login(server.url, 'capuy.thanhhoa@example.vn', 'MatKhau@123')
  })
})

describe('moving a subtree', () => {
  it('a ward with its chi bộ to another province: paths, members’ scope and who may read them follow', async () => {
    const [hb, hbcb, th, hp] = await Promise.all(['HP.HB', 'HP.HB.CB01', 'TH', 'HP'].map(org))
    const others = (await organizations()).filter((o) => !o.path.startsWith(hb.path))
    expect(await memberCount(hpLeader, hbcb)).toBe(5)
    expect(await memberCount(thLeader, hbcb)).toBe(0)

    const res = await admin.patch(`/api/organizations/${hb.id}`, { parent: th.id })
    expect(res.status).toBe(200)
    expect(res.body.doc.path).toBe(`${th.path}${hb.id}/`)

    const moved = await org('HP.HB.CB01')
    expect(moved.path).toBe(`${th.path}${hb.id}/${hbcb.id}/`)
    expect(moved.path).not.toContain(`/${hp.id}/`)
    await expectConsistentTree()
    const after = await organizations()
    expect(others.filter((o) => JSON.stringify(after.find((a) => a.id === o.id)) !== JSON.stringify(o))).toEqual([])
    // Members' scope moved with their chi bộ: the new province's leadership reads them, the old one no longer does.
    expect(await memberCount(thLeader, moved)).toBe(5)
    expect(await memberCount(hpLeader, moved)).toBe(0)
  })

  it('a three-level đảng bộ up one level: every descendant’s depth changes, and members follow', async () => {
    const [tkv, th] = await Promise.all(['QN.HL.TKV', 'TH'].map(org))
    const before = (await organizations()).filter((o) => o.path.startsWith(tkv.path))
    expect(before.map((o) => o.depth).sort()).toEqual([3, 4, 5])
    const res = await admin.patch(`/api/organizations/${tkv.id}`, { parent: th.id })
    expect(res.status).toBe(200)
    const after = (await organizations()).filter((o) => before.some((b) => b.id === o.id))
    expect(after.map((o) => o.depth).sort()).toEqual([2, 3, 4])
    for (const o of after) expect(o.path.startsWith(`${th.path}${tkv.id}/`)).toBe(true)
    await expectConsistentTree()
    expect(await memberCount(thLeader, await org('QN.HL.TKV.PX1.CB1'))).toBe(1)
  })

  it('a node and its own child in one bulk edit: both land under the new parent, the grandchild follows its parent', async () => {
    const [tkv, px1, qn] = await Promise.all(['QN.HL.TKV', 'QN.HL.TKV.PX1', 'QN'].map(org))
    const res = await admin.patch(`/api/organizations?where[id][in][0]=${tkv.id}&where[id][in][1]=${px1.id}&depth=0`, { parent: qn.id })
    expect(res.status).toBe(200)
    expect(res.body.docs).toHaveLength(2)
    const cb = await org('QN.HL.TKV.PX1.CB1')
    expect(cb.path).toBe(`${qn.path}${px1.id}/${cb.id}/`)
    expect(cb.depth).toBe(3)
    await expectConsistentTree()
    expect(await memberCount(thLeader, cb)).toBe(0)
  })

  it('through the Local API outside any transaction, too', async () => {
    const [px1, th, qn] = await Promise.all(['QN.HL.TKV.PX1', 'TH', 'QN'].map(org))
    for (const target of [th, qn]) {
      await server.payload.update({ collection: 'organizations', id: px1.id, data: { parent: target.id }, overrideAccess: true, disableTransaction: true })
      expect((await org('QN.HL.TKV.PX1.CB1')).path.startsWith(`${target.path}${px1.id}/`)).toBe(true)
      await expectConsistentTree()
    }
  })
})

describe('refused changes say why in Vietnamese and change nothing', () => {
  let before: string
  beforeEach(async () => {
    before = await snapshot()
  })
  afterEach(async () => {
    expect(await snapshot()).toBe(before)
  })

  it('a node under itself, or under its own descendant (a cycle)', async () => {
    const [hp, bd, cb01] = await Promise.all(['HP', 'HP.BD', 'HP.BD.CB01'].map(org))
    for (const target of [hp, bd]) {
      const res = await admin.patch(`/api/organizations/${hp.id}`, { parent: target.id })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toMatch(/Không thể chuyển một tổ chức vào bên dưới chính nó hoặc một đơn vị trực thuộc của nó/)
    }
    // Under a deep descendant too (the chi bộ refuses children first; a ward does not).
    const res = await admin.patch(`/api/organizations/${(await org('TW')).id}`, { parent: cb01.id })
    expect(res.status).toBe(400)
  })

  it('a non-root without a parent (an orphan)', async () => {
    const created = await create(admin, { name: 'Tỉnh ủy Mồ Côi', kind: 'tinh-uy', code: 'MC' })
    expect(created.status).toBe(400)
    expect(JSON.stringify(created.body)).toMatch(/phải trực thuộc một tổ chức đảng cấp trên/)
    const moved = await admin.patch(`/api/organizations/${(await org('HP.BD')).id}`, { parent: null })
    expect(moved.status).toBe(400)
    expect(JSON.stringify(moved.body)).toMatch(/phải trực thuộc một tổ chức đảng cấp trên/)
  })

  it('a second parent for the root', async () => {
    const res = await admin.patch(`/api/organizations/${(await org('TW')).id}`, { parent: (await org('HP')).id })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/là cấp cao nhất, không có tổ chức cấp trên/)
  })

  it('a child of a chi bộ, created or moved there', async () => {
    const cb02 = await org('HP.BD.CB02')
    const created = await create(admin, { name: 'Tổ đảng số 1', kind: 'chi-bo', code: 'HP.BD.CB02.T1', parent: cb02.id })
    expect(created.status).toBe(400)
    expect(JSON.stringify(created.body)).toMatch(/Chi bộ là tổ chức cơ sở, không có tổ chức trực thuộc/)
    const moved = await admin.patch(`/api/organizations/${(await org('HP.HB')).id}`, { parent: cb02.id })
    expect(moved.status).toBe(400)
    expect(JSON.stringify(moved.body)).toMatch(/Chi bộ là tổ chức cơ sở/)
  })

  it('a parent that does not exist', async () => {
    const res = await create(admin, { name: 'Chi bộ ma', kind: 'chi-bo', parent: 987654 })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/Tổ chức cấp trên không tồn tại/)
  })

  it('a kind that contradicts what the node holds', async () => {
    const toLeaf = await admin.patch(`/api/organizations/${(await org('HP.BD')).id}`, { kind: 'chi-bo' })
    expect(toLeaf.status).toBe(400)
    expect(JSON.stringify(toLeaf.body)).toMatch(/Không thể đổi thành Chi bộ: tổ chức này còn 5 tổ chức trực thuộc/)
    const fromLeaf = await admin.patch(`/api/organizations/${(await org('HP.BD.CB03')).id}`, { kind: 'dang-bo-co-so' })
    expect(fromLeaf.status).toBe(400)
    expect(JSON.stringify(fromLeaf.body)).toMatch(/chi bộ này còn \d+ đảng viên sinh hoạt/)
  })

  it('a duplicate code, also with stray spaces', async () => {
    const bd = await org('HP.BD')
    for (const code of ['HP.BD.CB01', '  HP.BD.CB01 ']) {
      const res = await create(admin, { name: 'Chi bộ trùng mã', kind: 'chi-bo', code, parent: bd.id })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toMatch(/Mã tổ chức \\"HP.BD.CB01\\" đã được dùng cho Chi bộ Khu dân cư số 1/)
    }
    const renamed = await admin.patch(`/api/organizations/${(await org('HP.BD.CB02')).id}`, { code: 'HP' })
    expect(renamed.status).toBe(400)
    expect(JSON.stringify(renamed.body)).toMatch(/Mã tổ chức \\"HP\\" đã được dùng cho Thành ủy Hải Phòng/)
  })

  it('deleting a node with sub-organisations or with members', async () => {
    const withChildren = await admin.del(`/api/organizations/${(await org('HP.BD')).id}`)
    expect(withChildren.status).toBe(400)
    expect(JSON.stringify(withChildren.body)).toMatch(/Không thể xóa: tổ chức này còn 5 tổ chức trực thuộc/)
    const withMembers = await admin.del(`/api/organizations/${(await org('HP.BD.CB03')).id}`)
    expect(withMembers.status).toBe(400)
    expect(JSON.stringify(withMembers.body)).toMatch(/Không thể xóa: tổ chức này còn \d+ đảng viên/)
  })

  it('a plain member modifies nothing', async () => {
    const [bd, cb01] = await Promise.all(['HP.BD', 'HP.BD.CB01'].map(org))
    expect((await create(member, { name: 'Chi bộ tự lập', kind: 'chi-bo', parent: bd.id })).status).toBe(403)
    expect((await member.patch(`/api/organizations/${cb01.id}`, { name: 'Đổi tên' })).status).toBe(403)
    expect((await member.del(`/api/organizations/${cb01.id}`)).status).toBe(403)
    expect((await anon.post('/api/organizations', { name: 'Ẩn danh', kind: 'chi-bo', parent: bd.id })).status).toBe(403)
  })

  it('a ward secretary outside the ward: not its parent, not a sibling, not the ward itself', async () => {
    const [hp, bd, hb, hbcb, cb01, th] = await Promise.all(['HP', 'HP.BD', 'HP.HB', 'HP.HB.CB01', 'HP.BD.CB01', 'TH'].map(org))
    const outside = await create(wardLeader, { name: 'Chi bộ lạc chỗ', kind: 'chi-bo', parent: hb.id })
    expect(outside.status).toBe(403)
    expect(JSON.stringify(outside.body)).toMatch(/Bạn chỉ được tạo hoặc chuyển tổ chức vào bên trong tổ chức mình lãnh đạo/)
    expect((await create(wardLeader, { name: 'Phường mới', kind: 'dang-uy-xa', parent: hp.id })).status).toBe(403)
    expect((await wardLeader.patch(`/api/organizations/${bd.id}`, { name: 'Tự đổi tên' })).status).toBe(403)
    expect((await wardLeader.patch(`/api/organizations/${hp.id}`, { name: 'Đổi tên cấp trên' })).status).toBe(403)
    expect((await wardLeader.patch(`/api/organizations/${hbcb.id}`, { name: 'Đổi tên nơi khác' })).status).toBe(403)
    // A chi bộ of the ward cannot be carried out of it.
    const carried = await wardLeader.patch(`/api/organizations/${cb01.id}`, { parent: th.id })
    expect(carried.status).toBe(403)
    expect((await wardLeader.del(`/api/organizations/${bd.id}`)).status).toBe(403)
  })

  it('a province committee member: not the province itself, nothing beside it', async () => {
    const [tw, hp, th] = await Promise.all(['TW', 'HP', 'TH'].map(org))
    expect((await hpLeader.patch(`/api/organizations/${hp.id}`, { name: 'Tự đổi tên' })).status).toBe(403)
    expect((await create(hpLeader, { name: 'Tỉnh ủy mới', kind: 'tinh-uy', parent: tw.id })).status).toBe(403)
    expect((await create(hpLeader, { name: 'Trung ương mới', kind: 'trung-uong' })).status).toBe(403)
    expect((await hpLeader.del(`/api/organizations/${th.id}`)).status).toBe(403)
  })
})

describe('leaders manage what they lead', () => {
  it('a ward secretary creates, renames, moves within and deletes a chi bộ of the ward', async () => {
    const [bd, cb01] = await Promise.all(['HP.BD', 'HP.BD.CB01'].map(org))
    const created = await create(wardLeader, { name: 'Chi bộ Khu dân cư số 6', kind: 'chi-bo', code: 'HP.BD.CB06', parent: bd.id })
    expect(created.status).toBe(201)
    expect(created.body.doc.path).toBe(`${bd.path}${created.body.doc.id}/`)
    const renamed = await wardLeader.patch(`/api/organizations/${created.body.doc.id}`, { name: 'Chi bộ Khu dân cư số 6 (mới)' })
    expect(renamed.status).toBe(200)
    expect(renamed.body.doc.name).toBe('Chi bộ Khu dân cư số 6 (mới)')
    // Renaming the ward's own chi bộ that holds members keeps their scope.
    expect((await wardLeader.patch(`/api/organizations/${cb01.id}`, { name: 'Chi bộ Khu dân cư số 1' })).status).toBe(200)
    const deleted = await wardLeader.del(`/api/organizations/${created.body.doc.id}`)
    expect(deleted.status).toBe(200)
    expect((await organizations()).some((o) => o.code === 'HP.BD.CB06')).toBe(false)
    await expectConsistentTree()
  })

  it('a province committee member moves a chi bộ from one ward to another inside the province', async () => {
    const [bd, cb04] = await Promise.all(['HP.BD', 'HP.BD.CB04'].map(org))
    const ward = await create(hpLeader, { name: 'Đảng ủy phường Ngô Quyền', kind: 'dang-uy-xa', code: 'HP.NQ', parent: (await org('HP')).id })
    expect(ward.status).toBe(201)
    const moved = await hpLeader.patch(`/api/organizations/${cb04.id}`, { parent: ward.body.doc.id })
    expect(moved.status).toBe(200)
    expect(moved.body.doc.path).toBe(`${ward.body.doc.path}${cb04.id}/`)
    await expectConsistentTree()
    // The ward secretary of Bạch Đằng no longer reaches its members; the province still does.
    expect(await memberCount(wardLeader, cb04)).toBe(0)
    expect(await memberCount(hpLeader, cb04)).toBeGreaterThan(0)
    expect((await hpLeader.patch(`/api/organizations/${cb04.id}`, { parent: bd.id })).status).toBe(200)
    expect(await memberCount(wardLeader, cb04)).toBeGreaterThan(0)
  })

  it('an empty leaf is deleted; one where someone still holds a role is not', async () => {
    const nq = await org('HP.NQ')
    const cb = await create(admin, { name: 'Chi bộ Cảng', kind: 'chi-bo', code: 'HP.NQ.CANG', parent: nq.id })
    expect(cb.status).toBe(201)
    const secretary = await admin.post('/api/users', {
      fullName: 'Đỗ Văn Cảng', email: 'bithu.cang@example.vn', password: 'MatKhau@123', status: 'da-duyet',
      roles: [{ role: 'bi-thu', organization: cb.body.doc.id }],
    })
    expect(secretary.status).toBe(201)
    const refused = await admin.del(`/api/organizations/${cb.body.doc.id}`)
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toMatch(/còn 1 người giữ chức vụ tại tổ chức này/)
    expect((await admin.patch(`/api/users/${secretary.body.doc.id}`, { roles: [] })).status).toBe(200)
    expect((await admin.del(`/api/organizations/${cb.body.doc.id}`)).status).toBe(200)
    expect((await admin.del(`/api/organizations/${nq.id}`)).status).toBe(200)
    expect((await organizations()).some((o) => o.code === 'HP.NQ' || o.code === 'HP.NQ.CANG')).toBe(false)
    await expectConsistentTree()
  })
})

describe('a move whose rewrite fails half-way', () => {
  /** Makes the database refuse to rewrite one member's scope: the move's last statement fails. */
  async function blockMember(id: number | string, on: boolean) {
    const db = server.payload.db as unknown as { execute: (a: { drizzle: unknown; raw: string }) => Promise<unknown>; drizzle: unknown }
    const run = (raw: string) => db.execute({ drizzle: db.drizzle, raw })
    if (usingPostgres()) {
      if (on) {
        await run(`CREATE FUNCTION refuse_move() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'thử lỗi giữa chừng'; END $$ LANGUAGE plpgsql`)
        await run(`CREATE TRIGGER refuse_move BEFORE UPDATE OF org_path ON users FOR EACH ROW WHEN (OLD.id = ${Number(id)}) EXECUTE FUNCTION refuse_move()`)
      } else {
        await run('DROP TRIGGER refuse_move ON users')
        await run('DROP FUNCTION refuse_move()')
      }
    } else if (on) {
      await run(`CREATE TRIGGER refuse_move BEFORE UPDATE OF org_path ON users WHEN OLD.id = ${Number(id)} BEGIN SELECT RAISE(ABORT, 'thử lỗi giữa chừng'); END`)
    } else await run('DROP TRIGGER refuse_move')
  }

  it('leaves no descendant or member half-moved, and the node where it was', async () => {
    const [hb, hbcb, hp] = await Promise.all(['HP.HB', 'HP.HB.CB01', 'HP'].map(org))
    const last = (await members()).filter((m) => String(m.branch) === String(hbcb.id)).at(-1)!
    const before = await snapshot()
    await blockMember(last.id, true)
    try {
      const res = await admin.patch(`/api/organizations/${hb.id}`, { parent: hp.id, name: 'Đảng ủy phường Hồng Bàng (về Hải Phòng)' })
      expect(res.status).toBe(500)
      expect(JSON.stringify(res.body)).toMatch(/Chưa có thay đổi nào được lưu/)
      expect(await snapshot()).toBe(before)
    } finally {
      await blockMember(last.id, false)
    }
    // Once the database accepts it, the same move goes through whole.
    const res = await admin.patch(`/api/organizations/${hb.id}`, { parent: hp.id })
    expect(res.status).toBe(200)
    await expectConsistentTree()
    expect(await memberCount(hpLeader, hbcb)).toBe(5)
    expect(await memberCount(thLeader, hbcb)).toBe(0)
  })
})
