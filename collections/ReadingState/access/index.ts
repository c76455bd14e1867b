import type { Access } from 'payload'

/** Signed-in accounts keep reading state; nobody else. */
export const signedIn: Access = ({ req }) => Boolean(req.user)

/** Each account sees and changes only its own rows (system administrators included: it is private). */
export const ownRows: Access = ({ req }) => (req.user ? { user: { equals: req.user.id } } : false)
