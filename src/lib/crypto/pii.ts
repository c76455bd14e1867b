/**
 * Encryption of personal data at rest: AES-256-GCM with a random 96-bit nonce per value, and a keyed hash
 * (HMAC-SHA-256) so that uniqueness can be enforced and values looked up without decrypting.
 * The stored form is "v1:<nonce>:<tag>:<ciphertext>", each part base64url.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto'

export type PiiKeys = { encryption: Buffer; hashing: Buffer }

/** Derives separate encryption and hashing keys from one 32-byte master key. */
export function deriveKeys(master: Buffer): PiiKeys {
  if (master.length !== 32) throw new Error('Khóa mã hóa dữ liệu cá nhân phải dài 32 byte (base64 của 32 byte).')
  const derive = (info: string) => Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), info, 32))
  return { encryption: derive('sotay/pii/aes-256-gcm'), hashing: derive('sotay/pii/hmac') }
}

export function encrypt(keys: PiiKeys, plain: string): string {
  const nonce = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keys.encryption, nonce)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return ['v1', nonce, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join(':')
}

export function decrypt(keys: PiiKeys, stored: string): string {
  const [version, nonce, tag, body] = stored.split(':')
  if (version !== 'v1' || !nonce || !tag || body === undefined) throw new Error('Dữ liệu mã hóa không đúng định dạng.')
  // A full 16-byte tag only: GCM would otherwise accept a truncated tag, which makes forgeries far easier.
  const decipher = createDecipheriv('aes-256-gcm', keys.encryption, Buffer.from(nonce, 'base64url'), { authTagLength: 16 })
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}

/** Deterministic keyed hash for uniqueness checks and look-ups. */
export function blindIndex(keys: PiiKeys, plain: string): string {
  return createHmac('sha256', keys.hashing).update(plain).digest('base64url')
}
