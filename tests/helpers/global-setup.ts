/** jest globalSetup: a folder for this run's seeded templates (tests/helpers/template.ts). */
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { RUN_DIR_ENV } from './template'

export default function globalSetup(): void {
  process.env[RUN_DIR_ENV] ??= mkdtempSync(path.join(os.tmpdir(), 'sotay-run-'))
}
