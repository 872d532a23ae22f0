// Deny by default (DESIGN.md §4.3), walked over every route the OpenAPI document lists: however a
// path is spelled, a request without the session token, or from another site, never reaches a
// route; only the page and its static assets are public.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'

let desk: TempDesk
let rendererDir: string

beforeAll(async () => {
  // Installed under a folder named "assets", as an app may be: only the page's own assets/
  // folder is kept for good.
  rendererDir = join(mkdtempSync(join(tmpdir(), 'frontdesk-renderer-')), 'assets', 'renderer')
  mkdirSync(rendererDir, { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Frontdesk</title>')
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log("desk")')
  writeFileSync(join(rendererDir, 'favicon.png'), 'not really a png')
  desk = await startTempDesk({ rendererDir })
})
afterAll(async () => {
  await desk.dispose()
  rmSync(join(rendererDir, '..', '..'), { recursive: true, force: true })
})

interface Answer {
  status: number
  body: string
}

/** One request with the path sent exactly as written (fetch would normalise it first). */
function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: desk.port, method, path, headers }, (res) => {
      // The live stream never ends: its status and first bytes are all we need.
      if (res.headers['content-type']?.startsWith('text/event-stream')) {
        resolve({ status: res.statusCode ?? 0, body: '' })
        res.destroy()
        return
      }
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    if (method === 'POST') {
      req.setHeader('content-type', 'application/json')
      req.end('{}')
    } else req.end()
  })
}

/** Every way the probes spelled a path that a router might take for the same route. */
function spellings(path: string): Record<string, string> {
  const rest = path.slice('/api'.length)
  const lastSlash = path.lastIndexOf('/')
  return {
    canonical: path,
    'percent-encoded letter': `/%61pi${rest}`,
    'percent-encoded upper case': `/%41PI${rest}`,
    'encoded slash': `/api%2F${rest.slice(1)}`,
    'every letter encoded': path.replace(/[a-z]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
    'double slash': `/${path}`,
    'inner double slash': `/api/${rest}`,
    'dot segment': `/./api${rest}`,
    'dot-dot segment': `/x/../api${rest}`,
    'encoded dot-dot': `/x/%2e%2e/api${rest}`,
    semicolon: `/api;x=1${rest}`,
    'trailing semicolon': `${path};`,
    'upper case': path.toUpperCase(),
    'capitalised prefix': `/Api${rest}`,
    'trailing slash': `${path}/`,
    backslash: `/api\\${rest.slice(1)}`,
    'last segment encoded': `${path.slice(0, lastSlash + 1)}${encodeURIComponent(path.slice(lastSlash + 1)).replace(/[a-z]/, (c) => `%${c.charCodeAt(0).toString(16)}`)}`,
  }
}

const SAMPLE_PARAMS: Record<string, string> = {
  uid: 'some-booking-uid',
  id: '1',
}

interface Route {
  method: string
  path: string
}

async function documentedRoutes(): Promise<Route[]> {
  const res = await deskFetch(desk, '/api/openapi.json')
  expect(res.status).toBe(200)
  const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> }
  const routes: Route[] = []
  for (const [template, methods] of Object.entries(doc.paths)) {
    const path = template.replace(/\{(\w+)\}/g, (_m, name: string) => SAMPLE_PARAMS[name] ?? 'x')
    for (const method of Object.keys(methods)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) {
        routes.push({ method: method.toUpperCase(), path: `${path}${queryFor(path)}` })
      }
    }
  }
  // The document itself is a route too, hidden from its own listing.
  routes.push({ method: 'GET', path: '/api/openapi.json' })
  return routes
}

/** Valid queries, so a request that got through would answer with data, not a 400. */
function queryFor(path: string): string {
  if (path === '/api/appointments') return '?date=2026-03-08'
  if (path === '/api/slots') return '?eventTypeId=1&date=2026-03-08'
  return ''
}

const withQuery = (spelled: string, path: string) => {
  const q = path.indexOf('?')
  return q === -1 ? spelled : spelled + path.slice(q)
}
const pathOnly = (path: string) => path.split('?')[0]!

describe('deny by default, on the route that runs', () => {
  it('lists every route the desk serves in its OpenAPI document', async () => {
    const routes = await documentedRoutes()
    const listed = routes.map((r) => `${r.method} ${pathOnly(r.path)}`)
    for (const known of [
      'GET /api/health',
      'GET /api/live',
      'GET /api/appointments',
      'POST /api/appointments',
      'POST /api/appointments/some-booking-uid/cancel',
      'POST /api/branch/disconnect',
      'GET /api/sync',
    ]) {
      expect(listed).toContain(known)
    }
  })

  it('never answers a route without the session token, however its path is spelled', async () => {
    const leaks: string[] = []
    for (const route of await documentedRoutes()) {
      for (const [name, spelled] of Object.entries(spellings(pathOnly(route.path)))) {
        const answer = await raw(route.method, withQuery(spelled, route.path))
        const refused =
          answer.status === 401 ||
          answer.status === 403 ||
          (answer.status === 404 && JSON.parse(answer.body).error.code === 'NOT_FOUND') ||
          (answer.status === 400 && name === 'backslash')
        if (!refused) leaks.push(`${route.method} ${spelled} (${name}) → ${answer.status}`)
      }
    }
    expect(leaks).toEqual([])
  })

  it('answers every route with the token, spelled as documented', async () => {
    const auth = { authorization: `Bearer ${desk.token}` }
    for (const route of await documentedRoutes()) {
      if (route.path === '/api/branch/disconnect') continue // answered below, last
      const answer = await raw(route.method, route.path, auth)
      expect([401, 403], `${route.method} ${route.path}`).not.toContain(answer.status)
    }
    expect((await raw('GET', '/%61pi/appointments?date=2026-03-08', auth)).status).toBe(200)
  })

  it('refuses every route from a page on another origin, even with the token', async () => {
    const auth = { authorization: `Bearer ${desk.token}` }
    const foreign: Record<string, string>[] = [
      { origin: 'https://attacker.example' },
      { origin: `http://127.0.0.1:${desk.port + 1}` },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ]
    for (const route of await documentedRoutes()) {
      for (const headers of foreign) {
        for (const spelled of [
          route.path,
          withQuery(`/%61pi${pathOnly(route.path).slice(4)}`, route.path),
        ]) {
          const answer = await raw(route.method, spelled, { ...auth, ...headers })
          expect(answer.status, `${route.method} ${spelled} ${JSON.stringify(headers)}`).toBe(403)
          expect(JSON.parse(answer.body).error.code).toBe('FORBIDDEN_ORIGIN')
        }
      }
    }
    const own = await raw('GET', '/api/health', {
      ...auth,
      origin: `http://127.0.0.1:${desk.port}`,
      'sec-fetch-site': 'same-origin',
    })
    expect(own.status).toBe(200)
  })

  it('serves the page and its assets without the token, and nothing else', async () => {
    expect((await raw('GET', '/')).status).toBe(200)
    expect((await raw('GET', '/index.html')).status).toBe(200)
    const asset = await raw('GET', '/assets/app.js')
    expect(asset.status).toBe(200)
    expect(asset.body).toContain('desk')
    // The page may be opened from anywhere (a link, a bookmark); it holds no data.
    expect((await raw('GET', '/', { 'sec-fetch-site': 'cross-site' })).status).toBe(200)
    for (const path of ['/../frontdesk.db', '/%2e%2e/frontdesk.db', '/assets/../../frontdesk.db']) {
      expect([403, 404], path).toContain((await raw('GET', path)).status)
    }
  })

  it('lets the browser keep the hashed assets and the icon, and asks again for the page', async () => {
    const cacheControl = async (path: string) =>
      (await fetch(`http://127.0.0.1:${desk.port}${path}`)).headers.get('cache-control')
    expect(await cacheControl('/assets/app.js')).toBe('public, max-age=31536000, immutable')
    expect(await cacheControl('/favicon.png')).toBe('public, max-age=86400')
    // An update brings a page naming new assets: it must not be kept.
    for (const page of ['/', '/index.html'])
      expect(await cacheControl(page)).toBe('public, max-age=0')
  })

  it('takes the token in the query on the live stream alone', async () => {
    const q = `token=${desk.token}`
    expect((await raw('GET', `/api/live?${q}`)).status).toBe(200)
    expect((await raw('GET', `/%61pi/live?${q}`)).status).toBe(200)
    expect((await raw('GET', `/api/health?${q}`)).status).toBe(401)
    expect((await raw('GET', `/api/appointments?date=2026-03-08&${q}`)).status).toBe(401)
  })

  it('refuses a request that names two hosts', async () => {
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: desk.port,
        path: '/api/health',
        headers: [
          'Host',
          `127.0.0.1:${desk.port}`,
          'Host',
          'attacker.example',
          'Authorization',
          `Bearer ${desk.token}`,
        ],
      } as unknown as Parameters<typeof request>[0])
      req.on('response', (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      })
      req.on('error', reject)
      req.end()
    })
    expect(answer.status).toBe(400)
    expect(JSON.parse(answer.body).error).toMatchObject({ code: 'BAD_HOST', field: 'host' })
  })

  it('disconnects the branch only with the token', async () => {
    expect((await raw('POST', '/%61pi/branch/disconnect')).status).toBe(401)
    const auth = { authorization: `Bearer ${desk.token}` }
    expect([200, 202, 204, 409]).toContain(
      (await raw('POST', '/api/branch/disconnect', auth)).status,
    )
  })
})
