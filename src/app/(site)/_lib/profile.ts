/** A member's profile as the account page shows and edits it. */
import { refId } from '@/lib/member/roles'
import type { Values } from './checks'
import { DATE_KEYS, formatDate, GENDER_LABELS, PROFILE_LABELS, type ProfileKey } from './format'

type Profile = Record<string, any>

export const IDENTITY_KEYS = ['fullName', 'birthDate', 'gender', 'partyJoinDate', 'officialDate', 'cardNumber', 'citizenId', 'branch'] as const
export const CONTACT_KEYS = ['phone', 'email'] as const

/** One value as written for a reader: dates dd/mm/yyyy, the gender and the branch by name. */
function displayValue(key: ProfileKey, value: unknown, branchNames: Map<string, string>): string {
  if (value == null || value === '') return ''
  if (DATE_KEYS.includes(key)) return formatDate(value)
  if (key === 'gender') return GENDER_LABELS[String(value)] ?? String(value)
  if (key === 'branch') {
    const id = refId(value as any)
    return (typeof value === 'object' && (value as { name?: string }).name) || (id && branchNames.get(id)) || ''
  }
  return String(value)
}

/** The values the edit forms start from, as a member would type them. */
export function formValues(profile: Profile): Values {
  const values: Values = {}
  for (const key of [...IDENTITY_KEYS, ...CONTACT_KEYS]) {
    const value = profile[key]
    values[key] = key === 'branch' ? (refId(value) ?? '') : DATE_KEYS.includes(key) ? formatDate(value) : String(value ?? '')
  }
  return values
}

export type Row = { key: ProfileKey; label: string; value: string; pending?: string }

/** The profile as label/value rows, with the value waiting for the secretary's approval, if any. */
export function profileRows(profile: Profile, branchNames: Map<string, string>): Row[] {
  const pending = (profile.pendingChanges ?? {}) as Record<string, unknown>
  return (Object.keys(PROFILE_LABELS) as ProfileKey[]).map((key) => ({
    key,
    label: PROFILE_LABELS[key],
    value: displayValue(key, profile[key], branchNames),
    ...(key in pending ? { pending: displayValue(key, pending[key], branchNames) || '(để trống)' } : {}),
  }))
}

export const hasPendingChanges = (profile: Profile): boolean =>
  Object.keys(profile.pendingChanges ?? {}).some((k) => k in PROFILE_LABELS)
