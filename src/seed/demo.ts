/**
 * Demo data for the embedded default: a realistic slice of the Party tree (Trung ương → Thành ủy Hải Phòng →
 * Đảng ủy phường Bạch Đằng → five chi bộ, a sibling ward, and Tỉnh ủy Thanh Hóa for out-of-scope checks)
 * and about 60 members holding every role, some of them still waiting for approval.
 * Deterministic: the same names, numbers and logins on every machine.
 */
import type { Payload } from 'payload'
import type { RoleName } from '../lib/member/roles'
import { seedContent } from './content'

export const DEMO_PASSWORD = 'SoTay@2025'

type OrgSeed = { code: string; name: string; kind: string; parent?: string }

export const DEMO_ORGANIZATIONS: OrgSeed[] = [
  { code: 'TW', name: 'Ban Chấp hành Trung ương', kind: 'trung-uong' },
  { code: 'TW.BBT', name: 'Ban Bí thư', kind: 'co-quan-trung-uong', parent: 'TW' },
  { code: 'TW.BTGDV', name: 'Ban Tuyên giáo và Dân vận Trung ương', kind: 'co-quan-trung-uong', parent: 'TW' },
  { code: 'TW.BTGDV.CB01', name: 'Chi bộ Vụ Lý luận chính trị', kind: 'chi-bo', parent: 'TW.BTGDV' },
  { code: 'HP', name: 'Thành ủy Hải Phòng', kind: 'tinh-uy', parent: 'TW' },
  { code: 'HP.BTGDV', name: 'Ban Tuyên giáo và Dân vận Thành ủy Hải Phòng', kind: 'co-quan-tham-muu', parent: 'HP' },
  { code: 'HP.BD', name: 'Đảng ủy phường Bạch Đằng', kind: 'dang-uy-xa', parent: 'HP' },
  { code: 'HP.BD.CB01', name: 'Chi bộ Khu dân cư số 1', kind: 'chi-bo', parent: 'HP.BD' },
  { code: 'HP.BD.CB02', name: 'Chi bộ Khu dân cư số 2', kind: 'chi-bo', parent: 'HP.BD' },
  { code: 'HP.BD.CB03', name: 'Chi bộ Khu dân cư số 3', kind: 'chi-bo', parent: 'HP.BD' },
  { code: 'HP.BD.CB04', name: 'Chi bộ Trường THCS Bạch Đằng', kind: 'chi-bo', parent: 'HP.BD' },
  { code: 'HP.BD.CB05', name: 'Chi bộ Cơ quan Ủy ban nhân dân phường', kind: 'chi-bo', parent: 'HP.BD' },
  { code: 'HP.HB', name: 'Đảng ủy phường Hồng Bàng', kind: 'dang-uy-xa', parent: 'HP' },
  { code: 'HP.HB.CB01', name: 'Chi bộ Khu dân cư Hoàng Văn Thụ', kind: 'chi-bo', parent: 'HP.HB' },
  { code: 'TH', name: 'Tỉnh ủy Thanh Hóa', kind: 'tinh-uy', parent: 'TW' },
  { code: 'TH.HT', name: 'Đảng ủy phường Hạc Thành', kind: 'dang-uy-xa', parent: 'TH' },
  { code: 'TH.HT.CB01', name: 'Chi bộ Khu phố Đông Sơn', kind: 'chi-bo', parent: 'TH.HT' },
  { code: 'TH.HT.CB02', name: 'Chi bộ Khu phố Ba Đình', kind: 'chi-bo', parent: 'TH.HT' },
]

type MemberSeed = {
  login: string
  branch: string | null
  title: string
  roles?: [RoleName, string][]
  status?: 'da-duyet' | 'cho-duyet' | 'tu-choi'
  rejectionReason?: string
  systemAdmin?: boolean
}

/** Accounts printed on start: one for every role. */
export const DEMO_ACCOUNTS: MemberSeed[] = [
  { login: 'quantri', branch: null, title: 'Quản trị hệ thống', systemAdmin: true },
  { login: 'bientap.tw', branch: 'TW.BTGDV.CB01', title: 'Biên tập viên Ban Tuyên giáo và Dân vận TW', roles: [['bien-tap-vien', 'TW.BTGDV'], ['bien-tap-vien', 'TW.BBT']] },
  { login: 'capuy.haiphong', branch: 'HP.BD.CB05', title: 'Thành ủy viên Hải Phòng', roles: [['cap-uy-vien', 'HP']] },
  { login: 'bientap.haiphong', branch: 'HP.BD.CB05', title: 'Biên tập viên Thành ủy Hải Phòng', roles: [['bien-tap-vien', 'HP'], ['bien-tap-vien', 'HP.BTGDV']] },
  { login: 'bithu.bachdang', branch: 'HP.BD.CB05', title: 'Bí thư Đảng ủy phường Bạch Đằng', roles: [['bi-thu', 'HP.BD'], ['cap-uy-vien', 'HP.BD']] },
  { login: 'bientap.bachdang', branch: 'HP.BD.CB02', title: 'Biên tập viên Đảng ủy phường và Chi bộ KDC số 1', roles: [['bien-tap-vien', 'HP.BD'], ['bien-tap-vien', 'HP.BD.CB01']] },
  { login: 'bithu.cb01', branch: 'HP.BD.CB01', title: 'Bí thư Chi bộ Khu dân cư số 1', roles: [['bi-thu', 'HP.BD.CB01']] },
  { login: 'phobithu.cb01', branch: 'HP.BD.CB01', title: 'Phó bí thư Chi bộ Khu dân cư số 1', roles: [['pho-bi-thu', 'HP.BD.CB01']] },
  { login: 'bithu.cb02', branch: 'HP.BD.CB02', title: 'Bí thư Chi bộ Khu dân cư số 2', roles: [['bi-thu', 'HP.BD.CB02']] },
  { login: 'dangvien.cb01', branch: 'HP.BD.CB01', title: 'Đảng viên Chi bộ Khu dân cư số 1' },
  { login: 'dangvien.cb02', branch: 'HP.BD.CB02', title: 'Đảng viên Chi bộ Khu dân cư số 2' },
  { login: 'choduyet.cb01', branch: 'HP.BD.CB01', title: 'Đảng viên mới đăng ký, chờ duyệt', status: 'cho-duyet' },
  { login: 'bithu.thanhhoa', branch: 'TH.HT.CB01', title: 'Bí thư Chi bộ Khu phố Đông Sơn (Thanh Hóa)', roles: [['bi-thu', 'TH.HT.CB01']] },
  { login: 'dangvien.thanhhoa', branch: 'TH.HT.CB01', title: 'Đảng viên Chi bộ Khu phố Đông Sơn (Thanh Hóa)' },
]

/** Ordinary members filling each branch, some pending, one rejected. */
const BRANCH_SIZES: Record<string, number> = {
  'HP.BD.CB01': 8, 'HP.BD.CB02': 7, 'HP.BD.CB03': 8, 'HP.BD.CB04': 7, 'HP.BD.CB05': 5,
  'HP.HB.CB01': 5, 'TH.HT.CB01': 4, 'TH.HT.CB02': 5, 'TW.BTGDV.CB01': 2,
}
const PENDING_BRANCHES = new Set(['HP.BD.CB01', 'HP.BD.CB03', 'HP.BD.CB04', 'TH.HT.CB02'])

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý', 'Phan', 'Trịnh', 'Đinh']
const MIDDLE_M = ['Văn', 'Đức', 'Minh', 'Quang', 'Hữu', 'Thành', 'Công', 'Xuân']
const MIDDLE_F = ['Thị', 'Thu', 'Ngọc', 'Thanh', 'Minh', 'Hồng', 'Thị Kim', 'Phương']
const GIVEN_M = ['Hùng', 'Dũng', 'Tuấn', 'Thắng', 'Long', 'Hải', 'Sơn', 'Tiến', 'Khánh', 'Bình', 'Cường', 'Quân', 'Nam', 'Phúc']
const GIVEN_F = ['Lan', 'Hương', 'Mai', 'Hà', 'Linh', 'Thảo', 'Nga', 'Hạnh', 'Yến', 'Trang', 'Hoa', 'Dung', 'Loan', 'Vân']

/** A small deterministic generator (mulberry32), so demo data is the same everywhere. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

function person(index: number, branch: string | null) {
  const rnd = random(index * 7919 + 17)
  const pick = <T>(list: T[]) => list[Math.floor(rnd() * list.length)]
  const gender = rnd() < 0.45 ? 'nu' : 'nam'
  const fullName = `${pick(FAMILY)} ${pick(gender === 'nu' ? MIDDLE_F : MIDDLE_M)} ${pick(gender === 'nu' ? GIVEN_F : GIVEN_M)}`
  const birthYear = 1945 + Math.floor(rnd() * 55) // many elderly members
  const birthDate = `${birthYear}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`
  const joinYear = Math.min(2024, birthYear + 20 + Math.floor(rnd() * 20))
  const partyJoinDate = `${joinYear}-${pad(1 + Math.floor(rnd() * 12), 2)}-${pad(1 + Math.floor(rnd() * 28), 2)}`
  const officialDate = `${joinYear + 1}-${partyJoinDate.slice(5)}`
  const province = branch?.startsWith('TH') ? '038' : branch?.startsWith('TW') ? '001' : '031'
  const centuryDigit = (birthYear >= 2000 ? 2 : 0) + (gender === 'nu' ? 1 : 0)
  const citizenId = `${province}${centuryDigit}${String(birthYear).slice(2)}${pad(100000 + index * 7, 6)}`
  const cardNumber = `${province.slice(1)}${pad(100000 + index, 6)}`
  const phone = `09${pad(12000000 + index * 131, 8)}`
  return { fullName, gender, birthDate, partyJoinDate, officialDate, citizenId, cardNumber, phone }
}

export type DemoLogin = { login: string; cardNumber: string; email: string; title: string; status: string }
const demoLogins: DemoLogin[] = []

/** Seeds the demo tree and members into an empty database; returns false when data already exists. */
export async function seedDemo(payload: Payload): Promise<boolean> {
  const existing = await payload.count({ collection: 'organizations', overrideAccess: true })
  if (existing.totalDocs > 0) {
    await rememberLogins(payload)
    return false
  }
  payload.logger.info('Đang tạo dữ liệu mẫu (cây tổ chức, đảng viên)…')
  const orgIds = new Map<string, string | number>()
  for (const org of DEMO_ORGANIZATIONS) {
    const doc = await payload.create({
      collection: 'organizations',
      data: { name: org.name, kind: org.kind as any, code: org.code, parent: org.parent ? orgIds.get(org.parent) : null } as any,
      overrideAccess: true,
    })
    orgIds.set(org.code, doc.id)
  }

  let index = 0
  const create = async (seed: MemberSeed) => {
    index += 1
    const profile = person(index, seed.branch)
    const email = `${seed.login}@demo.sotay.vn`
    await payload.create({
      collection: 'users',
      data: {
        ...profile,
        email,
        password: DEMO_PASSWORD,
        branch: seed.branch ? orgIds.get(seed.branch) : null,
        status: seed.status ?? 'da-duyet',
        rejectionReason: seed.rejectionReason ?? null,
        systemAdmin: !!seed.systemAdmin,
        roles: (seed.roles ?? []).map(([role, org]) => ({ role, organization: orgIds.get(org) })),
        approvedAt: seed.status && seed.status !== 'da-duyet' ? null : new Date().toISOString(),
      } as any,
      overrideAccess: true,
      context: { skipAudit: true },
    })
  }
  for (const account of DEMO_ACCOUNTS) await create(account)
  for (const [branch, size] of Object.entries(BRANCH_SIZES)) {
    for (let i = 1; i <= size; i++) {
      const pending = PENDING_BRANCHES.has(branch) && i === size
      const rejected = branch === 'HP.BD.CB02' && i === size
      await create({
        login: `dv${pad(index + 1, 3)}`,
        branch,
        title: 'Đảng viên',
        status: pending ? 'cho-duyet' : rejected ? 'tu-choi' : 'da-duyet',
        rejectionReason: rejected ? 'Số thẻ đảng viên không khớp với hồ sơ lưu tại chi bộ, đề nghị đồng chí kiểm tra lại.' : undefined,
      })
    }
  }
  payload.logger.info(`Đã tạo ${DEMO_ORGANIZATIONS.length} tổ chức và ${index} tài khoản mẫu.`)
  await rememberLogins(payload)
  await seedContent(payload)
  return true
}

async function rememberLogins(payload: Payload) {
  demoLogins.length = 0
  for (const account of DEMO_ACCOUNTS) {
    const email = `${account.login}@demo.sotay.vn`
    const found = await payload.db.findOne<{ id: string; cardNumber?: string; status?: string }>({ collection: 'users', where: { email: { equals: email } } })
    if (found) demoLogins.push({ login: account.login, cardNumber: String(found.cardNumber ?? ''), email, title: account.title, status: String(found.status) })
  }
}

export function printDemoLogins(url: string): void {
  if (demoLogins.length === 0) return
  const lines = [
    '',
    `  Sổ tay đảng viên điện tử — ${url}   (quản trị: ${url}/admin)`,
    `  Tài khoản mẫu — mật khẩu chung: ${DEMO_PASSWORD}`,
    '  Đăng nhập bằng email hoặc số thẻ đảng viên:',
    ...demoLogins.map((l) => `    ${l.email.padEnd(34)} ${l.cardNumber.padEnd(10)} ${l.title}${l.status === 'cho-duyet' ? ' (chờ duyệt)' : ''}`),
    '',
  ]
  console.log(lines.join('\n'))
}
