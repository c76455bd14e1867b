/**
 * Request bodies are bounded before anything reads them whole (issue 16, finding 12): 100 MB JSON bodies used
 * to be parsed in full (eight at once: +550 MB). JSON and every other non-upload body may be BODY_LIMIT_JSON
 * (1 MB by default), uploads (multipart) the media rule's 20 MB plus room for their other fields.
 *
 * Under /api the body is read here, counted as it arrives and kept (at most the limit) as `req.body` for
 * toWebRequest; past the limit reading stops and the answer is 413. The Next.js pages read their own bodies
 * (forms, server actions): there a declared length over the limit is refused and a body without a declared
 * length (chunked) is refused with 411, so that no body they read can be larger than the limit.
 */
import type { NextFunction, Request, Response } from 'express'
import { env } from './config'

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024
/** A multipart body carries the file and a few small fields (`_payload`, each at most 1 MB by busboy's rule). */
const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + 2 * 1024 * 1024

/** BODY_LIMIT_JSON: bytes, or a size such as "1mb" or "500kb"; 1 MB by default. */
export const jsonBodyLimit = (): number => env('BODY_LIMIT_JSON')

const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`)

/** Payload's error shape; the connection is closed afterwards. */
function refuse(res: Response, status: 411 | 413, message: string): void {
  if (res.headersSent) return
  res.status(status).set('connection', 'close').json({ errors: [{ message }] })
}

const tooLarge = (res: Response, limit: number, upload: boolean) =>
  refuse(res, 413, upload ? `Tệp quá lớn: mỗi tệp tải lên tối đa ${size(MAX_UPLOAD_BYTES)}.` : `Dữ liệu gửi lên quá lớn: tối đa ${size(limit)} mỗi yêu cầu.`)

const hasBody = (req: Request) =>
  req.method !== 'GET' && req.method !== 'HEAD' && (req.headers['content-length'] !== undefined ? req.headers['content-length'] !== '0' : req.headers['transfer-encoding'] !== undefined)

/** The body, counted as it arrives; null as soon as it passes `limit` (nothing past the limit is kept). */
function readBounded(req: Request, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let total = 0
    const settle = (result: Buffer | null | Error) => {
      req.off('data', onData).off('end', onEnd).off('error', settle).off('aborted', onAborted)
      if (result instanceof Error) reject(result)
      else resolve(result)
    }
    const onData = (chunk: Buffer) => {
      total += chunk.length
      if (total > limit) return settle(null)
      chunks.push(chunk)
    }
    const onEnd = () => settle(Buffer.concat(chunks, total))
    const onAborted = () => settle(new Error('request aborted'))
    req.on('data', onData).on('end', onEnd).on('error', settle).on('aborted', onAborted)
  })
}

/**
 * After a 413 the rest of an oversized body is discarded as it comes (so that the client reads the answer),
 * and the connection is cut a few seconds later if it keeps sending.
 */
function discardRest(req: Request, res: Response): void {
  req.resume()
  res.once('finish', () => setTimeout(() => req.destroy(), 5000).unref())
}

/** In front of every route. */
export function boundBodies() {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (!hasBody(req)) return next()
    const upload = !!req.is('multipart/form-data')
    const limit = upload ? UPLOAD_BODY_LIMIT : jsonBodyLimit()
    const declared = Number(req.headers['content-length'])
    if (Number.isFinite(declared) && declared > limit) {
      discardRest(req, res)
      return tooLarge(res, limit, upload)
    }
    const api = req.path === '/api' || req.path.startsWith('/api/')
    if (!api || upload) {
      // Read by their handlers (Next.js, Payload's upload parser) from the stream: bounded by the declared length.
      if (req.headers['content-length'] === undefined) {
        discardRest(req, res)
        return refuse(res, 411, 'Yêu cầu cần ghi rõ độ dài dữ liệu gửi lên (Content-Length).')
      }
      return next()
    }
    try {
      const body = await readBounded(req, limit)
      if (body === null) {
        discardRest(req, res)
        return tooLarge(res, limit, false)
      }
      req.body = body
      next()
    } catch (err) {
      next(err)
    }
  }
}
