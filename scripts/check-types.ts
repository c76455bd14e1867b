/**
 * Part of `npm run typecheck`: payload-types.ts (generated from the collections by `npm run generate:types`,
 * committed) must match what the current config generates; a changed collection without regenerated types
 * fails here with what to run.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const scratch = mkdtempSync(path.join(os.tmpdir(), 'sotay-types-'))
const fresh = path.join(scratch, 'payload-types.ts')
const result = spawnSync(process.execPath, [path.resolve('node_modules/payload/bin.js'), 'generate:types'], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    ...process.env,
    // An embedded database and secrets of its own in a scratch folder: generating reads only the config.
    DATABASE_URL: `file:${path.join(scratch, 'types.db')}`,
    DATA_DIR: scratch,
    PAYLOAD_SECRET: 'types-only',
    PAYLOAD_TS_OUTPUT_PATH: fresh,
    NODE_OPTIONS: '--no-deprecation --conditions=production',
  },
})
let stale = result.status !== 0
if (!stale) {
  let committed = ''
  try {
    committed = readFileSync('payload-types.ts', 'utf8')
  } catch {}
  stale = committed !== readFileSync(fresh, 'utf8')
}
rmSync(scratch, { recursive: true, force: true })
if (result.status !== 0) {
  console.error('Không sinh được kiểu của Payload (payload generate:types).')
  process.exit(1)
}
if (stale) {
  console.error('payload-types.ts cũ hơn các collection: chạy "npm run generate:types" rồi commit tệp đó.')
  process.exit(1)
}
console.log('payload-types.ts khớp với các collection.')
