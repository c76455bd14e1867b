/**
 * Security headers on every response, the client's address and HTTPS as the server may believe them
 * (issue 16, findings 11 and 13).
 *
 * Scripts: Next.js (App Router) writes its page data as inline `<script>self.__next_f.push(…)</script>` on every
 * page, Payload's admin adds its own, and the member site registers its service worker inline. Nonces would need
 * a Next.js proxy generating one per request and would make every page dynamic (no cached static pages), for the
 * admin too; the policy therefore allows inline scripts but only from this origin ('self' — no other host, no
 * `eval` outside development), which with `connect-src 'self'`, `object-src 'none'`, `base-uri 'self'` and
 * `form-action 'self'` still keeps injected markup from loading or sending anything elsewhere. Inline styles are
 * allowed for the same reason (React's style attributes, the admin's theme).
 */
import type { NextFunction, Request, Response } from 'express'
import helmet from 'helmet'
import { CLIENT_IP_HEADER } from './http'
import { serverUrl } from './runtime'
import { env } from './config'

/** TRUST_PROXY=1: the server runs behind a reverse proxy whose X-Forwarded-For and -Proto are to be believed. */
export const trustProxy = (): boolean => env('TRUST_PROXY')

/** Served over HTTPS: SERVER_URL says so, or the proxy does (X-Forwarded-Proto, believed only with TRUST_PROXY). */
export const servedOverHttps = (req: Request): boolean => req.secure || serverUrl().startsWith('https:')

function contentSecurityPolicy(dev: boolean, https: boolean) {
  return {
    useDefaults: false,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'", "'unsafe-inline'", ...(dev ? ["'unsafe-eval'"] : [])],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'blob:'],
      'font-src': ["'self'", 'data:'],
      'media-src': ["'self'", 'blob:'],
      'connect-src': ["'self'", ...(dev ? ['ws:', 'wss:'] : [])],
      'worker-src': ["'self'", 'blob:'],
      'manifest-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'self'"],
      ...(https ? { 'upgrade-insecure-requests': [] } : {}),
    },
  }
}

/** Helmet's headers, with HSTS and upgrade-insecure-requests only over HTTPS. */
export function securityHeaders({ dev = false } = {}) {
  const options = (https: boolean) =>
    helmet({
      contentSecurityPolicy: contentSecurityPolicy(dev, https),
      strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
      referrerPolicy: { policy: 'same-origin' },
      // Media and files are fetched by this site only; other sites must not embed them.
      crossOriginResourcePolicy: { policy: 'same-origin' },
      // The admin opens no cross-origin windows that need a handle back.
      crossOriginOpenerPolicy: { policy: 'same-origin' },
    })
  const overHttps = options(true)
  const overHttp = options(false)
  return (req: Request, res: Response, next: NextFunction) => (servedOverHttps(req) ? overHttps : overHttp)(req, res, next)
}

/**
 * The client's address as Express sees it (the socket's, or with TRUST_PROXY the left-most X-Forwarded-For),
 * handed on in CLIENT_IP_HEADER — whatever the client sent under that name is dropped.
 */
export function passClientAddress(req: Request, _res: Response, next: NextFunction): void {
  const ip = (req.ip || req.socket.remoteAddress || '').replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/, '')
  delete req.headers[CLIENT_IP_HEADER]
  if (ip) req.headers[CLIENT_IP_HEADER] = ip
  next()
}

/** Over HTTPS every cookie the app sets (Payload's session, the admin's language) is marked Secure. */
export function secureCookies(req: Request, res: Response, next: NextFunction): void {
  if (!servedOverHttps(req)) return next()
  const secureOne = (cookie: string) => (/;\s*secure\s*(;|$)/i.test(cookie) ? cookie : `${cookie}; Secure`)
  const secure = (value: unknown): unknown => (Array.isArray(value) ? value.map(secureOne) : typeof value === 'string' ? secureOne(value) : value)
  const setHeader = res.setHeader.bind(res)
  res.setHeader = (name: string, value: number | string | readonly string[]) =>
    setHeader(name, name.toLowerCase() === 'set-cookie' ? (secure(value) as string | string[]) : value)
  const appendHeader = res.appendHeader.bind(res)
  res.appendHeader = (name: string, value: string | readonly string[]) =>
    appendHeader(name, name.toLowerCase() === 'set-cookie' ? (secure(value) as string | string[]) : value)
  next()
}
