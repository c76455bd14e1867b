/** The personal-data keys: PII_KEY (base64 of 32 bytes) or, for the embedded default, ./data/pii.key (0600). */
import { deriveKeys, type PiiKeys } from '../../src/lib/crypto/pii'
import { persistentSecret } from '../../src/server/runtime'

let keys: PiiKeys | null = null

export function piiKeys(): PiiKeys {
  keys ??= deriveKeys(persistentSecret('PII_KEY', 'pii.key'))
  return keys
}
