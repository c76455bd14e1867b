/**
 * Server-side access to Payload for the member site's server components: the Local API, the signed-in
 * account (from the payload-token cookie) and the chi bộ list.
 */
import config from '@payload-config'
import { headers } from 'next/headers'
import { executeAuthStrategies, getPayload, type Payload, type TypedUser } from 'payload'
import { parseCookies } from 'payload/shared'
import { cachedRead } from '../../../server/readCache'
import { groupBranches, type BranchGroup, type OrgRow } from './branches'

export const sitePayload = (): Promise<Payload> => getPayload({ config })

/** The session token's expiry (ms since the epoch) from its payload, when it has one. */
function tokenExpiry(token: string | undefined): number | null {
  const body = token?.split('.')[1]
  if (!body) return null
  try {
    const exp = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))?.exp
    return typeof exp === 'number' ? exp * 1000 : null
  } catch {
    return null
  }
}

type AuthInput = { headers: Headers; payload: Payload }

/** The session token a request carries: in the Authorization header or in Payload's cookie. */
function tokensOf({ headers, payload }: AuthInput) {
  const authorization = headers.get('authorization') ?? ''
  const cookie = parseCookies(headers).get(`${payload.config.cookiePrefix}-token`) ?? ''
  return { authorization, cookie, jwt: authorization.replace(/^(JWT|Bearer) /, '') || cookie }
}

const accountOf = cachedRead<[AuthInput], { user: TypedUser | null; expires: number | null }>({
  kind: 'accounts',
  max: 20_000,
  key: (input) => {
    const { authorization, cookie } = tokensOf(input)
    if (!authorization && !cookie) return null
    return JSON.stringify([authorization, cookie, input.headers.get('origin'), input.headers.get('sec-fetch-site')])
  },
  load: async (input) => {
    const { user } = await executeAuthStrategies({ headers: input.headers, payload: input.payload, canSetHeaders: false })
    return { user: user ?? null, expires: tokenExpiry(tokensOf(input).jwt) }
  },
  until: (found) => found.expires,
})

/**
 * The account behind a request's headers, as Payload's auth strategies find it (JWT in the cookie or the
 * Authorization header, with Payload's own cross-site rules), or null. Answers are kept between requests
 * (src/server/readCache.ts) under every header those rules read — the token, Origin, Sec-Fetch-Site —,
 * until the token expires, any account changes or signs out, or 10 s pass.
 */
export const authenticate = async (input: AuthInput): Promise<TypedUser | null> => {
  const found = await accountOf(input)
  return found.expires !== null && found.expires <= Date.now() ? null : found.user
}

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
