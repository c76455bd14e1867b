/**
 * `sotay` dispatcher. Each sub-command lives in `src/cli/commands/<name>.ts` and exports
 * `describe` (one line of help, Vietnamese) and `run(args) => Promise<number>` (the exit code).
 */
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export type Command = {
  describe: string
  run: (args: string[]) => Promise<number>
}

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands')

async function listCommands(): Promise<string[]> {
  const files = await readdir(commandsDir).catch(() => [] as string[])
  return files.filter((f) => f.endsWith('.ts')).map((f) => f.slice(0, -3)).sort()
}

async function help(): Promise<number> {
  const lines = ['Cách dùng: sotay <lệnh> [tuỳ chọn]', '', 'Các lệnh:']
  for (const name of await listCommands()) {
    const cmd = (await import(path.join(commandsDir, `${name}.ts`))) as Command
    lines.push(`  ${name.padEnd(12)} ${cmd.describe}`)
  }
  process.stdout.write(lines.join('\n') + '\n')
  return 0
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') return help()
  const names = await listCommands()
  if (!names.includes(name)) {
    process.stderr.write(`Lệnh không tồn tại: "${name}". Gõ "sotay --help" để xem các lệnh.\n`)
    return 2
  }
  const cmd = (await import(path.join(commandsDir, `${name}.ts`))) as Command
  try {
    return await cmd.run(rest)
  } catch (err) {
    process.stderr.write(`Lỗi: ${err instanceof Error ? err.message : String(err)}\n`)
    return 1
  }
}
