/**
 * The organisation tree that the search endpoint keeps (search/organizations.ts) is one per process: the
 * member site's Next bundle and server.ts load separate copies of the module, and a subtree move seen by
 * one copy's hooks (forgetOrganizations) must reach the other at once, not after its 10 s.
 */
import { jest } from '@jest/globals'
import type { Payload } from 'payload'

type OrganizationsModule = typeof import('../../../search/organizations')

/** A Payload whose database answers the organisations from `tree`, counting the reads. */
function payloadWith(tree: { id: number; name: string; path: string }[]) {
  let reads = 0
  const payload = {
    db: {
      find: async () => {
        reads++
        return { docs: tree.map((o) => ({ ...o, kind: 'chi-bo', parent: null })) }
      },
    },
  } as unknown as Payload
  return { payload, reads: () => reads }
}

it('a change forgotten through one copy of the module is forgotten by every copy', async () => {
  const first: OrganizationsModule = await import('../../../search/organizations')
  let second: OrganizationsModule | undefined
  await jest.isolateModulesAsync(async () => {
    second = await import('../../../search/organizations')
  })
  expect(second).toBeDefined()
  expect(second).not.toBe(first) // really two copies, as in the Next bundle and server.ts

  const tree = [{ id: 1, name: 'Chi bộ 1', path: '/1/' }]
  const { payload, reads } = payloadWith(tree)
  expect((await second!.organizations(payload)).get('1')?.path).toBe('/1/')
  expect((await first.organizations(payload)).get('1')?.path).toBe('/1/')
  expect(reads()).toBe(1) // one tree kept for both copies

  tree[0].path = '/7/1/' // the branch moves under another ward
  first.forgetOrganizations()
  expect((await second!.organizations(payload)).get('1')?.path).toBe('/7/1/')
  expect(reads()).toBe(2)
})
