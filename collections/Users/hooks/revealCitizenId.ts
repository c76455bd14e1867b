import type { CollectionBeforeReadHook } from 'payload'
import { decrypt } from '../../../src/lib/crypto/pii'
import { maskCitizenId } from '../../../src/lib/member/identity'
import { canSeePersonalData, type Account } from '../../../src/lib/member/roles'
import { piiKeys } from '../pii'

/**
 * The citizen id is stored encrypted. Reading a profile yields it in full for the member, the leadership
 * of their branch and its ancestors, and system administrators; masked (*********789) for anyone else.
 */
export const revealCitizenId: CollectionBeforeReadHook = ({ doc, req }) => {
  if (!doc.citizenIdEncrypted) {
    doc.citizenId = null
    return doc
  }
  let plain: string
  try {
    plain = decrypt(piiKeys(), doc.citizenIdEncrypted)
  } catch {
    req.payload.logger.error(`Không giải mã được số định danh của tài khoản ${doc.id}: sai khóa PII_KEY?`)
    doc.citizenId = null
    return doc
  }
  doc.citizenId = canSeePersonalData(req.user as Account, { id: doc.id, orgPath: doc.orgPath }) ? plain : maskCitizenId(plain)
  return doc
}
