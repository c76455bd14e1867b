/**
 * The SQL over materialised paths, run on a real SQLite database (libSQL in memory) and checked against
 * the tree by walking parent links: subtree reads, subtree moves with members following, index use, and
 * refusal of anything that is not a path.
 */
import { createClient, type Client } from '@libsql/client'
import { assertSafePath, idsFromRow, realignStatement, selectIdsUnder, startsWith } from '../../../collections/Organizations/pathSql'
import { subtreeRange } from '../../../src/lib/org-tree/path'
import { randomTree, truePath, walkUp } from './trees'

const ORGS = { table: 'organizations', column: 'path', depthColumn: 'depth' }
const MEMBERS = { table: 'users', column: 'org_path' }

let db: Client
let parent: Map<number, number | null>

/** A fresh in-memory database holding `tree` and members in it. */
async function load(tree: Map<number, number | null>) {
  db?.close()
  db = createClient({ url: ':memory:' })
  await db.batch(
    [
      'CREATE TABLE organizations (id integer PRIMARY KEY, path text, depth numeric)',
      'CREATE INDEX organizations_path_idx ON organizations (path)',
      'CREATE TABLE users (id integer PRIMARY KEY, branch integer, org_path text)',
      'CREATE INDEX users_org_path_idx ON users (org_path)',
      ...[...tree.keys()].map((id) => ({ sql: 'INSERT INTO organizations VALUES (?, ?, ?)', args: [id, truePath(tree, id), walkUp(tree, id).length] })),
      // Two members in every organisation whose id is odd.
      ...[...tree.keys()].filter((id) => id % 2).flatMap((id) => [0, 1].map((k) => ({ sql: 'INSERT INTO users VALUES (?, ?, ?)', args: [id * 2 + k, id, truePath(tree, id)] }))),
    ],
    'write',
  )
}

const subtreeByWalk = (tree: Map<number, number | null>, y: number) =>
  [...tree.keys()].filter((x) => x === y || walkUp(tree, x).includes(y)).sort((a, b) => a - b)

async function idsUnder(id: number): Promise<number[]> {
  const path = truePath(parent, id)
  const { rows } = await db.execute(selectIdsUnder('sqlite', 'organizations', 'path', path))
  return idsFromRow(rows[0] as { ids?: unknown }).map(Number).sort((a, b) => a - b)
}

beforeAll(async () => {
  parent = randomTree(300, 2025)
  await load(parent)
})
afterAll(() => db.close())

describe('selectIdsUnder', () => {
  it('returns exactly the subtree, for every node', async () => {
    const wrong: number[] = []
    for (const y of parent.keys()) if (JSON.stringify(await idsUnder(y)) !== JSON.stringify(subtreeByWalk(parent, y))) wrong.push(y)
    expect(wrong).toEqual([])
    expect(await idsUnder(1)).toHaveLength(300)
  })

  it('reads the path index instead of scanning the table', async () => {
    const { rows } = await db.execute(`EXPLAIN QUERY PLAN ${selectIdsUnder('sqlite', 'organizations', 'path', truePath(parent, 5))}`)
    const plan = rows.map((r) => String(r.detail)).join('; ')
    expect(plan).toMatch(/SEARCH organizations USING (COVERING )?INDEX organizations_path_idx/)
  })

  it('lists nothing under a path no row has', async () => {
    const { rows } = await db.execute(selectIdsUnder('sqlite', 'organizations', 'path', '/999999/'))
    expect(idsFromRow(rows[0] as { ids?: unknown })).toEqual([])
  })
})

describe('subtreeRange as SQL (what Payload’s greater_than_equal / less_than become)', () => {
  const rangeSql = (id: number) => {
    const { from, to } = subtreeRange(truePath(parent, id))
    return { sql: 'SELECT id FROM organizations WHERE path >= ? AND path < ? ORDER BY id', args: [from, to] }
  }

  it('selects exactly the subtree, for every node', async () => {
    const wrong: number[] = []
    for (const y of parent.keys()) {
      const { rows } = await db.execute(rangeSql(y))
      if (JSON.stringify(rows.map((r) => Number(r.id))) !== JSON.stringify(subtreeByWalk(parent, y))) wrong.push(y)
    }
    expect(wrong).toEqual([])
  })

  it('reads the path index', async () => {
    const { sql, args } = rangeSql(5)
    const { rows } = await db.execute({ sql: `EXPLAIN QUERY PLAN ${sql}`, args })
    expect(rows.map((r) => String(r.detail)).join('; ')).toMatch(/SEARCH organizations USING (COVERING )?INDEX organizations_path_idx \(path>\? AND path<\?\)/)
  })
})

describe('realignStatement carries a subtree and everything that copies its paths', () => {
  const depth = (id: number) => walkUp(parent, id).length
  const outside = (node: number) => [...parent.keys()].filter((id) => !subtreeByWalk(parent, node).includes(id))

  /** Saves the node at its new place, as Payload does before the hook runs. */
  async function saveNode(node: number, newParent: number) {
    parent = new Map(parent).set(node, newParent)
    await db.execute({ sql: 'UPDATE organizations SET path = ?, depth = ? WHERE id = ?', args: [truePath(parent, node), depth(node), node] })
  }
  const realign = (node: number) =>
    db.batch([realignStatement('sqlite', ORGS, ORGS, node), realignStatement('sqlite', ORGS, MEMBERS, node)], 'write')

  async function expectStoredTreeToMatch(tree: Map<number, number | null>) {
    const orgs = (await db.execute('SELECT id, path, depth FROM organizations')).rows
    const wrongOrgs = orgs.filter((r) => r.path !== truePath(tree, Number(r.id)) || Number(r.depth) !== walkUp(tree, Number(r.id)).length)
    expect(wrongOrgs).toEqual([])
    const members = (await db.execute('SELECT id, branch, org_path FROM users')).rows
    expect(members.length).toBe(300)
    expect(members.filter((r) => r.org_path !== truePath(tree, Number(r.branch)))).toEqual([])
  }

  it('deeper, up under the root, and sideways into another branch', async () => {
    const mover = [...parent.keys()].find((id) => id > 1 && subtreeByWalk(parent, id).length > 5)!
    const before = depth(mover)
    await saveNode(mover, outside(mover).reduce((a, b) => (depth(b) > depth(a) ? b : a)))
    await realign(mover)
    expect(depth(mover)).toBeGreaterThan(before + 1)
    await expectStoredTreeToMatch(parent)
    await saveNode(mover, 1)
    await realign(mover)
    expect(depth(mover)).toBe(1)
    await expectStoredTreeToMatch(parent)
    await saveNode(mover, outside(mover).find((id) => id !== 1 && depth(id) === 2)!)
    await realign(mover)
    await expectStoredTreeToMatch(parent)
  })

  it('a node and its own descendant moved in one request, in any interleaving of the steps', async () => {
    const a = [...parent.keys()].find((id) => id > 1 && subtreeByWalk(parent, id).some((d) => d !== id && subtreeByWalk(parent, d).length > 2))!
    const b = subtreeByWalk(parent, a).find((d) => d !== a && subtreeByWalk(parent, d).length > 2)!
    const target = outside(a).find((id) => id !== 1)!
    const orders: (() => Promise<unknown>)[][] = [
      [() => saveNode(a, target), () => saveNode(b, target), () => realign(a), () => realign(b)],
      [() => saveNode(a, target), () => saveNode(b, target), () => realign(b), () => realign(a)],
      [() => saveNode(b, target), () => realign(b), () => saveNode(a, target), () => realign(a)],
    ]
    for (const steps of orders) {
      await load(randomTree(300, 2025))
      parent = randomTree(300, 2025)
      for (const step of steps) await step()
      expect([parent.get(a), parent.get(b)]).toEqual([target, target])
      await expectStoredTreeToMatch(parent)
    }
  })

  it('recomputes depth from the node’s stored depth', () => {
    const sql = realignStatement('postgres', ORGS, ORGS, 42)
    expect(sql).toContain(`strpos("path", '/42/')`)
    expect(sql).toContain(`(SELECT "depth" FROM "organizations" WHERE "id" = 42)`)
    expect(realignStatement('sqlite', ORGS, MEMBERS, 42)).not.toContain('depth')
  })
})

describe('only paths reach the SQL', () => {
  it.each([["/1/' OR 1=1 --/"], ['/1/*/'], ['/1/%/'], ['/1/_/'], ['1/2/'], ['/1/2'], [''], ['/'], ['/1//2/']])('%j is refused', (bad) => {
    expect(() => assertSafePath(bad)).toThrow(/Đường dẫn tổ chức không hợp lệ/)
    expect(() => startsWith('sqlite', 'path', bad)).toThrow(/Đường dẫn tổ chức không hợp lệ/)
  })

  it('nor does a table or column name that is not a plain identifier', () => {
    expect(() => selectIdsUnder('sqlite', 'organizations"; DROP TABLE users; --', 'path', '/1/')).toThrow(/không hợp lệ/)
    expect(() => realignStatement('sqlite', ORGS, { table: 'users', column: 'org-path' }, 1)).toThrow(/không hợp lệ/)
    expect(() => realignStatement('sqlite', ORGS, MEMBERS, "1' OR '1'='1")).toThrow(/Mã số tổ chức không hợp lệ/)
  })

  it('PostgreSQL gets a prefix LIKE, SQLite a GLOB', () => {
    expect(startsWith('postgres', 'path', '/1/5/')).toBe(`"path" LIKE '/1/5/%'`)
    expect(startsWith('sqlite', 'org_path', '/1/5/')).toBe(`"org_path" GLOB '/1/5/*'`)
  })
})
