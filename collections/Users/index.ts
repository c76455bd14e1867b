import type { CollectionConfig } from 'payload'
import { canCreateUsers, canReadUsers, canUnlock, canUpdateUsers, canUseAdminPanel, onlySystemAdmins } from './access'
import { approveAccount, approveChanges, rejectAccount, rejectChanges } from './endpoints/approval'
import { importEndpoint } from './endpoints/import'
import { loginEndpoints, onlyLimitedSignIn } from './endpoints/login'
import { registerEndpoint } from './endpoints/register'
import { accountFields, profileFields } from './fields'
import { auditChange, auditProfileViews, noteProfileView } from './hooks/audit'
import { guardScope, guardUnlock } from './hooks/guardScope'
import { processProfile } from './hooks/processProfile'
import { revealCitizenId } from './hooks/revealCitizenId'
import { capListSize } from '../hooks/capListSize'
import { boundText } from '../hooks/boundText'
import { forgetAccounts, forgetAccountsAfterLogout } from '../hooks/forgetReads'
import { keptSessions } from './auth/keptSessions'
import { serverUrl } from '../../src/server/runtime'

/** Accounts and Party member profiles (Điều 3.2a), registered by members and approved by their branch (Điều 5.5–5.6). */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: 'Đảng viên', plural: 'Đảng viên và tài khoản' },
  auth: {
    loginWithUsername: { allowEmailLogin: true, requireEmail: false, requireUsername: false },
    // The account alone (ids of its branch and organisations): every request authenticates, and populating
    // them cost more than the rest of a list request (rules compare ids; pages fetch names when they show them).
    depth: 0,
    // No account-wide lock (anyone could lock anyone out by failing five times): failed sign-ins are limited
    // per address and per address+account instead (endpoints/login.ts, src/server/rateLimits.ts).
    maxLoginAttempts: 0,
    tokenExpiration: 7 * 24 * 60 * 60,
    // Secure when the site is served over HTTPS (SERVER_URL); behind a TLS proxy src/server/headers.ts adds it too.
    cookies: { sameSite: 'Lax', secure: serverUrl().startsWith('https:') },
    // Before Payload's own JWT strategy: the account a token was found to be, kept between requests.
    strategies: [keptSessions],
  },
  admin: {
    useAsTitle: 'fullName',
    defaultColumns: ['fullName', 'cardNumber', 'branch', 'status'],
    group: 'Tổ chức',
    listSearchableFields: ['fullName', 'cardNumber'],
    components: { beforeListTable: ['/collections/Users/components/PendingAccountsNotice#PendingAccountsNotice'] },
  },
  access: {
    admin: canUseAdminPanel,
    read: canReadUsers,
    create: canCreateUsers,
    update: canUpdateUsers,
    delete: onlySystemAdmins,
    unlock: canUnlock,
  },
  // Ours first: Payload matches custom endpoints before its own (login, forgot- and reset-password wrap them).
  endpoints: [...loginEndpoints, registerEndpoint, importEndpoint, approveAccount, rejectAccount, approveChanges, rejectChanges],
  hooks: {
    beforeOperation: [capListSize, boundText, guardUnlock, onlyLimitedSignIn],
    beforeChange: [guardScope, processProfile],
    afterChange: [auditChange, forgetAccounts.afterChange],
    afterDelete: [forgetAccounts.afterDelete],
    afterLogout: [forgetAccountsAfterLogout],
    beforeRead: [revealCitizenId, noteProfileView],
    afterOperation: [auditProfileViews],
  },
  fields: [...profileFields, ...accountFields],
}
