/** Bridges Node's HTTP objects and the Web Request/Response that Payload's route handlers use. */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'

export function toWebRequest(req: IncomingMessage & { originalUrl?: string; ip?: string }): Request {
  const url = new URL(req.originalUrl ?? req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`)
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v)
    else if (value !== undefined) headers.set(name, value)
  }
  headers.set(CLIENT_ADDRESS_HEADER, req.ip ?? req.socket?.remoteAddress ?? '')
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(url, {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
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

/**
 * The address a request came from, as Express determined it (the `trust proxy` setting: with TRUST_PROXY=1 the
 * left-most X-Forwarded-For, otherwise the connection's own address), carried to Payload's handlers in this
 * header. toWebRequest replaces whatever a client sent under that name.
 */
export const CLIENT_ADDRESS_HEADER = 'x-sotay-client-address'

export const clientAddress = (headers: Headers): string => headers.get(CLIENT_ADDRESS_HEADER) ?? ''
