/**
 * The materialised-path functions, checked against the tree they describe: for random trees, every answer
 * read from a path must equal the one found by walking parent links.
 */
import { ancestorIds, childPath, depthOf, idsOnPath, isWithin, subtreeMarker, subtreeRange, ROOT_PATH } from '../../../src/lib/org-tree/path'
import { randomTree, walkUp } from './trees'

function pathsOf(parent: Map<number, number | null>): Map<number, string> {
  const paths = new Map<number, string>()
  for (const [id, p] of parent) paths.set(id, childPath(p === null ? null : paths.get(p)!, id))
  return paths
}

describe('paths built with childPath describe the tree', () => {
  const parent = randomTree(400, 339)
  const paths = pathsOf(parent)

  it('list the ancestors root first, then the node itself', () => {
    for (const [id, path] of paths) {
      expect(ancestorIds(path)).toEqual(walkUp(parent, id).map(String))
      expect(idsOnPath(path)).toEqual([...walkUp(parent, id), id].map(String))
    }
  })

  it('give the depth as the number of ancestors', () => {
    for (const [id, path] of paths) expect(depthOf(path)).toBe(walkUp(parent, id).length)
  })

  it('answer "is X within Y’s subtree" exactly, for every pair, with ids sharing digits', () => {
    const wrong: string[] = []
    let inside = 0
    for (const [x, path] of paths)
      for (const y of parent.keys()) {
        const truth = x === y || walkUp(parent, x).includes(y)
        if (isWithin(path, y) !== truth) wrong.push(`${x} in ${y}: ${!truth}`)
        if (truth) inside++
      }
    expect(wrong).toEqual([])
    expect(inside).toBeGreaterThan(400) // the check saw real containment, not only negatives
  })

  it('make a subtree the set of paths starting with its root’s path', () => {
    for (const y of [1, 5, 15, 51]) {
      const byPrefix = [...paths].filter(([, p]) => p.startsWith(paths.get(y)!)).map(([id]) => id)
      const byMarker = [...paths].filter(([, p]) => p.includes(subtreeMarker(y))).map(([id]) => id)
      const byWalk = [...parent.keys()].filter((x) => x === y || walkUp(parent, x).includes(y))
      expect(byPrefix).toEqual(byWalk)
      expect(byMarker).toEqual(byWalk)
    }
  })

  it('make a subtree the range of paths subtreeRange gives, for every node (byte order, as the databases compare them)', () => {
    const wrong: number[] = []
    for (const y of parent.keys()) {
      const { from, to } = subtreeRange(paths.get(y)!)
      const byRange = [...paths].filter(([, p]) => p >= from && p < to).map(([id]) => id)
      const byWalk = [...parent.keys()].filter((x) => x === y || walkUp(parent, x).includes(y))
      if (JSON.stringify(byRange) !== JSON.stringify(byWalk)) wrong.push(y)
    }
    expect(wrong).toEqual([])
  })
})

describe('edge cases', () => {
  it('a root has the path /id/ and depth 0', () => {
    expect(childPath(null, 7)).toBe('/7/')
    expect(childPath(undefined, 'abc')).toBe('/abc/')
    expect(childPath(ROOT_PATH, 7)).toBe('/7/')
    expect(depthOf('/7/')).toBe(0)
    expect(ancestorIds('/7/')).toEqual([])
  })

  it('a missing path is within nothing and has no ancestors', () => {
    for (const missing of [null, undefined, '']) {
      expect(isWithin(missing, 1)).toBe(false)
      expect(ancestorIds(missing)).toEqual([])
      expect(idsOnPath(missing)).toEqual([])
      expect(depthOf(missing)).toBe(0)
    }
  })

  it('a subtree range holds the node and its descendants, not a sibling whose id starts with the same digits', () => {
    const { from, to } = subtreeRange('/1/3/')
    const within = (p: string) => p >= from && p < to
    expect(['/1/3/', '/1/3/5/', '/1/3/12/40/', '/1/3/a-b/'].filter(within)).toHaveLength(4)
    expect(['/1/30/', '/1/31/5/', '/1/2/', '/1/4/', '/1/', '/1/3', '/1/3-x/', '/2/1/3/'].filter(within)).toEqual([])
    expect(() => subtreeRange('/1/3')).toThrow(/Đường dẫn tổ chức không hợp lệ/)
  })

  it('string and numeric ids are the same node', () => {
    expect(isWithin('/1/5/23/', '5')).toBe(true)
    expect(isWithin('/1/5/23/', 5)).toBe(true)
    expect(isWithin('/1/15/23/', 5)).toBe(false)
    expect(isWithin('/1/51/23/', 5)).toBe(false)
    expect(isWithin('/1/5/23/', 2)).toBe(false)
  })
})
