/**
 * The chi bộ a member can choose, grouped under the committee they belong to, so that a long national list
 * stays readable: "Thành ủy Hải Phòng › Đảng ủy phường Bạch Đằng" → "Chi bộ Khu dân cư số 1".
 */
import { ancestorIds } from '@/lib/org-tree/path'

export type OrgRow = { id: string | number; name: string; kind: string; path?: string | null }
/** The id keeps its database type (a number on SQL databases): the API refuses "8" for 8. */
export type BranchOption = { id: string | number; name: string }
export type BranchGroup = { label: string; branches: BranchOption[] }

const byVietnamese = (a: string, b: string) => a.localeCompare(b, 'vi')

/** The committees above a chi bộ, top first, without the root when something more specific remains. */
function groupLabel(branch: OrgRow, names: Map<string, string>): string {
  const above = ancestorIds(branch.path).map((id) => names.get(id)).filter((n): n is string => !!n)
  const shown = above.length > 1 ? above.slice(1) : above
  return shown.join(' › ') || 'Chi bộ trực thuộc'
}

export function groupBranches(orgs: OrgRow[]): BranchGroup[] {
  const names = new Map(orgs.map((o) => [String(o.id), o.name]))
  const groups = new Map<string, BranchOption[]>()
  for (const org of orgs) {
    if (org.kind !== 'chi-bo') continue
    const label = groupLabel(org, names)
    const list = groups.get(label) ?? []
    list.push({ id: org.id, name: org.name })
    groups.set(label, list)
  }
  return [...groups.entries()]
    .sort(([a], [b]) => byVietnamese(a, b))
    .map(([label, branches]) => ({ label, branches: branches.sort((a, b) => byVietnamese(a.name, b.name)) }))
}

/** Branch id → name, for showing a chosen or requested branch. */
export const branchNames = (groups: BranchGroup[]): Map<string, string> =>
  new Map(groups.flatMap((g) => g.branches.map((b) => [String(b.id), b.name] as const)))

/** The branch id as the API wants it, from the text value of the select box. */
export const branchIdFrom = (groups: BranchGroup[], value: string): string | number =>
  groups.flatMap((g) => g.branches).find((b) => String(b.id) === value)?.id ?? value
