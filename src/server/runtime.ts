/**
 * Runtime settings read from the environment, with the zero-set-up defaults of the embedded edition:
 * a SQLite file and generated secrets under ./data (DATA_DIR).
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { env, type SettingName } from './config'

export const dataDir = (): string => path.resolve(env('DATA_DIR'))

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'

export function databaseKind(url: string = env('DATABASE_URL')): DatabaseKind {
  if (!url || url.startsWith('file:')) return 'sqlite'
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres'
  if (/^mongodb(\+srv)?:\/\//.test(url)) return 'mongodb'
  throw new Error(`DATABASE_URL không được hỗ trợ: "${url.split(':')[0]}:" (dùng postgres://, mongodb:// hoặc để trống cho SQLite).`)
}

/** The SQLite URL: DATABASE_URL=file:… or ./data/sotay.db; its folder is created (libsql does not). */
export function sqliteUrl(): string {
  const url = env('DATABASE_URL') || `file:${path.join(dataDir(), 'sotay.db')}`
  const file = url.replace(/^file:/, '')
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true })
  return url
}

/**
 * A secret from the environment, or — for the embedded default — generated once and kept in the data
 * folder with mode 0600 so that restarts keep sessions valid and encrypted data readable.
 */
export function persistentSecret(envName: SettingName | null, fileName: string, bytes = 32): Buffer {
  const fromEnv = envName ? String(env(envName)) : ''
  if (fromEnv) return Buffer.from(fromEnv, 'base64')
  const dir = dataDir()
  const file = path.join(dir, fileName)
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')
  mkdirSync(dir, { recursive: true })
  const secret = randomBytes(bytes)
  writeFileSync(file, secret.toString('base64') + '\n', { mode: 0o600 })
  chmodSync(file, 0o600)
  return secret
}

export const payloadSecret = (): string =>
  env('PAYLOAD_SECRET') || persistentSecret(null, 'payload-secret.key').toString('hex')

export const serverUrl = (): string => env('SERVER_URL') || `http://localhost:${env('PORT')}`
