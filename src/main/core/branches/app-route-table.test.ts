// The UI's app-wide routes (the branches, the overview: `app: true` in src/shared/api/routes.ts)
// exist on the app's local API, which the branch host serves, with the table's method and a
// success answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTempBranchHost, type TempBranchHost } from '../../../../test/support/temp-branch-host'
import { ROUTES } from '../../../shared/api/routes'
import type { BranchHost } from './branch-host'

let host: BranchHost
let app: TempBranchHost
beforeAll(async () => {
  app = await startTempBranchHost()
  host = app.host
})
afterAll(async () => {
  await app.dispose()
})

interface OpenApi {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>
}

describe("the shared route table's app routes", () => {
  it('are served by the app with their methods and success codes', async () => {
    const res = await fetch(`${host.url}/api/openapi.json`, {
      headers: { authorization: `Bearer ${host.token}` },
    })
    const doc = (await res.json()) as OpenApi
    const appRoutes = Object.entries(ROUTES).filter(([, route]) => 'app' in route)
    expect(appRoutes.map(([name]) => name).sort()).toEqual(['addBranch', 'branches', 'overview'])
    for (const [name, route] of appRoutes) {
      const operation = doc.paths[route.path]?.[route.method.toLowerCase()]
      expect(operation, `${name}: ${route.method} ${route.path}`).toBeDefined()
      expect(Object.keys(operation!.responses).some((c) => /^20[01]$/.test(c))).toBe(true)
    }
  })
})
