/** Bridges Node's HTTP objects and the Web Request/Response that Payload's route handlers use. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'

/**
 * The header through which the client's address reaches Payload's handlers (audit log, rate limits): set by
 * src/server/headers.ts from what Express determined (the socket's address, or with TRUST_PROXY=1 the
 * left-most X-Forwarded-For); whatever a client sent under that name is dropped there.
 */
export const CLIENT_IP_HEADER = 'x-sotay-client-ip'

/** The client's address of a request that came through the server, '' otherwise. */
export const clientAddress = (headers: Headers): string => headers.get(CLIENT_IP_HEADER) ?? ''

/**
 * The request as Payload's handlers take it. Its body is the one src/server/bodies.ts read and bounded
 * (`req.body`), or — for uploads — the stream itself, whose length bodies.ts has checked.
 */
export function toWebRequest(req: IncomingMessage & { originalUrl?: string; body?: unknown }): Request {
  const url = new URL(req.originalUrl ?? req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (value !== undefined) headers.set(name, value)
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method,
    headers,
    body: !hasBody ? undefined : Buffer.isBuffer(req.body) ? new Uint8Array(req.body.buffer, req.body.byteOffset, req.body.length) : (Readable.toWeb(req) as ReadableStream),
    duplex: 'half',
  } as RequestInit)
}

export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value)
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length) res.setHeader('set-cookie', cookies)
  if (!response.body) {
    res.end()
    return
  }
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(response.body as any)
      .on('error', reject)
      .pipe(res)
      .on('finish', resolve)
      .on('error', reject)
  })
}
