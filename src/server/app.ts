/**
 * The platform's HTTP server: Express 5 with Payload's REST and GraphQL handlers under /api, health checks,
 * the Next.js app (admin at /admin, member site at /) for everything else, and the jobs queue in-process.
 */
import type { Server } from 'node:http'
import path from 'node:path'
import express from 'express'
import { getPayload, handleEndpoints, type Payload } from 'payload'
import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { startJobsRunner, type JobsRunner } from '../../workers/runner'
import { sendWebResponse, toWebRequest } from './http'
import { boundBodies } from './bodies'
import { closeDatabase, databaseDiskGuard } from './database'
import { diskProblems, READ_REFUSED, setDiskLog, WRITE_REFUSED } from './disk'
import { fragmentCycleError, timeBudgetMessage, withTimeBudget } from './graphql'
import { passClientAddress, secureCookies, securityHeaders, trustProxy } from './headers'
import { runMigrations } from './migrate'
import { closeSearchEngine } from './search'
import { startSearch } from '../../search/service'
import { listenForSiblingChanges } from './readCache'
import { onSiblingMessage } from './siblings'
import { forgetTreeCopies } from '../../collections/Organizations/hooks/forgetTreeCaches'
import { rawSetting } from './config'

export type AppOptions = {
  /** Serve the Next.js admin and member site (off in API-only tests). */
  next?: boolean
  /** Next.js in development mode (compiles on demand) instead of the production build. */
  dev?: boolean
  /** Run the jobs queue in this process. */
  workers?: boolean
  /** Seed demo data into an empty database. */
  seed?: boolean
  port?: number
}

export type RunningApp = { payload: Payload; server: Server; url: string; close: () => Promise<void> }

async function isDatabaseReady(payload: Payload, timeoutMs = 2000): Promise<boolean> {
  const probe = payload.find({ collection: 'organizations', limit: 1, depth: 0, pagination: false, overrideAccess: true }).then(() => true)
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref())
  return Promise.race([probe, timeout]).catch(() => false)
}

const parseJson = (body: unknown): unknown => {
  try {
    return Buffer.isBuffer(body) ? JSON.parse(body.toString('utf8')) : null
  } catch {
    return null
  }
}

export async function startApp(options: AppOptions = {}): Promise<RunningApp> {
  const config = (await import('../../payload.config')).default
  const payload = await getPayload({ config })
  setDiskLog((level, msg) => payload.logger[level](msg))
  await runMigrations(payload)
  if (options.seed) {
    const { seedDemo } = await import('../seed/demo')
    await seedDemo(payload)
  }
  // Checks the search index and rebuilds it in the background when missing, corrupt or empty.
  const search = startSearch(payload)

  // Another web process changed the organisation tree: this one's copies go too.
  const stopListening = onSiblingMessage('tree-changed', () => forgetTreeCopies(payload))
  const stopListeningForReads = listenForSiblingChanges()

  const app = express()
  app.disable('x-powered-by')
  const webIndex = rawSetting('SOTAY_WEB_INDEX')
  if (webIndex !== '')
    app.use((_req, res, next) => {
      res.setHeader('x-sotay-web', webIndex)
      next()
    })
  // Forwarded addresses and protocol are believed only behind a proxy (TRUST_PROXY=1), then from every hop:
  // the client is the left-most X-Forwarded-For. Read per request, like the rest of the environment.
  app.set('trust proxy', () => trustProxy())
  app.use(securityHeaders({ dev: !!options.dev }), secureCookies, passClientAddress, boundBodies())

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' })
  })
  // The database's files cannot be written (src/server/disk.ts): the API answers 503 without touching
  // them; on a full disk only writes are refused (reads go on), until there is room again.
  const databaseDisk = databaseDiskGuard(payload)
  const refuseOnUnwritableDisk: express.RequestHandler = (req, res, next) => {
    const read = req.method === 'GET' || req.method === 'HEAD'
    if (!databaseDisk || (databaseDisk.usable() && (read || !databaseDisk.status))) return next()
    res.setHeader('Retry-After', '30')
    res.status(503).json({ errors: [{ message: read ? READ_REFUSED : WRITE_REFUSED }] })
  }
  app.get('/readyz', async (_req, res) => {
    // Disk problems are reported as they are; only the database's makes the server unready.
    const problems = diskProblems()
    const disk = Object.keys(problems).length ? { disk: problems } : {}
    if (databaseDisk?.status) return void res.status(503).json({ status: 'disk-unavailable', ...disk })
    const ready = await isDatabaseReady(payload)
    res.status(ready ? 200 : 503).json({ status: ready ? (disk.disk ? 'degraded' : 'ready') : 'database-unavailable', ...disk })
  })

  const graphql = GRAPHQL_POST(config)
  app.use('/api', refuseOnUnwritableDisk)
  app.post('/api/graphql', async (req, res, next) => {
    try {
      const cycle = fragmentCycleError(parseJson(req.body))
      if (cycle) return void res.status(400).json({ errors: [cycle.toJSON()] })
      const answer = await withTimeBudget(() => graphql(toWebRequest(req)))
      if (!answer) return void res.status(503).json({ errors: [{ message: timeBudgetMessage(), extensions: { statusCode: 503 } }], data: null })
      await sendWebResponse(res, answer)
    } catch (err) {
      next(err)
    }
  })
  app.use('/api', async (req, res, next) => {
    try {
      await sendWebResponse(res, await handleEndpoints({ config, request: toWebRequest(req) }))
    } catch (err) {
      next(err)
    }
  })

  let nextApp: { close?: () => Promise<void> } | undefined
  if (options.next !== false) {
    const { default: createNext } = await import('next')
    const nextServer = createNext({ dev: !!options.dev, dir: path.resolve('.') })
    await nextServer.prepare()
    const handle = nextServer.getRequestHandler()
    app.all('/{*path}', (req, res) => handle(req, res))
    nextApp = nextServer as unknown as { close?: () => Promise<void> }
  }

  const runner: JobsRunner = options.workers ? startJobsRunner(payload) : { stop: async () => {} }

  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(options.port ?? 0, () => resolve(s))
  })
  const address = server.address()
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : options.port}`

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      // Stop accepting connections, let in-flight requests and the current job batch finish, then close the database.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const force = setTimeout(() => server.closeAllConnections(), 25_000)
      await Promise.all([closed, runner.stop()])
      clearTimeout(force)
      await nextApp?.close?.()
      const { drainSearchSyncs } = await import('../../search/sync')
      await search.stop()
      await drainSearchSyncs()
      await closeSearchEngine()
      stopListening()
      stopListeningForReads()
      await closeDatabase(payload)
    })())

  return { payload, server, url, close }
}
