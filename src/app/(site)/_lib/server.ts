/**
 * Server-side access to Payload for the member site's server components: the Local API, the signed-in
 * account (from the payload-token cookie) and the chi bộ list.
 */
import config from '@payload-config'
import { headers } from 'next/headers'
import { executeAuthStrategies, getPayload, type Payload, type TypedUser } from 'payload'
import { groupBranches, type BranchGroup, type OrgRow } from './branches'

export const sitePayload = (): Promise<Payload> => getPayload({ config })

/**
 * The account behind a request's headers, as Payload's auth strategies find it (JWT in the cookie or the
 * Authorization header, with Payload's own cross-site rules), or null. The accounts behind session tokens
 * are kept between requests by the first of those strategies (collections/Users/auth/keptSessions.ts).
 */
export const authenticate = async ({ headers, payload }: { headers: Headers; payload: Payload }): Promise<TypedUser | null> =>
  (await executeAuthStrategies({ headers, payload, canSetHeaders: false })).user ?? null

export type Member = Record<string, any> & { id: string | number }

/**
 * The signed-in account, read the way the REST API would show it to them (their own access rules and
 * read hooks, branch populated); null when nobody is signed in or the session has expired.
 */
export async function signedInMember(): Promise<Member | null> {
  const payload = await sitePayload()
  const user = await authenticate({ headers: await headers(), payload })
  if (!user) return null
  return (await payload.findByID({
    collection: 'users',
    id: user.id,
    depth: 1,
    user,
    overrideAccess: false,
    disableErrors: true,
  })) as Member | null
}

export async function loadBranchGroups(): Promise<BranchGroup[]> {
  const payload = await sitePayload()
  const found = await payload.find({
    collection: 'organizations',
    depth: 0,
    pagination: false,
    select: { name: true, kind: true, path: true },
    overrideAccess: false,
  })
  return groupBranches(found.docs as unknown as OrgRow[])
}
