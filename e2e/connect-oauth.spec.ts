// Connecting a branch with Cal.com OAuth in a real browser: the desk starts the sign-in (the UI's
// Connect button will make this same API call), Chromium opens the sandbox's authorize page, the
// owner signs in and clicks Allow, and the redirect reaches the desk's loopback listener.
import { expect, test } from '@playwright/test'
import { startSandbox, type RunningSandbox, type SandboxState } from '../sandbox/src/index'
import { freePort } from '../src/main/core/connect/sandbox-oauth.test-support'
import { deskFetch, startTempDesk, type TempDesk } from '../test/support/temp-desk'

let sandbox: RunningSandbox
let desk: TempDesk
let state: SandboxState

test.beforeEach(async () => {
  const port = await freePort()
  sandbox = await startSandbox({ port: 0, oauthRedirectUri: `http://127.0.0.1:${port}/callback` })
  state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
  desk = await startTempDesk({
    env: {
      FRONTDESK_CALCOM_API_URL: sandbox.url,
      FRONTDESK_CALCOM_APP_URL: sandbox.url,
      FRONTDESK_OAUTH_CLIENT_ID: state.oauthClient.clientId,
      FRONTDESK_OAUTH_REDIRECT_PORT: String(port),
    },
  })
})
test.afterEach(async () => {
  await desk.dispose()
  await sandbox.close()
})

test('an owner signs in to Cal.com in the browser, clicks Allow, and the desk is connected', async ({
  page,
}) => {
  const account = state.accounts[0]!
  const started = await deskFetch(desk, '/api/branch/connect', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  })
  expect(started.status).toBe(200)
  const { authorizeUrl } = (await started.json()) as { authorizeUrl: string }

  await page.goto(authorizeUrl)
  await page.getByLabel('Email').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByRole('button', { name: 'Allow' }).click()

  await expect(page.getByRole('heading', { name: 'You can return to Frontdesk' })).toBeVisible()
  const branch = (await (await deskFetch(desk, '/api/branch')).json()) as Record<string, unknown>
  expect(branch).toMatchObject({
    connection: 'connected',
    calcomAccountId: account.userId,
    calcomUsername: account.username,
    timeZone: account.timeZone,
  })
  const staff = (await (await deskFetch(desk, '/api/staff')).json()) as unknown[]
  expect(staff.length).toBeGreaterThan(0)
})
