import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig, type DatabaseAdapterObj } from 'payload'
import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { en } from '@payloadcms/translations/languages/en'
import { vi } from '@payloadcms/translations/languages/vi'
import sharp from 'sharp'
import { collections } from './collections'
import { Users } from './collections/Users'
import { jobs } from './workers/jobs'
import { searchPlugin } from './search/plugin'
import { documentPipeline } from './collections/DocumentOutputs/plugin'
import { watchDatabaseConnections } from './src/server/database'
import { isDiskError, READ_REFUSED, WRITE_REFUSED } from './src/server/disk'
import { databaseKind, payloadSecret, serverUrl, sqliteUrl } from './src/server/runtime'
import { env } from './src/server/config'
import { MAX_UPLOAD_BYTES } from './src/server/bodies'
import { graphQLValidationRules } from './src/server/graphql'
import { httpEdge } from './src/server/edgePlugin'

const dirname = path.dirname(fileURLToPath(import.meta.url))

/** SQLite by default; PostgreSQL or MongoDB by DATABASE_URL. The schema only ever changes by migrations. */
async function database(): Promise<DatabaseAdapterObj> {
  const url = env('DATABASE_URL')
  switch (databaseKind(url)) {
    case 'postgres': {
      const { postgresAdapter } = await import('@payloadcms/db-postgres')
      return postgresAdapter({
        pool: { connectionString: url, max: env('DATABASE_POOL_SIZE') },
        migrationDir: path.join(dirname, 'migrations/postgres'),
        push: false,
      })
    }
    case 'mongodb': {
      const { mongooseAdapter } = await import('@payloadcms/db-mongodb')
      return mongooseAdapter({ url: url!, migrationDir: path.join(dirname, 'migrations/mongodb') })
    }
    default: {
      const { sqliteAdapter } = await import('@payloadcms/db-sqlite')
      return sqliteAdapter({
        // `timeout` is the busy timeout of every pooled connection (busyTimeout below only reaches the first):
        // a worker process and the web server share the file and wait for each other's short commits.
        // libsql reads it at run time but its Config type does not declare it, hence Object.assign.
        client: Object.assign({ url: sqliteUrl() }, { timeout: 10_000 }),
        migrationDir: path.join(dirname, 'migrations/sqlite'),
        push: false,
        wal: true,
        busyTimeout: 10_000,
        // No transactions on SQLite (Payload's default for it). libsql gives each transaction its own
        // connection and begins it IMMEDIATE, and SQLite calls are synchronous: a second request writing
        // while a first one's transaction is open either fails at once with SQLITE_BUSY or blocks the
        // whole event loop for the busy timeout, so the first can never finish. Without them every
        // statement commits on its own; multi-step changes that must be all-or-nothing (moving a subtree)
        // are single batches. PostgreSQL runs each request in a transaction.
        transactionOptions: false,
      })
    }
  }
}

export default buildConfig({
  serverURL: env('SERVER_URL') || undefined,
  secret: payloadSecret(),
  telemetry: false,
  // Refused requests are the user's mistake, not the server's: log them quietly, keep real errors loud.
  loggingLevels: { AuthenticationError: 'info', Forbidden: 'info', LockedAuth: 'info', NotFound: 'info', ValidationError: 'info' },
  hooks: {
    // A full or read-only disk, wherever in REST or GraphQL it surfaced: 503 with what to do, not a bare 500.
    afterError: [
      ({ error, req }) => {
        if (!isDiskError(error)) return
        const message = req.method === 'GET' || req.method === 'HEAD' ? READ_REFUSED : WRITE_REFUSED
        return { status: 503, response: { errors: [{ message }] } }
      },
    ],
  },
  admin: {
    user: Users.slug,
    avatar: 'default', // no Gravatar: the machines have no internet
    meta: { titleSuffix: ' — Sổ tay đảng viên điện tử' },
    dateFormat: 'dd/MM/yyyy HH:mm',
    importMap: { baseDir: path.resolve(dirname) },
  },
  i18n: {
    fallbackLanguage: 'vi',
    supportedLanguages: { vi, en },
  },
  collections,
  // The features, each attaching itself to the collections it serves.
  plugins: [searchPlugin(), documentPipeline(), httpEdge()],
  jobs,
  upload: {
    limits: { fileSize: MAX_UPLOAD_BYTES },
    responseOnLimit: 'Tệp quá lớn: mỗi tệp tải lên tối đa 20 MB.',
  },
  editor: lexicalEditor(),
  db: await database(),
  onInit: watchDatabaseConnections,
  sharp,
  cors: [serverUrl()],
  csrf: [serverUrl()],
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    autoGenerate: env('NODE_ENV') === 'development',
  },
  graphQL: {
    schemaOutputFile: path.resolve(dirname, 'schema.graphql'),
    // Payload's own count (one per field: every alias, but not the page a list asks for) is replaced by ours,
    // which also bounds depth and aliases (src/server/graphql.ts).
    maxComplexity: Infinity,
    validationRules: graphQLValidationRules,
  },
})
