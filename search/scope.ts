/**
 * Audience tokens: the read rule of collections/Documents/publishing/audience.ts, encoded so that the
 * search engine applies it inside its own query (see ./types: a unit carries `audience`, a query a `Scope`).
 *
 * A published, released unit issued by organisation X (materialised path P, e.g. "/1/5/23/") carries:
 * - `m:X`   — members reach it when X is in their `reach` (their branch, its ancestors and those
 *             ancestors' staff organs: computed per request in ./viewer, never stored in the index);
 * - `o:A`   — for every organisation A on P (X itself included): the leadership and editors of A oversee
 *             everything issued within A's subtree;
 * - PUBLIC_AUDIENCE when its visibility is 'cong-khai'.
 * A viewer holds PUBLIC_AUDIENCE, `m:R` for each R in reach (approved accounts only) and `o:O` for each O
 * they oversee. Writers and approvers need nothing more: what they may write is issued inside a subtree
 * they oversee (an organ they approve for sits under the committee they lead), and only published,
 * released content is indexed.
 *
 * Moving a subtree changes P for the organisations in it, hence the `o:` tokens of what they issued — and
 * nothing else: `m:` tokens name the issuer only, and members' reach is computed at query time. So a move
 * re-indexes exactly the units issued inside the moved subtree (search/hooks.ts does it after the move).
 */
import { idsOnPath } from '../src/lib/org-tree/path'
import type { Viewer } from '../collections/Documents/publishing/audience'
import { PUBLIC_AUDIENCE, type Scope } from './types'

export const memberToken = (orgId: string | number): string => `m:${orgId}`
export const oversightToken = (orgId: string | number): string => `o:${orgId}`

export type AudienceInput = { visibility?: string | null; issuer?: string | number | null; issuerPath?: string | null }

/** The audience tokens of a published, released unit. */
export function audienceTokens({ visibility, issuer, issuerPath }: AudienceInput): string[] {
  const tokens: string[] = []
  if (visibility === 'cong-khai') tokens.push(PUBLIC_AUDIENCE)
  if (issuer !== null && issuer !== undefined && issuer !== '') tokens.push(memberToken(issuer))
  for (const id of idsOnPath(issuerPath)) tokens.push(oversightToken(id))
  return [...new Set(tokens)]
}

/**
 * The scope of a viewer: system administrators unrestricted; everyone else the public token plus what
 * the rule grants them (anonymous visitors and accounts not yet approved: public only).
 */
export function scopeOf(viewer: Viewer): Scope {
  if (viewer.systemAdmin) return { unrestricted: true }
  const tokens = [PUBLIC_AUDIENCE]
  if (viewer.approved && viewer.reach.length > 0) tokens.push(...viewer.reach.map(memberToken))
  tokens.push(...viewer.oversight.map(oversightToken))
  return { audience: [...new Set(tokens)] }
}
