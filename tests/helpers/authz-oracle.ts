/**
 * The authorization oracle of the matrix test (tests/integration/authorization-matrix.test.ts): who may
 * do what with documents, news and member profiles, written directly from the rules of issue 3 ("Who
 * reads what", "Publishing rights") and the profile rule of the member handbook — on purpose WITHOUT
 * importing anything from the application (no access functions, no role helpers, no path helpers), so
 * that a mistake in the app's access code cannot hide itself by being copied here.
 *
 * Inputs are plain data read over HTTP: the organisation tree, the people (roles per organisation,
 * branch, account status), the content (issuer, published or not, public or not, scheduled time) and the
 * publishing settings of each organisation.
 */

export type OrgNode = { id: string; code: string; kind: string; parent: string | null }
export type RoleHeld = { role: string; org: string }
export type Person = { id: string; status: string; systemAdmin: boolean; branch: string | null; roles: RoleHeld[] }
/** Documents and news alike. `published`: the live record is published (drafts and withdrawn ones are not). */
export type Content = { id: string; issuer: string; published: boolean; everPublished: boolean; public: boolean; publishAt: string | null }
/** A member profile as the rules see it. */
export type Profile = { id: string; branch: string | null; status: string }

/** Committee leadership: bí thư, phó bí thư, cấp ủy viên. */
const LEADERSHIP = new Set(['bi-thu', 'pho-bi-thu', 'cap-uy-vien'])
const EDITOR = 'bien-tap-vien'

export class Oracle {
  private orgs = new Map<string, OrgNode>()

  constructor(
    orgs: OrgNode[],
    /** Organisations whose editors may publish without an approver. */
    private directPublishing: Set<string>,
    private now = new Date(),
  ) {
    for (const o of orgs) this.orgs.set(o.id, o)
  }

  org(id: string): OrgNode {
    const o = this.orgs.get(id)
    if (!o) throw new Error(`oracle: unknown organisation ${id}`)
    return o
  }

  /** The organisation and all organisations above it, nearest first. */
  lineage(id: string | null): string[] {
    const out: string[] = []
    for (let cur = id; cur; cur = this.org(cur).parent) out.push(cur)
    return out
  }

  /** The organisation and everything below it. */
  subtree(id: string): string[] {
    return [...this.orgs.values()].filter((o) => this.lineage(o.id).includes(id)).map((o) => o.id)
  }

  /** A staff organ (ban, văn phòng, cơ quan trung ương) acts in the name of its parent committee. */
  private isOrgan(id: string): boolean {
    return this.org(id).kind.startsWith('co-quan')
  }

  // --- the person --------------------------------------------------------------------------------------

  /** Only approved accounts count as members; roles of an account that is not approved give nothing. */
  private active(p: Person | null): p is Person {
    return !!p && (p.status === 'da-duyet' || p.systemAdmin)
  }
  private admin(p: Person | null): boolean {
    return !!p && p.systemAdmin
  }
  private held(p: Person | null, pick: (role: string) => boolean): string[] {
    return this.active(p) ? p.roles.filter((r) => pick(r.role)).map((r) => r.org) : []
  }
  private leads(p: Person | null): string[] {
    return this.held(p, (r) => LEADERSHIP.has(r))
  }
  private edits(p: Person | null): string[] {
    return this.held(p, (r) => r === EDITOR)
  }

  // --- publishing rights -------------------------------------------------------------------------------

  /** Approver of X: X's leadership — or, when X is a staff organ, the leadership of the committee it serves. */
  approves(p: Person | null, issuer: string): boolean {
    if (this.admin(p)) return true
    const led = this.leads(p)
    if (led.includes(issuer)) return true
    const parent = this.org(issuer).parent
    return this.isOrgan(issuer) && parent !== null && led.includes(parent)
  }

  /** Writes content issued by X (drafts, edits of drafts): X's editors and approvers. */
  writes(p: Person | null, issuer: string): boolean {
    return this.approves(p, issuer) || this.edits(p).includes(issuer)
  }

  /** Publishes (or changes what is published): approvers; editors only where X lets them publish directly. */
  publishes(p: Person | null, issuer: string): boolean {
    return this.approves(p, issuer) || (this.edits(p).includes(issuer) && this.directPublishing.has(issuer))
  }

  /** Deletes: approvers; editors only what was never published. */
  deletes(p: Person | null, c: Content): boolean {
    return this.approves(p, c.issuer) || (this.edits(p).includes(c.issuer) && !c.everPublished)
  }

  /** Version history: the people who produce the content. */
  readsVersions(p: Person | null, c: Content): boolean {
    return this.writes(p, c.issuer)
  }

  // --- who reads what ----------------------------------------------------------------------------------

  /** Out: published, and its scheduled time (if any) has come. */
  released(c: Content): boolean {
    return c.published && (!c.publishAt || Date.parse(c.publishAt) <= this.now.getTime())
  }

  reads(p: Person | null, c: Content): boolean {
    if (this.admin(p)) return true
    if (this.writes(p, c.issuer)) return true // drafts and schedules: only X's editors and approvers
    if (!this.released(c)) return false
    if (c.public) return true
    if (!this.active(p)) return false
    // Members whose branch is in X's subtree (an organ's content goes where its committee's goes).
    const voice = this.isOrgan(c.issuer) ? (this.org(c.issuer).parent ?? c.issuer) : c.issuer
    const branchLine = this.lineage(p.branch)
    if (branchLine.includes(c.issuer) || branchLine.includes(voice)) return true
    // Oversight: leadership and editors of X or of an organisation above X.
    const above = this.lineage(c.issuer)
    return [...this.leads(p), ...this.edits(p)].some((o) => above.includes(o))
  }

  /** An attached file is read exactly like the content that holds it. */
  readsFile(p: Person | null, holder: Content): boolean {
    return this.reads(p, holder)
  }

  // --- member profiles ---------------------------------------------------------------------------------

  /**
   * Profiles: one's own; approved members see the approved members of their own branch; leaders see the
   * profiles in the subtree they lead; system administrators see all; nobody without signing in.
   */
  readsProfile(p: Person | null, subject: Profile): boolean {
    if (!p) return false
    if (this.admin(p) || p.id === subject.id) return true
    if (!this.active(p)) return false
    if (subject.branch && subject.branch === p.branch && subject.status === 'da-duyet') return true
    return subject.branch !== null && this.leads(p).some((o) => this.lineage(subject.branch).includes(o))
  }
}
