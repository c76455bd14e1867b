/** Ports and web processes for tests and benchmarks that start `server.ts` as a process. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { TSX_NODE_ARGS } from './node'

/** A TCP port free on 127.0.0.1 right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

/** One request on a connection of its own (a cluster hands connections to its web processes in turn). */
export function requestOnNewConnection(
  url: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; text: string }> {
  return new Promise((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) }
    const req = request(url, { method, agent: false, headers: { ...headers, ...length } }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (d) => (text += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Waits until `count` web processes (WEB_PROCESSES) answer at `base` (their x-sotay-web header). */
export async function waitForWebProcesses(base: string, count: number, timeoutMs = 180_000): Promise<void> {
  if (count <= 1) return
  const seen = new Set<string>()
  const until = Date.now() + timeoutMs
  while (seen.size < count) {
    if (Date.now() > until) throw new Error(`Chỉ ${seen.size}/${count} tiến trình web trả lời sau ${timeoutMs / 1000} giây.`)
    const res = await requestOnNewConnection(`${base}/healthz`).catch(() => null)
    const web = res?.headers['x-sotay-web']
    if (typeof web === 'string') seen.add(web)
    else await new Promise((r) => setTimeout(r, 100))
  }
}

export type ServerProcess = { child: ChildProcess; base: string; dataDir: string; output: () => string; remove: () => void }

/**
 * `server.ts` as its own process, in a clean environment as an operator would start it (API only,
 * SQLite in a new folder, demo data), plus `env`; resolves once `ready` holds (default: /readyz answers).
 */
export async function startServerProcess(env: Record<string, string>, ready?: (base: string, output: string) => Promise<boolean>): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sotay-process-'))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const full = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    DATA_DIR: dataDir,
    DATABASE_URL: `file:${path.join(dataDir, 'sotay.db')}`,
    NEXT: 'off',
    SEED_DEMO: '1',
    TSX_DISABLE_CACHE: '1',
    ...env,
  } as unknown as NodeJS.ProcessEnv
  const child = spawn(process.execPath, [...TSX_NODE_ARGS, 'server.ts'], { env: full, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (d) => (output += d))
  child.stderr!.on('data', (d) => (output += d))
  const isReady = ready ?? ((b: string) => fetch(`${b}/readyz`).then((r) => r.status === 200))
  for (let i = 0; i < 720; i++) {
    if (await isReady(base, output).catch(() => false)) {
      return { child, base, dataDir, output: () => output, remove: () => rmSync(dataDir, { recursive: true, force: true }) }
    }
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode} ${child.signalCode}): ${output}`)
    await new Promise((r) => setTimeout(r, 250))
  }
  child.kill('SIGKILL')
  throw new Error(`server not ready: ${output}`)
}

/**
 * Seconds of CPU (user + system, from /proc) used so far by process `pid` and every process under it (the
 * web processes of a cluster), or NaN where /proc cannot tell.
 */
export function processTreeCpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    const own = (Number(fields[11]) + Number(fields[12])) / 100
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number)
    return children.reduce((sum, child) => sum + processTreeCpuSeconds(child), own)
  } catch {
    return NaN
  }
}
