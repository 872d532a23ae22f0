// The UI's typed client is built from src/shared/api/routes.ts; this holds that table to the
// server: every route it names exists with that method, and answers with the table's schema.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROUTES } from '../../../shared/api/routes'
import { deskFetch, startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'

let desk: TempDesk
beforeAll(async () => {
  desk = await startTempDesk()
})
afterAll(() => desk.dispose())

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>
}

describe('the shared route table', () => {
  it('names only routes the desk serves, with their methods and success codes', async () => {
    const doc = (await (await deskFetch(desk, '/api/openapi.json')).json()) as OpenApi
    for (const [name, route] of Object.entries(ROUTES)) {
      // The app's own routes are served by the branch host (app-route-table.test.ts).
      if ('app' in route) continue
      const openApiPath = route.path.replace(/:(\w+)/g, '{$1}')
      const operation = doc.paths[openApiPath]?.[route.method.toLowerCase()]
      expect(operation, `${name}: ${route.method} ${route.path}`).toBeDefined()
      const codes = Object.keys(operation!.responses)
      expect(
        codes.some((c) => c === '200' || c === '202'),
        name,
      ).toBe(true)
    }
  })
})

describe('GET /api/opening-hours', () => {
  it('answers the day in the branch zone, closed while no schedule is cached', async () => {
    const response = await deskFetch(desk, '/api/opening-hours?date=2026-03-10')
    expect(response.status).toBe(200)
    const zone = desk.services.branches.current().timeZone
    expect(await response.json()).toEqual({
      date: '2026-03-10',
      timeZone: zone,
      opensAtMinute: null,
      closesAtMinute: null,
    })
  })

  it("reads the cached schedules' hours that weekday", async () => {
    desk.services.schedules.replace([
      {
        id: 1,
        name: 'Shop',
        timeZone: desk.services.branches.current().timeZone,
        isDefault: true,
        availability: [{ days: ['Tuesday'], startTime: '09:30', endTime: '19:00' }],
      },
    ])
    const body = await (await deskFetch(desk, '/api/opening-hours?date=2026-03-10')).json()
    expect(body).toMatchObject({ opensAtMinute: 570, closesAtMinute: 1140 })
  })

  it('refuses a date that is not one, naming the field', async () => {
    const response = await deskFetch(desk, '/api/opening-hours?date=2026-02-30')
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { field: 'date' } })
    const unknown = await deskFetch(desk, '/api/opening-hours?date=2026-03-10&zone=UTC')
    expect(unknown.status).toBe(400)
  })
})
