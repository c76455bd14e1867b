/**
 * The data folder turning read-only or full (issue 16, finding 4): the server stays up, refuses what it
 * cannot do with a Vietnamese 503, logs the cause once and carries on by itself when the disk does.
 *
 * Why SQLite files are checked before every statement. In WAL mode SQLite keeps the index of its log in
 * `<file>-shm`, mapped into memory shared and writable, and every transaction — reads included — writes its
 * read mark there. Once that file cannot be written (made immutable, or its file system remounted read-only),
 * the kernel answers the next write to a clean page of the mapping with SIGBUS (ext4's page_mkwrite refuses
 * immutable files), which ends the process on the spot: no error ever reaches SQLite or JavaScript. Other
 * connections of the same process share that mapping, so the only safe course is to leave the file alone
 * until it can be written again. access(2) with W_OK tells (EPERM for an immutable file, EROFS for a
 * read-only mount) for about a microsecond. A full disk is different: SQLite allocates the -shm file's blocks
 * before mapping it, so reads go on and writes fail with SQLITE_FULL — noted here from the error.
 *
 * No Payload here: the search engine (and its threads) use it too.
 */
import { accessSync, constants, statfsSync } from 'node:fs'
import path from 'node:path'
import { processShared } from './processShared'

export const WRITE_REFUSED = 'Máy chủ tạm thời không ghi được dữ liệu (ổ đĩa đầy hoặc chỉ đọc). Vui lòng thử lại sau.'
export const READ_REFUSED = 'Máy chủ tạm thời không đọc được dữ liệu (ổ đĩa đang ở chế độ chỉ đọc). Vui lòng thử lại sau.'
export const SEARCH_REFUSED = 'Tìm kiếm tạm thời không dùng được vì máy chủ không đọc được chỉ mục (ổ đĩa đầy hoặc chỉ đọc). Vui lòng thử lại sau.'

/** Thrown instead of touching a store whose files cannot be written; Payload answers it with its status. */
export class DiskUnavailable extends Error {
  readonly status = 503
  readonly isPublic = true
  constructor(readonly store: string) {
    super(WRITE_REFUSED)
    this.name = 'DiskUnavailable'
  }
}

/** Error codes of a disk that cannot take a write (SQLite's extended codes start with these). */
const DISK_CODES = /^(SQLITE_(READONLY|IOERR|FULL)|EROFS|ENOSPC|EDQUOT)/

/**
 * What marks `err` (or an error it wraps, as Drizzle and Payload do) as coming from an unwritable or full disk:
 * its error code, 'DiskUnavailable' for ours, or null.
 */
function diskCause(err: unknown): string | null {
  for (let e = err, depth = 0; e && typeof e === 'object' && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DiskUnavailable || (e as { name?: string }).name === 'DiskUnavailable') return 'DiskUnavailable'
    const code = (e as { code?: unknown }).code
    if (typeof code === 'string' && DISK_CODES.test(code)) return code
  }
  return null
}

export const isDiskError = (err: unknown): boolean => diskCause(err) !== null

/** Space a full disk must have again before writes are let through: 64 MiB, or 5 % of a smaller disk. */
const FREE_AGAIN_BYTES = 64 * 1024 ** 2
const FREE_AGAIN_SHARE = 0.05
const PROBE_MS = 1000

type Log = (level: 'warn' | 'error' | 'info', msg: string) => void

/** Why `file` (an SQLite database: the file, its -wal and -shm) cannot be written now, or null. */
function unwritable(file: string): string | null {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      accessSync(f, constants.W_OK)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code !== 'ENOENT') return `${path.basename(f)}: ${code}`
    }
  }
  return null
}

/**
 * One SQLite file's state. `check()` before touching it, `failed(err)` after an error. The cause is logged
 * once when it appears and once when it is gone; while there is one, a probe every second notices the disk
 * coming back even when no request arrives, and runs what waited for it (`whenWritable`). A full disk is
 * over when the probe sees room again, not when a write goes through: on a nearly full disk small writes
 * still fit where large ones do not.
 */
export class DiskGuard {
  private problem: string | null = null
  /** The files cannot be written: nothing may touch the store (see the top of this file). */
  private blocked = false
  private probe: NodeJS.Timeout | undefined
  private waiting: (() => void)[] = []

  constructor(
    /** What the file is, for the log: 'cơ sở dữ liệu', 'chỉ mục tìm kiếm'. */
    readonly store: string,
    readonly file: string,
    private readonly log: () => Log | undefined,
  ) {}

  /** Why the store cannot be written, or null. */
  get status(): string | null {
    return this.problem
  }

  /** Throws DiskUnavailable when the store's files cannot be written (reads included, see above). */
  check(): void {
    const why = unwritable(this.file)
    if (why) {
      this.blocked = true
      this.report(why)
      throw new DiskUnavailable(this.store)
    }
    if (this.blocked) this.recovered()
  }

  /** Whether the store may be touched now (same check, without throwing). */
  usable(): boolean {
    try {
      this.check()
      return true
    } catch {
      return false
    }
  }

  /** After an error from the store: notes a full or read-only disk. */
  failed(err: unknown): void {
    // DiskUnavailable came from check(), which reported it already.
    const cause = diskCause(err)
    if (cause && cause !== 'DiskUnavailable') this.report(cause)
  }

  /** Runs `work` on the store: checked first, its failure noted (a full disk), then passed on. */
  async guarded<T>(work: () => Promise<T>): Promise<T> {
    this.check()
    try {
      return await work()
    } catch (err) {
      this.failed(err)
      throw err
    }
  }

  /** Runs `fn` once the store can be written again (at once when it can). */
  whenWritable(fn: () => void): void {
    if (!this.problem) return fn()
    this.waiting.push(fn)
  }

  private report(why: string): void {
    if (this.problem === why) return
    this.problem = why
    this.log()?.('error', `Ổ đĩa: không ghi được ${this.store} ${this.file} (${why}); máy chủ vẫn chạy, ghi dữ liệu bị từ chối cho đến khi ổ đĩa ghi được trở lại.`)
    this.probe ??= setInterval(() => this.tick(), PROBE_MS).unref()
  }

  private tick(): void {
    if (!this.usable() || !this.problem) return
    // A full disk (files writable): let writes through again once there is room.
    try {
      const fs = statfsSync(path.dirname(this.file))
      if (fs.bavail * fs.bsize >= Math.min(FREE_AGAIN_BYTES, fs.blocks * fs.bsize * FREE_AGAIN_SHARE)) this.recovered()
    } catch {
      /* keep waiting */
    }
  }

  private recovered(): void {
    const was = this.problem
    this.problem = null
    this.blocked = false
    clearInterval(this.probe)
    this.probe = undefined
    if (was) this.log()?.('info', `Ổ đĩa: ${this.store} ${this.file} ghi được trở lại.`)
    for (const fn of this.waiting.splice(0)) fn()
  }
}

type Registry = { guards: Map<string, DiskGuard>; log?: Log }
/** One guard per file and process, whichever copy of this module asks (./processShared). */
const registry = processShared<Registry>('disk', () => ({ guards: new Map() }))

/** Where the guards log: the Payload logger once the server has one (the console before, and in other processes). */
export function setDiskLog(log: Log): void {
  registry.log = log
}

/** The guard of `file`. `quiet`: one that never logs (search threads: the main thread's guard reports). */
export function diskGuard(store: string, file: string, { quiet = false } = {}): DiskGuard {
  const full = path.resolve(file)
  if (quiet) return new DiskGuard(store, full, () => undefined)
  let guard = registry.guards.get(full)
  if (!guard) registry.guards.set(full, (guard = new DiskGuard(store, full, () => registry.log ?? ((_, msg) => console.error(msg)))))
  return guard
}

/** Every store of this process that cannot be written now, for /readyz: store → cause. */
export function diskProblems(): Record<string, string> {
  const out: Record<string, string> = {}
  for (const guard of registry.guards.values()) {
    guard.usable() // refreshes a blocked guard whose disk came back
    if (guard.status) out[guard.store] = guard.status
  }
  return out
}
