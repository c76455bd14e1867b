import { APIError, ValidationError, type PayloadRequest } from 'payload'

export type FieldError = { path: string; message: string }

/** A 400 naming the fields at fault, with Vietnamese messages; nothing is saved. */
export function invalid(req: PayloadRequest, collection: string, errors: FieldError[]): never {
  throw new ValidationError({ collection, errors }, req.t)
}

/** A 403 with a Vietnamese explanation shown to the user as is. */
export function forbidden(message: string): never {
  throw new APIError(message, 403, null, true)
}

/** A 400 with a Vietnamese explanation shown to the user as is (not tied to one field). */
export function badRequest(message: string): never {
  throw new APIError(message, 400, null, true)
}
