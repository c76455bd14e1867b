/**
 * Sign-in, forgot-password and reset-password in front of Payload's own handlers (custom endpoints are matched
 * first): limited per address and per address+account (src/server/rateLimits.ts), and answering the same,
 * in the same time, whether or not the account exists.
 */
import { pbkdf2 } from 'node:crypto'
import { promisify } from 'node:util'
import { addDataAndFileToRequest, APIError, AuthenticationError, LockedAuth, type CollectionBeforeOperationHook, type Endpoint, type PayloadHandler, type PayloadRequest } from 'payload'
import { checkPassword } from '../../../src/lib/member/password'
import { clientAddress } from '../../../src/server/http'
import { loginLimits, resetAttempt, tooManyRequests } from '../../../src/server/rateLimits'
import { fail } from '../../../src/server/respond'

export const WRONG_CREDENTIALS = 'Số thẻ đảng viên (hoặc e-mail) hoặc mật khẩu không chính xác.'
const TOO_MANY_FAILURES = 'Đăng nhập sai quá nhiều lần nên việc đăng nhập từ địa chỉ này tạm thời bị khóa.'
const TOO_MANY_RESETS = 'Bạn đã yêu cầu đặt lại mật khẩu quá nhiều lần.'

/** Payload's own handler for this path, found behind ours. */
function payloadHandler(req: PayloadRequest, path: string, ours: PayloadHandler): PayloadHandler {
  const endpoints = req.payload.collections.users.config.endpoints || []
  const found = endpoints.find((e) => e.path === path && e.method === 'post' && e.handler !== ours)
  if (!found) throw new Error(`Payload không có endpoint ${path}`)
  return found.handler
}

/**
 * The request's fields (JSON, or the admin's multipart form). Payload's own handler parses the body again
 * unless there is none left: the body, already read, is then hidden from it and it keeps `req.data`.
 */
async function bodyOf(req: PayloadRequest): Promise<Record<string, unknown>> {
  if (req.data === undefined) {
    await addDataAndFileToRequest(req)
    Object.defineProperty(req, 'body', { value: null, configurable: true })
  }
  return (req.data ?? {}) as Record<string, unknown>
}

/** The account Payload's login would find for `identifier` (username, or e-mail, as Payload compares them). */
async function accountNamed(req: PayloadRequest, identifier: string): Promise<{ id: string | number } | null> {
  const where = { or: [{ username: { equals: identifier } }, { email: { equals: identifier } }] }
  return req.payload.db.findOne<{ id: string | number }>({ collection: 'users', where, select: { id: true }, req } as never)
}

/** As long as checking a real password (Payload's current PBKDF2 parameters), for accounts that do not exist. */
const pbkdf2Async = promisify(pbkdf2)
const DUMMY_SALT = 'sotay-khong-co-tai-khoan'
export const hashForNothing = (password: string) => pbkdf2Async(password, DUMMY_SALT, 600_000, 32, 'sha256')

const login: PayloadHandler = async (req) => {
  const body = await bodyOf(req)
  const given = [body.username, body.email].find((v): v is string => typeof v === 'string' && v.trim() !== '')
  const password = typeof body.password === 'string' ? body.password : ''
  // Incomplete requests get Payload's own "required" answers; nothing is checked against an account.
  if (!given || !password.trim()) return payloadHandler(req, '/login', login)(req)

  const identifier = given.trim().toLowerCase()
  const address = clientAddress(req.headers)
  const found = await accountNamed(req, identifier)
  const account = found ? `id:${found.id}` : `ten:${identifier}`
  const limits = loginLimits(req.payload)
  const refused = await limits.blocked(address, account)
  if (refused) return tooManyRequests(refused, TOO_MANY_FAILURES)
  try {
    // Payload's handler even for an unknown account: the same reads in both cases.
    const response = await payloadHandler(req, '/login', login)(req)
    await limits.succeeded(address, account)
    return response
  } catch (err) {
    if (!(err instanceof AuthenticationError) && !(err instanceof LockedAuth)) throw err
    // Payload turns an unknown account away before hashing anything: as long as a wrong password takes.
    if (!found) await hashForNothing(password)
    await limits.failed(address, account)
    return fail(401, WRONG_CREDENTIALS)
  }
}

const forgotPassword: PayloadHandler = async (req) => {
  await bodyOf(req)
  const refused = await resetAttempt(req.payload, clientAddress(req.headers))
  if (refused) return tooManyRequests(refused, TOO_MANY_RESETS)
  return payloadHandler(req, '/forgot-password', forgotPassword)(req)
}

const resetPassword: PayloadHandler = async (req) => {
  const body = await bodyOf(req)
  const refused = await resetAttempt(req.payload, clientAddress(req.headers))
  if (refused) return tooManyRequests(refused, TOO_MANY_RESETS)
  // Payload stores the new password without the collection's hooks: the rules are applied here.
  const checked = checkPassword(body.password)
  if (!checked.ok) return fail(400, checked.message)
  return payloadHandler(req, '/reset-password', resetPassword)(req)
}

export const loginEndpoints: Endpoint[] = [
  { path: '/login', method: 'post', handler: login },
  { path: '/forgot-password', method: 'post', handler: forgotPassword },
  { path: '/reset-password', method: 'post', handler: resetPassword },
]

/** GraphQL's loginUser, forgotPasswordUser and resetPasswordUser would go round these limits: refused. */
export const onlyLimitedSignIn: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (req.payloadAPI === 'GraphQL' && ['login', 'forgotPassword', 'resetPassword'].includes(operation))
    throw new APIError('Hãy đăng nhập hoặc đặt lại mật khẩu qua trang đăng nhập, không qua GraphQL.', 403, null, true)
  return args
}
