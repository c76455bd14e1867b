import { randomBytes } from 'node:crypto'
import { blindIndex, decrypt, deriveKeys, encrypt } from '@/lib/crypto/pii'

const keys = deriveKeys(Buffer.alloc(32, 7))
const otherKeys = deriveKeys(Buffer.alloc(32, 8))
const CITIZEN_ID = '031060123456'

/** Flips one bit of byte `index` of the decoded part `part` (1 nonce, 2 tag, 3 ciphertext) of a stored value. */
function tamper(stored: string, part: 1 | 2 | 3, index = 0): string {
  const parts = stored.split(':')
  const bytes = Buffer.from(parts[part], 'base64url')
  bytes[index] ^= 0x01
  parts[part] = bytes.toString('base64url')
  return parts.join(':')
}

describe('encrypt / decrypt (AES-256-GCM)', () => {
  it('round-trips, Vietnamese text included', () => {
    for (const plain of [CITIZEN_ID, '', 'Số 5, ngõ 3, phường Bạch Đằng, Hải Phòng'])
      expect(decrypt(keys, encrypt(keys, plain))).toBe(plain)
  })

  it('stores "v1:nonce:tag:ciphertext" without the plain text', () => {
    const stored = encrypt(keys, CITIZEN_ID)
    const [version, nonce, tag, body] = stored.split(':')
    expect(version).toBe('v1')
    expect(Buffer.from(nonce, 'base64url')).toHaveLength(12)
    expect(Buffer.from(tag, 'base64url')).toHaveLength(16)
    expect(Buffer.from(body, 'base64url')).toHaveLength(CITIZEN_ID.length)
    expect(stored).not.toContain(CITIZEN_ID)
    expect(Buffer.from(body, 'base64url').toString('utf8')).not.toBe(CITIZEN_ID)
  })

  it('uses a fresh random nonce: encrypting the same value twice gives different results', () => {
    const a = encrypt(keys, CITIZEN_ID)
    const b = encrypt(keys, CITIZEN_ID)
    expect(a).not.toBe(b)
    expect(a.split(':')[1]).not.toBe(b.split(':')[1])
    const nonces = new Set(Array.from({ length: 200 }, () => encrypt(keys, CITIZEN_ID).split(':')[1]))
    expect(nonces.size).toBe(200)
  })

  it.each([
    ['the ciphertext', 3],
    ['the authentication tag', 2],
    ['the nonce', 1],
  ] as const)('detects a flipped bit in %s', (_name, part) => {
    const stored = encrypt(keys, CITIZEN_ID)
    expect(() => decrypt(keys, tamper(stored, part))).toThrow()
    expect(() => decrypt(keys, tamper(stored, part, 5))).toThrow()
  })

  it('detects a value moved or cut: swapped ciphertexts, a shortened ciphertext', () => {
    const a = encrypt(keys, CITIZEN_ID).split(':')
    const b = encrypt(keys, '038205123456').split(':')
    expect(() => decrypt(keys, [a[0], a[1], a[2], b[3]].join(':'))).toThrow()
    const cut = Buffer.from(a[3], 'base64url').subarray(0, 11).toString('base64url')
    expect(() => decrypt(keys, [a[0], a[1], a[2], cut].join(':'))).toThrow()
  })

  // Node accepts GCM tags of 4 to 16 bytes unless the decipher is told the tag length, so a stored value
  // with its tag cut to 4 bytes still decrypts: forging one then takes ~2^32 tries instead of 2^128.
  // Fix in src/lib/crypto/pii.ts: createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: 16 }).
  it('refuses a truncated authentication tag', () => {
    const [version, nonce, tag, body] = encrypt(keys, CITIZEN_ID).split(':')
    const short = Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url')
    expect(() => decrypt(keys, [version, nonce, short, body].join(':'))).toThrow()
  })

  it('refuses the wrong key', () => {
    expect(() => decrypt(otherKeys, encrypt(keys, CITIZEN_ID))).toThrow()
  })

  it('refuses malformed stored values with a Vietnamese message', () => {
    for (const bad of ['', 'v2:a:b:c', 'v1:abc', CITIZEN_ID]) expect(() => decrypt(keys, bad)).toThrow(/không đúng định dạng/)
  })
})

describe('deriveKeys', () => {
  it('needs a 32-byte master key', () => {
    expect(() => deriveKeys(Buffer.alloc(16))).toThrow(/32 byte/)
    expect(() => deriveKeys(Buffer.alloc(33))).toThrow(/32 byte/)
  })

  it('derives different encryption and hashing keys, neither equal to the master key', () => {
    const master = randomBytes(32)
    const derived = deriveKeys(master)
    expect(derived.encryption).toHaveLength(32)
    expect(derived.hashing).toHaveLength(32)
    expect(derived.encryption.equals(derived.hashing)).toBe(false)
    expect(derived.encryption.equals(master)).toBe(false)
    expect(deriveKeys(Buffer.from(master)).encryption.equals(derived.encryption)).toBe(true)
  })
})

describe('blindIndex (HMAC-SHA-256)', () => {
  it('is deterministic, so equal values can be found and kept unique', () => {
    expect(blindIndex(keys, CITIZEN_ID)).toBe(blindIndex(deriveKeys(Buffer.alloc(32, 7)), CITIZEN_ID))
    expect(blindIndex(keys, CITIZEN_ID)).toMatch(/^[A-Za-z0-9_-]{43}$/)
  })

  it('differs for different values, even by one digit', () => {
    expect(blindIndex(keys, CITIZEN_ID)).not.toBe(blindIndex(keys, '031060123457'))
  })

  it('depends on the key: without it the citizen id cannot be guessed from the index', () => {
    expect(blindIndex(keys, CITIZEN_ID)).not.toBe(blindIndex(otherKeys, CITIZEN_ID))
  })

  it('does not contain the value, nor equal a plain unkeyed hash of it', async () => {
    const { createHash } = await import('node:crypto')
    const index = blindIndex(keys, CITIZEN_ID)
    expect(index).not.toContain(CITIZEN_ID)
    expect(index).not.toBe(createHash('sha256').update(CITIZEN_ID).digest('base64url'))
  })
})
