/**
 * Above the members list: how many registrations the viewer can see that wait for approval, with a
 * one-tap filter to them (and back to everyone), so that a branch secretary finds them at once.
 */
import type { BeforeListTableServerProps } from 'payload'
import { isApproved, type Account } from '../../../src/lib/member/roles'
import './approval.css'

const PENDING_QUERY = 'where[status][equals]=cho-duyet'

/** Whether the list is already filtered to pending accounts (the page's search parameters, flat or nested). */
const showsPending = (params: Record<string, unknown> | undefined): boolean =>
  params?.['where[status][equals]'] === 'cho-duyet' || (params?.where as { status?: { equals?: unknown } } | undefined)?.status?.equals === 'cho-duyet'

export async function PendingAccountsNotice({ payload, user, searchParams, collectionConfig }: BeforeListTableServerProps) {
  if (!isApproved(user as Account | null)) return null
  const { totalDocs } = await payload.count({
    collection: 'users',
    where: { status: { equals: 'cho-duyet' } },
    user,
    overrideAccess: false,
  })
  const listUrl = `${payload.config.routes.admin}/collections/${collectionConfig.slug}`
  const filtering = showsPending(searchParams)
  return (
    <div className="pending-accounts" role="status">
      <span>
        {totalDocs === 0 ? 'Không có tài khoản nào đang chờ duyệt.' : `Có ${totalDocs} tài khoản đang chờ duyệt.`}
      </span>
      {filtering ? (
        <a className="btn btn--style-secondary btn--size-medium" href={listUrl}>
          Xem tất cả đảng viên
        </a>
      ) : (
        totalDocs > 0 && (
          <a className="btn btn--style-primary btn--size-medium" href={`${listUrl}?${PENDING_QUERY}`}>
            Xem tài khoản chờ duyệt
          </a>
        )
      )}
    </div>
  )
}
