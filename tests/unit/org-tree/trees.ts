/** Random trees and a parent-walking oracle for the org-tree tests. */

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A random tree with numeric ids 1..n, parent before child; many ids share digits (5, 15, 51, 150…). */
export function randomTree(n: number, seed: number): Map<number, number | null> {
  const rnd = random(seed)
  const parent = new Map<number, number | null>([[1, null]])
  for (let id = 2; id <= n; id++) parent.set(id, 1 + Math.floor(rnd() * (id - 1)))
  return parent
}

/** Ancestors by walking parent links, root first. */
export function walkUp(parent: Map<number, number | null>, id: number): number[] {
  const chain: number[] = []
  for (let p = parent.get(id) ?? null; p !== null; p = parent.get(p) ?? null) chain.unshift(p)
  return chain
}

/** The materialised path of `id`, spelled out from the walk: "/root/…/parent/id/". */
export const truePath = (parent: Map<number, number | null>, id: number): string => `/${[...walkUp(parent, id), id].join('/')}/`
