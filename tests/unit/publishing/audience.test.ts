/**
 * The read rule's oversight clause: a range of issuer paths (which an index answers) when the viewer's
 * oversight paths are known, "the path contains /id/" (a scan) only when one is not.
 */
import { ANONYMOUS, audienceWhere, type Viewer } from '../../../collections/Documents/publishing/audience'

const leader: Viewer = { ...ANONYMOUS, id: 7, approved: true, reach: ['1', '3'], oversight: ['3', '12'], writable: [], approvable: [] }

/** Every condition on issuerPath anywhere in `where`. */
function pathConditions(where: unknown): Record<string, unknown>[] {
  if (!where || typeof where !== 'object') return []
  if (Array.isArray(where)) return where.flatMap(pathConditions)
  return Object.entries(where).flatMap(([key, value]) => (key === 'issuerPath' ? [value as Record<string, unknown>] : pathConditions(value)))
}

describe('audienceWhere’s oversight', () => {
  it('is a range from the subtree root’s path up to the next sibling of its "/"', () => {
    const where = audienceWhere({ ...leader, oversightPaths: { '3': '/1/3/', '12': '/1/3/12/' } })
    expect(pathConditions(where)).toEqual([{ greater_than_equal: '/1/3/' }, { less_than: '/1/30' }, { greater_than_equal: '/1/3/12/' }, { less_than: '/1/3/120' }])
  })

  it('falls back to "contains /id/" for an organisation whose path is not known', () => {
    const where = audienceWhere({ ...leader, oversightPaths: { '3': '/1/3/' } })
    expect(pathConditions(where)).toEqual([{ greater_than_equal: '/1/3/' }, { less_than: '/1/30' }, { contains: '/12/' }])
    expect(pathConditions(audienceWhere(leader))).toEqual([{ contains: '/3/' }, { contains: '/12/' }])
  })

  it('is absent for a viewer who oversees nothing, and the administrator sees everything', () => {
    expect(pathConditions(audienceWhere({ ...leader, oversight: [] }))).toEqual([])
    expect(audienceWhere({ ...leader, systemAdmin: true })).toBe(true)
  })
})
