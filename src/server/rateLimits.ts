/**
 * Limits on the doors an outsider can knock at without an account: signing in, registering and asking for a
 * password reset (rate-limiter-flexible). Sign-in counts failures only, never successes, so members who sign in
 * often are never slowed down:
 *  - per address and account: after LOGIN_FAILURES_PER_ACCOUNT consecutive failures that pair is blocked for
 *    LOGIN_BLOCK_SECONDS, doubling with each further block up to LOGIN_BLOCK_MAX_SECONDS; a success clears it.
 *    The account itself is never locked: its owner signs in from any other address meanwhile.
 *  - per address across accounts: LOGIN_FAILURES_PER_ADDRESS failures per LOGIN_ADDRESS_WINDOW_SECONDS.
 *  - registration: REGISTER_PER_ADDRESS attempts per address and REGISTER_PER_ACCOUNT per card number, citizen id
 *    or e-mail, each per REGISTER_WINDOW_SECONDS; password reset: RESET_PER_ADDRESS per RESET_WINDOW_SECONDS.
 * Counters live in this process's memory (one set per Payload instance). For several web processes, pass a
 * shared store (rate-limiter-flexible's RateLimiterRedis, RateLimiterPostgres, …) to useLimiterStore.
 */
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import { fail } from './respond'
import { env } from './config'


export type LimiterStore = (options: { keyPrefix: string; points: number; duration: number }) => RateLimiterAbstract
let store: LimiterStore = (options) => new RateLimiterMemory(options)

/** Counters in a store shared by several processes; limits built afterwards use it. */
export function useLimiterStore(next: LimiterStore): void {
  store = next
}

/** A refusal: how long until the next attempt may be made. */
export type Refusal = { retryAfterSeconds: number }
const refusal = (ms: number): Refusal => ({ retryAfterSeconds: Math.max(1, Math.ceil(ms / 1000)) })

function build() {
  const perPair = env('LOGIN_FAILURES_PER_ACCOUNT')
  const perAddress = env('LOGIN_FAILURES_PER_ADDRESS')
  const blockSeconds = env('LOGIN_BLOCK_SECONDS')
  const blockMaxSeconds = env('LOGIN_BLOCK_MAX_SECONDS')
  const registerWindow = env('REGISTER_WINDOW_SECONDS')
  const resetWindow = env('RESET_WINDOW_SECONDS')
  return {
    // Consecutive failures of one address on one account, forgotten after a day without any.
    pair: store({ keyPrefix: 'dang-nhap-sai', points: perPair, duration: 24 * 3600 }),
    // How many times that pair was blocked already: each block lasts twice the previous one.
    pairBlocks: store({ keyPrefix: 'dang-nhap-bi-chan', points: 1_000_000, duration: 24 * 3600 }),
    address: store({ keyPrefix: 'dang-nhap-dia-chi', points: perAddress, duration: env('LOGIN_ADDRESS_WINDOW_SECONDS') }),
    blockSeconds,
    blockMaxSeconds,
    registerAddress: store({ keyPrefix: 'dang-ky-dia-chi', points: env('REGISTER_PER_ADDRESS'), duration: registerWindow }),
    registerAccount: store({ keyPrefix: 'dang-ky-tai-khoan', points: env('REGISTER_PER_ACCOUNT'), duration: registerWindow }),
    resetAddress: store({ keyPrefix: 'dat-lai-mat-khau', points: env('RESET_PER_ADDRESS'), duration: resetWindow }),
  }
}
type Limits = ReturnType<typeof build>

const limitsOf = new WeakMap<object, Limits>()
const limits = (owner: object): Limits => {
  let found = limitsOf.get(owner)
  if (!found) limitsOf.set(owner, (found = build()))
  return found
}

/** A limiter's counter past its points (or blocked), as a refusal. */
async function exhausted(limiter: RateLimiterAbstract, key: string): Promise<Refusal | null> {
  const res = await limiter.get(key)
  return res && res.consumedPoints >= limiter.points ? refusal(res.msBeforeNext) : null
}

/** Consumes one attempt under each key; refused when any is used up. */
async function attempt(entries: [RateLimiterAbstract, string][]): Promise<Refusal | null> {
  let refused: Refusal | null = null
  for (const [limiter, key] of entries) {
    try {
      await limiter.consume(key)
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err
      const next = refusal(err.msBeforeNext)
      if (!refused || next.retryAfterSeconds > refused.retryAfterSeconds) refused = next
    }
  }
  return refused
}

/** Sign-in limits of one server (`owner`: its Payload instance); `account` names the account tried. */
export function loginLimits(owner: object) {
  const l = limits(owner)
  const pairKey = (address: string, account: string) => `${address}|${account}`
  return {
    /** Why a sign-in from `address` to `account` may not even be tried now, if it may not. */
    blocked: async (address: string, account: string): Promise<Refusal | null> =>
      (await exhausted(l.pair, pairKey(address, account))) ?? (await exhausted(l.address, address)),
    failed: async (address: string, account: string): Promise<void> => {
      const key = pairKey(address, account)
      const failures = await l.pair.penalty(key)
      await l.address.penalty(address)
      if (failures.consumedPoints >= l.pair.points) {
        const blocks = (await l.pairBlocks.penalty(key)).consumedPoints
        await l.pair.block(key, Math.min(l.blockSeconds * 2 ** (blocks - 1), l.blockMaxSeconds))
      }
    },
    succeeded: async (address: string, account: string): Promise<void> => {
      const key = pairKey(address, account)
      await l.pair.delete(key)
      await l.pairBlocks.delete(key)
    },
  }
}

/** One registration attempt from `address` naming these identifiers (card number, citizen id, e-mail). */
export const registrationAttempt = (owner: object, address: string, identifiers: string[]) => {
  const l = limits(owner)
  return attempt([[l.registerAddress, address], ...identifiers.map((id): [RateLimiterAbstract, string] => [l.registerAccount, id])])
}

/** One password-reset request (forgot / reset) from `address`. */
export const resetAttempt = (owner: object, address: string) => attempt([[limits(owner).resetAddress, address]])

const inWords = (seconds: number) => (seconds < 120 ? `${seconds} giây` : `${Math.ceil(seconds / 60)} phút`)

/** HTTP 429 with a Vietnamese message naming the wait, and Retry-After. */
export function tooManyRequests(refused: Refusal, what: string): Response {
  const res = fail(429, `${what} Vui lòng thử lại sau ${inWords(refused.retryAfterSeconds)}.`)
  res.headers.set('retry-after', String(refused.retryAfterSeconds))
  return res
}
