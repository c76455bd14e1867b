/**
 * `npm start`: builds the app on first run (or after a change), then starts the whole platform in
 * production mode — web, API, admin and the jobs queue — on the embedded default unless configured otherwise.
 */
import { buildIfNeeded } from './build-if-needed'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 20 || (major === 20 && minor < 9)) {
  console.error(`Cần Node.js 20.9 trở lên (đang dùng ${process.versions.node}).`)
  process.exit(1)
}

process.env.NEXT_TELEMETRY_DISABLED = '1'
try {
  buildIfNeeded()
} catch (err) {
  console.error((err as Error).message)
  process.exit(1)
}
;(process.env as Record<string, string>).NODE_ENV = 'production'
await import('../server')
