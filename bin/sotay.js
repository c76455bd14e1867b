#!/usr/bin/env node
// `sotay` command-line tool: loads the TypeScript sources through tsx, then dispatches.
// Commands that load Payload need Node's `production` export condition (see tests/helpers/node.ts:
// Lexical's top-level-await entry files can leave Node 20 exiting with code 13), so without it the
// tool starts itself again with it.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const hasCondition = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].some((a) => /^(--conditions|-C)(=|$)/.test(a))
if (!hasCondition) {
  const self = fileURLToPath(import.meta.url)
  const result = spawnSync(process.execPath, ['--conditions=production', ...process.execArgv, self, ...process.argv.slice(2)], { stdio: 'inherit' })
  process.exit(result.status ?? 1)
}
const { register } = await import('tsx/esm/api')
register()
const { main } = await import('../src/cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
