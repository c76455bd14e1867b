/**
 * Organisation-tree benchmark: the helpers of collections/Organizations/tree.ts and a subtree move on a
 * realistic 50,000-node tree (1 Trung ương, 34 provinces, ~3,300 wards, the rest chi bộ and đảng bộ cơ sở /
 * bộ phận, six levels: depth 0–5) with members in the chi bộ.
 *
 * The tree is bulk-inserted with raw SQL into a fresh database migrated like production: a SQLite file under
 * the temporary folder by default, or a new PostgreSQL database when DATABASE_URL is a postgres:// URL
 * (created next to the one named, dropped at the end). The timings then go through the real helpers and,
 * for the move (a province merged into another and back), through `payload.update` with its hooks.
 *
 *   npx tsx scripts/bench-tree.ts [--nodes 50000] [--members 50000] [--runs 21] [--moves 5]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sotay npx tsx scripts/bench-tree.ts
 */
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Payload } from 'payload'

/** A whole-number option of at least `min`; anything else stops the run with a message. */
function option(name: string, fallback: number, min: number): number {
  const i = process.argv.indexOf(name)
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isInteger(value) || value < min) {
    console.error(`Tham số ${name} phải là số nguyên từ ${min} trở lên.`)
    process.exit(2)
  }
  return value
}

const NODES = option('--nodes', 50_000, 1_000)
const MEMBERS = option('--members', 50_000, 0)
const RUNS = option('--runs', 21, 1)
const MOVES = option('--moves', 5, 1)
const PROVINCES = 34
const WARDS = Math.round(NODES * 0.066) // ~3,300 of 50,000

type Row = { id: number; name: string; kind: string; code: string; parent: number | null; path: string; depth: number }

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same tree. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The tree, parents before children, with ids 1..n and paths computed on the way. Wards are dealt to
 * provinces round-robin and units (a chi bộ; a đảng bộ cơ sở with chi bộ; or one with a đảng bộ bộ phận
 * and its chi bộ) to wards round-robin, so every province holds about the same ~1,470 nodes.
 */
function buildTree(total: number): Row[] {
  const rnd = random(339)
  const rows: Row[] = []
  const add = (name: string, kind: string, code: string, parent: Row | null): Row => {
    const id = rows.length + 1
    const row = { id, name, kind, code, parent: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0 }
    rows.push(row)
    return row
  }
  const root = add('Ban Chấp hành Trung ương', 'trung-uong', 'TW', null)
  const provinces = Array.from({ length: PROVINCES }, (_, p) => add(`Tỉnh ủy số ${p + 1}`, 'tinh-uy', `T${p + 1}`, root))
  const wards = Array.from({ length: WARDS }, (_, w) => {
    const province = provinces[w % PROVINCES]
    return add(`Đảng ủy phường số ${w + 1}`, 'dang-uy-xa', `${province.code}.P${w + 1}`, province)
  })
  const chiBo = (parent: Row) => add(`Chi bộ số ${rows.length + 1}`, 'chi-bo', `${parent.code}.C${rows.length + 1}`, parent)
  for (let w = 0; rows.length < total; w = (w + 1) % wards.length) {
    const ward = wards[w]
    const roll = rnd()
    if (roll < 0.8 || total - rows.length < 6) {
      chiBo(ward)
      continue
    }
    const base = add(`Đảng bộ cơ sở số ${rows.length + 1}`, 'dang-bo-co-so', `${ward.code}.D${rows.length + 1}`, ward)
    const parent = roll < 0.95 ? base : add(`Đảng bộ bộ phận số ${rows.length + 1}`, 'dang-bo-bo-phan', `${base.code}.B${rows.length + 1}`, base)
    for (let i = 0; i < 3; i++) chiBo(parent)
  }
  return rows
}

const lit = (v: string | number | null): string => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${v.replace(/'/g, "''")}'`)

/** Runs one raw statement outside Payload's operations (the bulk load only). */
function rawSql(payload: Payload, raw: string): Promise<unknown> {
  const db = payload.db as unknown as { execute: (a: { drizzle: unknown; raw: string }) => Promise<unknown>; drizzle: unknown }
  return db.execute({ drizzle: db.drizzle, raw })
}

async function insertRows(payload: Payload, table: string, columns: string[], values: (string | number | null)[][]): Promise<void> {
  for (let i = 0; i < values.length; i += 1000) {
    const chunk = values.slice(i, i + 1000).map((row) => `(${row.map(lit).join(', ')})`)
    await rawSql(payload, `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${chunk.join(', ')}`)
  }
}

/** A fresh database for this run: a SQLite file, or a new PostgreSQL database beside DATABASE_URL's. */
async function freshDatabase(): Promise<{ label: string; drop: () => Promise<void> }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-tree-'))
  process.env.DATA_DIR = dir
  process.env.PAYLOAD_SECRET ??= 'bench-secret-not-for-production'
  const base = process.env.DATABASE_URL
  if (!base || !/^postgres(ql)?:\/\//.test(base)) {
    process.env.DATABASE_URL = `file:${path.join(dir, 'tree.db')}`
    return { label: `SQLite ${process.env.DATABASE_URL}`, drop: async () => rmSync(dir, { recursive: true, force: true }) }
  }
  const { default: pg } = await import('pg')
  const name = `sotay_bench_tree_${process.pid}`
  const admin = new URL(base)
  admin.pathname = '/postgres'
  const run = async (statement: string) => {
    const c = new pg.Client({ connectionString: admin.toString() })
    await c.connect()
    await c.query(statement)
    await c.end()
  }
  await run(`CREATE DATABASE ${name}`)
  const url = new URL(base)
  url.pathname = `/${name}`
  process.env.DATABASE_URL = url.toString()
  return {
    label: `PostgreSQL ${url.host}/${name}`,
    drop: async () => {
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`

/** Median of `runs` timed calls after one warm-up; `check` validates the result of the warm-up. */
async function measure<T>(label: string, runs: number, fn: () => Promise<T>, check: (r: T) => string): Promise<void> {
  const note = check(await fn())
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await time(fn))
  console.log(`  ${label.padEnd(52)} median ${ms(median(times)).padStart(10)}   (${runs} runs; ${note})`)
}

async function main(): Promise<number> {
  const database = await freshDatabase()
  let payload: Payload | undefined
  try {
    const { getPayload } = await import('payload')
    const config = (await import('../payload.config')).default
    payload = await getPayload({ config })
    const { runMigrations } = await import('../src/server/migrate')
    await runMigrations(payload)
    const { ancestorsOf, isWithinSubtree, subtreeIds } = await import('../collections/Organizations/tree')

    console.log(`Cây tổ chức: ${NODES} nút, ${MEMBERS} đảng viên — ${database.label}`)
    const rows = buildTree(NODES)
    const branches = rows.filter((r) => r.kind === 'chi-bo')
    const build = await time(async () => {
      await insertRows(payload!, 'organizations', ['id', 'name', 'kind', 'code', 'parent_id', 'path', 'depth'],
        rows.map((r) => [r.id, r.name, r.kind, r.code, r.parent, r.path, r.depth]))
      await insertRows(payload!, 'users', ['id', 'full_name', 'status', 'branch_id', 'org_path'],
        Array.from({ length: MEMBERS }, (_, i) => {
          const b = branches[i % branches.length]
          return [i + 1, `Đảng viên ${i + 1}`, 'da-duyet', b.id, b.path]
        }))
      if (/^postgres/.test(process.env.DATABASE_URL!))
        for (const table of ['organizations', 'users'])
          await rawSql(payload!, `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT max(id) FROM "${table}"))`)
      await rawSql(payload!, 'ANALYZE')
    })
    const depths = rows.reduce((m, r) => m.set(r.depth, (m.get(r.depth) ?? 0) + 1), new Map<number, number>())
    console.log(`  nạp dữ liệu: ${ms(build)}; số nút theo cấp: ${[...depths].map(([d, n]) => `${d}:${n}`).join(', ')}`)

    const ctx = { payload }
    const root = rows[0]
    const [province, target] = [rows[1], rows[2]]
    const deepest = rows.filter((r) => r.path.startsWith(province.path)).reduce((a, b) => (b.depth > a.depth ? b : a))
    const provinceSize = rows.filter((r) => r.path.startsWith(province.path)).length

    await measure(`ancestorsOf (nút cấp ${deepest.depth})`, RUNS, () => ancestorsOf(ctx, deepest.id), (a) => `${a.length} tổ tiên`)
    await measure('isWithinSubtree (thuộc tỉnh)', RUNS, () => isWithinSubtree(ctx, deepest.id, province.id), (r) => String(r))
    await measure('isWithinSubtree (không thuộc tỉnh khác)', RUNS, () => isWithinSubtree(ctx, deepest.id, target.id), (r) => String(r))
    await measure(`subtreeIds (tỉnh, ${provinceSize} nút)`, RUNS, () => subtreeIds(ctx, province.id), (ids) => `${ids.length} id`)
    await measure(`subtreeIds (gốc, ${NODES} nút)`, Math.max(3, Math.floor(RUNS / 3)), () => subtreeIds(ctx, root.id), (ids) => `${ids.length} id`)

    // A province merged into another and back: every descendant and member follows, through the hooks.
    const move = (parent: number) => payload!.update({ collection: 'organizations', id: province.id, data: { parent }, overrideAccess: true, depth: 0 })
    const times: number[] = []
    for (let i = 0; i < MOVES; i++) {
      times.push(await time(() => move(target.id)))
      times.push(await time(() => move(root.id)))
    }
    const moved = await subtreeIds(ctx, province.id)
    const deepAfter = await ancestorsOf(ctx, deepest.id)
    if (moved.length !== provinceSize || String(deepAfter[1]?.id) !== String(province.id)) throw new Error('Di chuyển cây con cho kết quả sai.')
    console.log(`  ${`chuyển cây con ${provinceSize} nút (payload.update)`.padEnd(52)} median ${ms(median(times)).padStart(10)}   (${times.length} lần chuyển)`)
    return 0
  } finally {
    await payload?.destroy().catch(() => {})
    // Payload keeps one pooled connection checked out, so the pool cannot end: the drop below terminates it.
    ;(payload?.db as { pool?: { on: (event: 'error', listener: () => void) => void } } | undefined)?.pool?.on('error', () => {})
    await database.drop()
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error('Lỗi:', err instanceof Error ? err.message : err)
    process.exit(1)
  },
)
