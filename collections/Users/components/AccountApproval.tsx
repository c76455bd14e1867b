/**
 * Sidebar of a member's record in the admin: the account status and, for the people who may decide
 * (the same rule as the approval endpoints: bí thư / phó bí thư of the member's own branch, or a system
 * administrator, never oneself), the buttons to approve or reject the account and pending identity changes.
 */
import type { Field, PayloadRequest, UIFieldServerProps } from 'payload'
import { flattenTopLevelFields } from 'payload/shared'
import { maskCitizenId, parseDate } from '../../../src/lib/member/identity'
import { ACCOUNT_STATUS_LABELS, canApproveAccount, isSystemAdmin, refId, type Account, type AccountStatus } from '../../../src/lib/member/roles'
import { IDENTITY_FIELDS, profileFields } from '../fields'
import { ApprovalActions, type PendingChange } from './ApprovalActions'

type Data = Record<string, any>

const HELD = [...IDENTITY_FIELDS, 'branch'] as string[]
const byName = new Map(flattenTopLevelFields(profileFields).map((f) => [(f as { name: string }).name, f as Field & { name: string; label?: string }]))

/** The same decision the endpoints take in approval.ts. */
export function mayDecide(viewer: Account | null, subject: { id: string | number; branch?: unknown }): boolean {
  if (!viewer || !canApproveAccount(viewer, { branch: refId(subject.branch as any) })) return false
  return isSystemAdmin(viewer) || String(viewer.id) !== String(subject.id)
}

async function organisationName(req: PayloadRequest, value: unknown): Promise<string> {
  const id = refId(value as any)
  if (!id) return ''
  if (typeof value === 'object' && (value as Data).name) return (value as Data).name
  const org = await req.payload.findByID({ collection: 'organizations', id, depth: 0, disableErrors: true, req }).catch(() => null)
  return (org?.name as string | undefined) ?? `#${id}`
}

/** One value of a profile field as a secretary reads it. */
async function shown(req: PayloadRequest, name: string, value: unknown): Promise<string> {
  if (value == null || value === '') return '—'
  const field = byName.get(name)
  if (field?.type === 'date') {
    const iso = parseDate(value)
    return iso ? iso.split('-').reverse().join('/') : String(value)
  }
  if (field?.type === 'select') {
    const option = field.options.find((o) => (typeof o === 'string' ? o : o.value) === value)
    return typeof option === 'object' && typeof option.label === 'string' ? option.label : String(value)
  }
  if (name === 'branch') return organisationName(req, value)
  if (name === 'citizenId') return maskCitizenId(String(value))
  return String(value)
}

async function pendingChanges(req: PayloadRequest, data: Data): Promise<PendingChange[]> {
  const pending = (data.pendingChanges ?? {}) as Data
  const names = HELD.filter((name) => name in pending)
  return Promise.all(
    names.map(async (name) => ({
      label: String(byName.get(name)?.label ?? name),
      from: await shown(req, name, data[name]),
      to: await shown(req, name, pending[name]),
    })),
  )
}

export async function AccountApproval({ data, id, req }: UIFieldServerProps) {
  if (!id || !data) return null
  const status = (data.status ?? 'cho-duyet') as AccountStatus
  return (
    <ApprovalActions
      id={id}
      status={status}
      statusLabel={ACCOUNT_STATUS_LABELS[status] ?? status}
      rejectionReason={status === 'tu-choi' ? ((data.rejectionReason as string) ?? '') : ''}
      mayDecide={mayDecide(req.user as Account | null, { id, branch: data.branch })}
      pending={await pendingChanges(req, data)}
    />
  )
}
