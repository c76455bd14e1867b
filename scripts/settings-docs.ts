/**
 * `npm run settings:docs`: writes the README's table of environment variables and `.env.example` from
 * src/server/config.ts (tests/unit/config/settings.test.ts fails while either differs).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { envExample, settingsTable } from '../src/server/config'

export const START = '<!-- settings:start (npm run settings:docs) -->'
export const END = '<!-- settings:end -->'

const readme = readFileSync('README.md', 'utf8')
const from = readme.indexOf(START)
const to = readme.indexOf(END)
if (from < 0 || to < from) throw new Error(`README.md thiếu dấu ${START} … ${END}`)
writeFileSync('README.md', `${readme.slice(0, from + START.length)}\n${settingsTable()}\n${readme.slice(to)}`)
writeFileSync('.env.example', envExample())
console.log('Đã viết bảng biến môi trường trong README.md và .env.example.')
