// Roles on every local API route (DESIGN.md §7). The routes are read from the app itself, so a
// route added without a declared access fails here (and at start); each is tried for each role:
// refused with 403 FORBIDDEN exactly when `can(role, action)` says no, and a refusal changes
// nothing. Without a session, every route but the sign-in screen's is a 401 SIGN_IN_REQUIRED.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { can, type Role } from '../../../shared/people/roles'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { ADMIN, OWNER, RECEPTIONIST, seedBusiness, signInAs } from '../people/business.test-support'
import type { DeclaredRoute } from './plugins/route-access'

let desk: TempDesk

beforeAll(async () => {
  desk = await startTempDesk()
})
afterAll(() => desk.dispose())

const concrete = (url: string) => url.replace(':uid', 'no-such-uid').replace(':id', '999999')

function call(route: DeclaredRoute): Promise<Response> {
  const withBody = route.method !== 'GET' && route.method !== 'DELETE'
  return deskFetch(desk, concrete(route.url), {
    method: route.method,
    ...(withBody
      ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({}) }
      : {}),
  })
}

/** Rows a refused request must not have written. */
function footprint() {
  const count = (table: string) =>
    (desk.services.db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number })
      .n
  return {
    audit: count('audit_log'),
    outbox: count('outbox'),
    history: count('appointment_history'),
    settings: desk.services.db.$client.prepare('select key, value from settings').all(),
    branch: desk.services.branches.current(),
  }
}

// The live stream never ends: it is open by declaration and read by the sign-in screen.
const tried = () => desk.declaredRoutes.filter((r) => r.url !== '/api/live')

describe('roles on every local API route', () => {
  it('declares an access on every /api route, and the table covers the routes the desk serves', async () => {
    const doc = (await (await deskFetch(desk, '/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>
    }
    const declared = new Set(desk.declaredRoutes.map((r) => `${r.method} ${r.url}`))
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const method of Object.keys(ops)) {
        const url = path.replace(/\{(\w+)\}/g, ':$1')
        expect(declared, `${method} ${url}`).toContain(`${method.toUpperCase()} ${url}`)
      }
    }
    expect(desk.declaredRoutes.length).toBeGreaterThan(30)
  })

  it('works as before, with no sign-in, while the desk holds no business', async () => {
    const session = await (await deskFetch(desk, '/api/session')).json()
    expect(session).toMatchObject({ signInRequired: false, person: null, business: null })
    for (const route of tried()) {
      const res = await call(route)
      expect([401, 403], `${route.method} ${route.url}`).not.toContain(res.status)
    }
  })

  it('wants a session on every route but the sign-in screen’s once a business exists', async () => {
    await seedBusiness(desk)
    const before = footprint()
    for (const route of tried()) {
      const res = await call(route)
      if (route.access === 'open') {
        expect([401, 403], `${route.method} ${route.url}`).not.toContain(res.status)
        continue
      }
      expect(res.status, `${route.method} ${route.url}`).toBe(401)
      expect(await res.json()).toMatchObject({ error: { code: 'SIGN_IN_REQUIRED' } })
    }
    expect(footprint()).toEqual(before)
  })

  it.each([
    ['receptionist', RECEPTIONIST],
    ['admin', ADMIN],
    ['owner', OWNER],
  ] as const)(
    'refuses the %s exactly what the role may not do, and changes nothing',
    async (role: Role, person) => {
      await seedBusiness(desk)
      expect((await signInAs(desk, person)).status).toBe(200)
      const refused = tried().filter(
        (r) => r.access !== 'open' && r.access !== 'signedIn' && !can(role, r.access),
      )
      const before = footprint()
      for (const route of refused) {
        const res = await call(route)
        expect(res.status, `${role}: ${route.method} ${route.url}`).toBe(403)
        expect(await res.json()).toMatchObject({
          error: { code: 'FORBIDDEN', params: { action: route.access, role } },
        })
      }
      expect(footprint()).toEqual(before)
      for (const route of tried().filter((r) => !refused.includes(r))) {
        if (route.access === 'open') continue
        const res = await call(route)
        expect([401, 403], `${role}: ${route.method} ${route.url}`).not.toContain(res.status)
      }
      if (role === 'receptionist')
        expect(refused.map((r) => r.url)).toContain('/api/branch/disconnect')
      if (role === 'owner') expect(refused).toEqual([])
      await deskFetch(desk, '/api/session', { method: 'DELETE' })
    },
  )
})
