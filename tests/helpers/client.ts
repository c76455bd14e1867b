/** A tiny HTTP client for tests: real requests, real logins (JWT in the Authorization header). */
export type Client = {
  token: string | null
  user: Record<string, any> | null
  get: (path: string) => Promise<{ status: number; body: any }>
  post: (path: string, body?: unknown) => Promise<{ status: number; body: any }>
  patch: (path: string, body: unknown) => Promise<{ status: number; body: any }>
  put: (path: string, body: unknown) => Promise<{ status: number; body: any }>
  del: (path: string) => Promise<{ status: number; body: any }>
  upload: (path: string, fields: Record<string, string>, file: { name: string; data: Buffer; type: string }) => Promise<{ status: number; body: any }>
  graphql: (query: string, variables?: Record<string, unknown>) => Promise<{ status: number; body: any }>
}

export const DEMO_PASSWORD = 'SoTay@2025'
export const demoEmail = (login: string) => `${login}@demo.sotay.vn`

async function call(base: string, token: string | null, method: string, path: string, body?: BodyInit | null, type?: string) {
  const headers: Record<string, string> = { 'accept-language': 'vi' }
  if (token) headers.authorization = `JWT ${token}`
  if (type) headers['content-type'] = type
  const res = await fetch(base + path, { method, headers, body })
  const text = await res.text()
  let parsed: any = text
  try {
    parsed = JSON.parse(text)
  } catch {
    /* not JSON */
  }
  return { status: res.status, body: parsed }
}

export function client(base: string, token: string | null = null, user: Record<string, any> | null = null): Client {
  return {
    token,
    user,
    get: (p) => call(base, token, 'GET', p),
    post: (p, b) => call(base, token, 'POST', p, b === undefined ? null : JSON.stringify(b), 'application/json'),
    patch: (p, b) => call(base, token, 'PATCH', p, JSON.stringify(b), 'application/json'),
    put: (p, b) => call(base, token, 'PUT', p, JSON.stringify(b), 'application/json'),
    del: (p) => call(base, token, 'DELETE', p),
    upload: (p, fields, file) => {
      const form = new FormData()
      for (const [k, v] of Object.entries(fields)) form.append(k, v)
      form.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name)
      return call(base, token, 'POST', p, form)
    },
    graphql: (query, variables) => call(base, token, 'POST', '/api/graphql', JSON.stringify({ query, variables }), 'application/json'),
  }
}

/** Logs in by email or card number; throws with the server's message when the login fails. */
export async function login(base: string, identifier: string, password = DEMO_PASSWORD): Promise<Client> {
  const credentials = identifier.includes('@') ? { email: identifier } : { username: identifier }
  const res = await call(base, null, 'POST', '/api/users/login', JSON.stringify({ ...credentials, password }), 'application/json')
  if (res.status !== 200) throw new Error(`login ${identifier}: ${res.status} ${JSON.stringify(res.body)}`)
  return client(base, res.body.token, res.body.user)
}

export const loginDemo = (base: string, login_: string) => login(base, demoEmail(login_))

/** One login per demo account for a whole test file: `const as = demoSessions(() => server.url)`. */
export function demoSessions(base: () => string): (login: string) => Promise<Client> {
  const sessions = new Map<string, Promise<Client>>()
  return (login) => {
    if (!sessions.has(login)) sessions.set(login, loginDemo(base(), login))
    return sessions.get(login)!
  }
}
