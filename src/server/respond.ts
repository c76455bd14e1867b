/** JSON answers for custom endpoints, with Vietnamese messages in Payload's own error shape. */
import { ValidationError } from 'payload'

export const json = (body: unknown, status = 200): Response => Response.json(body, { status })

export const fail = (status: number, message: string, data?: unknown): Response =>
  json({ errors: [{ message, ...(data ? { data } : {}) }] }, status)

/** Turns an error thrown by the Local API into a response; unexpected errors become a plain 500. */
export function fromError(err: unknown, fallback = 'Đã có lỗi xảy ra, vui lòng thử lại sau.'): Response {
  if (err instanceof ValidationError) {
    const errors = (err.data?.errors ?? []) as { path: string; message: string }[]
    return json({ errors: [{ name: 'ValidationError', message: errors.map((e) => e.message).join(' '), data: { errors } }] }, 400)
  }
  const e = err as { status?: number; isPublic?: boolean; message?: string }
  if (e?.status && e.status < 500 && e.message) return fail(e.status, e.message)
  return fail(500, fallback)
}

export async function readJson(req: { json?: () => Promise<unknown> }): Promise<Record<string, unknown>> {
  try {
    const body = await req.json?.()
    return body && typeof body === 'object' ? (body as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}
