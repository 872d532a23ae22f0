// A team's memberships in both shapes Cal.com is documented to give: the list the operation
// answers (take/skip paging, the sandbox), and the one membership the OpenAPI document's
// GetTeamMembershipsOutput puts in `data` — served here by a plain HTTP server answering exactly
// that body, since the sandbox answers the list.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { sandboxAccounts } from '../../../../test/support/sandbox-calcom'
import { startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { credentialFile } from '../auth/token-store'
import { CalcomTokenProvider } from '../auth/token-provider'
import { ApiLog } from './api-log-store'
import { createCalcomClient } from './calcom-client'
import { CalcomTransport } from './http-transport'
import { RateGovernor } from './rate-governor'

/** The documented body: `data` is one TeamMembershipOutput. */
const ONE_MEMBERSHIP = {
  status: 'success',
  data: {
    id: 31,
    userId: 4242,
    teamId: 7,
    accepted: true,
    role: 'MEMBER',
    disableImpersonation: false,
    user: { username: 'marta', name: 'Marta Oliveira', email: 'marta@example.com' },
  },
}

let sandbox: RunningSandbox
let documented: Server
let documentedUrl: string
let desk: TempDesk
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 })
  documented = createServer((req, res) => {
    const ok = req.url?.startsWith('/v2/teams/7/memberships')
    res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' })
    res.end(JSON.stringify(ok ? ONE_MEMBERSHIP : { status: 'error' }))
  })
  await new Promise<void>((r) => documented.listen(0, '127.0.0.1', r))
  documentedUrl = `http://127.0.0.1:${(documented.address() as AddressInfo).port}`
  desk = await startTempDesk()
})
afterAll(async () => {
  await desk?.dispose()
  await sandbox?.close()
  await new Promise((r) => documented?.close(r))
})

function clientFor(baseUrl: string, apiKey: string) {
  const transport = new CalcomTransport({
    baseUrl,
    apiLog: new ApiLog(desk.services.db),
    governor: new RateGovernor({}),
  })
  const credential = new CalcomTokenProvider({
    store: credentialFile(desk.dataDir),
    credential: { kind: 'apiKey', apiKey },
    oauth: null,
  })
  return createCalcomClient({ transport, credential })
}

it('reads a team answered as the list the operation gives', async () => {
  const [account] = await sandboxAccounts(sandbox.url)
  const client = clientFor(sandbox.url, account!.apiKey)
  const teams = await client.teams.list()
  expect(teams.ok && teams.value.length).toBe(1)
  const members = await client.teams.memberships(teams.ok ? teams.value[0]!.id : 0)
  expect(members.ok).toBe(true)
  expect(members.ok && members.value.length).toBeGreaterThan(1)
})

it('reads a team answered as the document says, one membership in data, as that one member', async () => {
  const client = clientFor(documentedUrl, 'cal_test_documented')
  const members = await client.teams.memberships(7)
  expect(members).toEqual({
    ok: true,
    value: [
      expect.objectContaining({
        userId: 4242,
        user: expect.objectContaining({ username: 'marta', name: 'Marta Oliveira' }),
      }),
    ],
  })
})
