/** Kinds of Party organisation (Điều lệ Đảng; Quy định 339-QĐ/TW, the levels that publish to members). */
export const ORGANIZATION_KINDS = [
  { value: 'trung-uong', label: 'Ban Chấp hành Trung ương' },
  { value: 'co-quan-trung-uong', label: 'Cơ quan Trung ương (Bộ Chính trị, Ban Bí thư, các ban, đảng ủy trực thuộc)' },
  { value: 'tinh-uy', label: 'Tỉnh ủy / Thành ủy' },
  { value: 'co-quan-tham-muu', label: 'Cơ quan tham mưu, giúp việc của cấp ủy' },
  { value: 'dang-uy-xa', label: 'Đảng ủy xã / phường / đặc khu' },
  { value: 'dang-bo-co-so', label: 'Đảng bộ cơ sở' },
  { value: 'dang-bo-bo-phan', label: 'Đảng bộ bộ phận' },
  { value: 'chi-bo', label: 'Chi bộ' },
] as const

export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number]['value']

/** Only the Central Committee stands at the root; every other organisation has a parent. */
export const ROOT_KINDS: readonly OrganizationKind[] = ['trung-uong']
/** A chi bộ is the basic cell: it has members, never sub-organisations. */
export const LEAF_KINDS: readonly OrganizationKind[] = ['chi-bo']

export const kindLabel = (kind: string): string => ORGANIZATION_KINDS.find((k) => k.value === kind)?.label ?? kind
