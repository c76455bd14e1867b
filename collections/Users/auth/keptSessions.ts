/**
 * Sessions kept between requests. Every request authenticates — the REST API, GraphQL and the member
 * site's pages — and Payload's own JWT strategy verifies the token, then reads the account from the
 * database with its read hooks (which decrypt the citizen id) each time: the largest single part of a search
 * request's work on the main thread (cpu-profile under load). This strategy, listed before Payload's, keeps
 * what Payload's strategy answered for a token (src/server/readCache.ts, kind 'accounts') under every
 * header that strategy reads — the Authorization header, the session cookie, Origin and Sec-Fetch-Site (its
 * cross-site rules) — and whether the request is GraphQL (which reads the account at depth 0). A kept
 * account goes when the token expires, when any account changes or signs out (collections/hooks/
 * forgetReads.ts, in every web process), or after READ_CACHE_TTL_MS at most.
 *
 * A request without a token, or whose token Payload's strategy refuses, gets no account here: the
 * strategies after this one (API keys, Payload's JWT) answer it as before.
 */
import { JWTAuthentication, type AuthStrategy, type AuthStrategyFunctionArgs, type TypedUser } from 'payload'
import { parseCookies } from 'payload/shared'
import { cachedRead } from '../../../src/server/readCache'

/** The token's expiry (ms since the epoch) from its payload, when it has one. */
function tokenExpiry(token: string): number | null {
  const body = token.split('.')[1]
  if (!body) return null
  try {
    const exp = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))?.exp
    return typeof exp === 'number' ? exp * 1000 : null
  } catch {
    return null
  }
}

type Found = { user: TypedUser | null; expires: number | null }
type Tokens = { authorization: string; cookie: string; jwt: string }

/** The session token a request carries: in the Authorization header or in Payload's cookie. */
function tokensOf({ headers, payload }: AuthStrategyFunctionArgs): Tokens {
  const authorization = headers.get('authorization') ?? ''
  const cookie = parseCookies(headers).get(`${payload.config.cookiePrefix}-token`) ?? ''
  return { authorization, cookie, jwt: authorization.replace(/^(JWT|Bearer) /, '') || cookie }
}

const accountOf = cachedRead<[AuthStrategyFunctionArgs, Tokens], Found>({
  kind: 'accounts',
  max: 20_000,
  key: ({ headers, isGraphQL }, { authorization, cookie }) =>
    JSON.stringify([authorization, cookie, headers.get('origin'), headers.get('sec-fetch-site'), Boolean(isGraphQL)]),
  load: async (args, { jwt }) => {
    const { user } = await JWTAuthentication({ ...args, strategyName: 'local-jwt' })
    // Without a readable expiry the account is not kept past READ_CACHE_TTL_MS.
    return { user: user ?? null, expires: tokenExpiry(jwt) }
  },
  until: (found) => found.expires,
})

export const keptSessions: AuthStrategy = {
  name: 'phien-dang-nhap-da-biet',
  authenticate: async (args) => {
    const tokens = tokensOf(args)
    if (!tokens.jwt) return { user: null }
    const found = await accountOf(args, tokens)
    if (!found.user || (found.expires !== null && found.expires <= Date.now())) return { user: null }
    // A copy per request: Payload and our hooks may set fields on req.user.
    return { user: { ...found.user } }
  },
}
