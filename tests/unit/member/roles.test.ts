import {
  canApproveAccount,
  canSeePersonalData,
  isApproved,
  leadershipOrgIds,
  leadsPath,
  type Account,
  type RoleAssignment,
} from '@/lib/member/roles'

// A slice of the tree with materialised paths: TW 1 → Hải Phòng 5 → phường Bạch Đằng 7 → chi bộ 8 and 9;
// Thanh Hóa 11 → chi bộ 12 (11 and 12 also test that id 1 is not a prefix match of them).
const PATH = { hp: '/1/5/', bachDang: '/1/5/7/', cb01: '/1/5/7/8/', cb02: '/1/5/7/9/', thanhHoa: '/1/11/', thCb01: '/1/11/12/' }

let nextId = 100
function account(roles: [RoleAssignment['role'], number | { id: number }][], extra: Partial<Account> = {}): Account {
  nextId += 1
  return { id: nextId, status: 'da-duyet', roles: roles.map(([role, organization]) => ({ role, organization })), ...extra }
}

const member = (branch: number, orgPath: string) => ({ id: 9000 + branch, branch, orgPath })
const memberOfCb01 = member(8, PATH.cb01)
const memberOfCb02 = member(9, PATH.cb02)
const memberOfThanhHoa = member(12, PATH.thCb01)

describe('isApproved', () => {
  it.each([
    ['da-duyet', true],
    ['cho-duyet', false],
    ['chua-kich-hoat', false],
    ['tu-choi', false],
    [null, false],
  ] as const)('status %p → %p', (status, expected) => {
    expect(isApproved({ id: 1, status })).toBe(expected)
  })

  it('system administrators are always approved; nobody is approved without an account', () => {
    expect(isApproved({ id: 1, status: 'cho-duyet', systemAdmin: true })).toBe(true)
    expect(isApproved(null)).toBe(false)
    expect(isApproved(undefined)).toBe(false)
  })
})

describe('leadsPath', () => {
  const wardSecretary = account([['bi-thu', 7]])

  it('a leader leads the organisation itself and everything below it', () => {
    expect(leadsPath(wardSecretary, PATH.bachDang)).toBe(true)
    expect(leadsPath(wardSecretary, PATH.cb01)).toBe(true)
    expect(leadsPath(wardSecretary, PATH.cb02)).toBe(true)
  })

  it('but not the level above, a sibling or another province', () => {
    expect(leadsPath(wardSecretary, PATH.hp)).toBe(false)
    expect(leadsPath(wardSecretary, PATH.thCb01)).toBe(false)
    expect(leadsPath(account([['bi-thu', 8]]), PATH.cb02)).toBe(false)
    expect(leadsPath(wardSecretary, null)).toBe(false)
    expect(leadsPath(wardSecretary, undefined)).toBe(false)
  })

  it('matches whole ids on the path, not digit prefixes', () => {
    expect(leadsPath(account([['bi-thu', 1]]), PATH.thCb01)).toBe(true) // 1 is on /1/11/12/
    expect(leadsPath(account([['bi-thu', 11]]), '/1/5/7/110/')).toBe(false)
    expect(leadsPath(account([['bi-thu', 2]]), '/1/12/')).toBe(false)
  })

  it('bí thư, phó bí thư and cấp ủy viên lead; a biên tập viên does not', () => {
    expect(leadsPath(account([['pho-bi-thu', 7]]), PATH.cb01)).toBe(true)
    expect(leadsPath(account([['cap-uy-vien', 5]]), PATH.cb01)).toBe(true)
    expect(leadsPath(account([['bien-tap-vien', 7]]), PATH.cb01)).toBe(false)
  })

  it('takes organisations given as ids or as populated documents', () => {
    expect(leadsPath(account([['bi-thu', { id: 7 }]]), PATH.cb01)).toBe(true)
    expect(leadershipOrgIds(account([['bi-thu', { id: 7 }], ['cap-uy-vien', 7]]))).toEqual(['7'])
  })

  it('a pending, inactive or rejected account holding a role leads nothing', () => {
    for (const status of ['cho-duyet', 'chua-kich-hoat', 'tu-choi'] as const) {
      const holder = account([['bi-thu', 7]], { status })
      expect({ status, leads: leadsPath(holder, PATH.cb01) }).toEqual({ status, leads: false })
      expect(leadershipOrgIds(holder)).toEqual([])
    }
  })
})

describe('canSeePersonalData', () => {
  it('the member themself (even while pending)', () => {
    const self = { id: 42, status: 'cho-duyet' as const }
    expect(canSeePersonalData(self, { id: 42, orgPath: PATH.cb01 })).toBe(true)
    expect(canSeePersonalData({ id: '42' }, { id: 42, orgPath: PATH.cb01 })).toBe(true)
  })

  it('the leadership of the branch and of every level above it', () => {
    expect(canSeePersonalData(account([['bi-thu', 8]]), memberOfCb01)).toBe(true)
    expect(canSeePersonalData(account([['pho-bi-thu', 8]]), memberOfCb01)).toBe(true)
    expect(canSeePersonalData(account([['bi-thu', 7]]), memberOfCb01)).toBe(true)
    expect(canSeePersonalData(account([['cap-uy-vien', 5]]), memberOfCb01)).toBe(true)
  })

  it('system administrators', () => {
    expect(canSeePersonalData({ id: 1, systemAdmin: true }, memberOfThanhHoa)).toBe(true)
  })

  it('not a branchmate, another branch’s secretary, another province, an editor or an anonymous visitor', () => {
    expect(canSeePersonalData(account([]), memberOfCb01)).toBe(false)
    expect(canSeePersonalData(account([['bi-thu', 9]]), memberOfCb01)).toBe(false)
    expect(canSeePersonalData(account([['bi-thu', 7]]), memberOfThanhHoa)).toBe(false)
    expect(canSeePersonalData(account([['bien-tap-vien', 7]]), memberOfCb01)).toBe(false)
    expect(canSeePersonalData(null, memberOfCb01)).toBe(false)
  })

  it('not a leader whose account is still pending', () => {
    expect(canSeePersonalData(account([['bi-thu', 7]], { status: 'cho-duyet' }), memberOfCb01)).toBe(false)
  })
})

describe('canApproveAccount', () => {
  it('the bí thư or phó bí thư of the member’s own branch', () => {
    expect(canApproveAccount(account([['bi-thu', 8]]), memberOfCb01)).toBe(true)
    expect(canApproveAccount(account([['pho-bi-thu', 8]]), memberOfCb01)).toBe(true)
    expect(canApproveAccount(account([['pho-bi-thu', 8]]), { branch: { id: 8 } })).toBe(true)
  })

  it('not a cấp ủy viên of the branch, the ward secretary above it, or another branch', () => {
    expect(canApproveAccount(account([['cap-uy-vien', 8]]), memberOfCb01)).toBe(false)
    expect(canApproveAccount(account([['bi-thu', 7]]), memberOfCb01)).toBe(false)
    expect(canApproveAccount(account([['bi-thu', 9]]), memberOfCb01)).toBe(false)
    expect(canApproveAccount(account([['bi-thu', 8]]), memberOfCb02)).toBe(false)
  })

  it('a system administrator; nobody for a member without a branch, except the administrator', () => {
    expect(canApproveAccount({ id: 1, systemAdmin: true }, memberOfThanhHoa)).toBe(true)
    expect(canApproveAccount(account([['bi-thu', 8]]), { branch: null })).toBe(false)
    expect(canApproveAccount(null, memberOfCb01)).toBe(false)
  })

  it('a pending account holding the bí thư role gets no power to approve', () => {
    expect(canApproveAccount(account([['bi-thu', 8]], { status: 'cho-duyet' }), memberOfCb01)).toBe(false)
    expect(canApproveAccount(account([['bi-thu', 8]], { status: 'chua-kich-hoat' }), memberOfCb01)).toBe(false)
  })
})
