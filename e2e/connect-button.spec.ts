// The UI's Connect button end to end, in Debian's Chromium: the desk's page starts the sign-in,
// Cal.com's (the sandbox's) authorize page opens in a new tab, the owner signs in and answers,
// the browser is redirected to the desk's loopback listener, and the desk's tab follows — with
// no API call from the test for the connect itself. Also the API key form and a refusal.
import { expect, test, type Page } from '@playwright/test'
import { join } from 'node:path'
import { startSandbox, type RunningSandbox, type SandboxState } from '../sandbox/src/index'
import { freePort } from '../src/main/core/connect/sandbox-oauth.test-support'
import { startTempDesk, type TempDesk } from '../test/support/temp-desk'

const root = join(import.meta.dirname, '..')
let sandbox: RunningSandbox
let desk: TempDesk
let state: SandboxState

test.beforeEach(async () => {
  const port = await freePort()
  sandbox = await startSandbox({ port: 0, oauthRedirectUri: `http://127.0.0.1:${port}/callback` })
  state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
  desk = await startTempDesk({
    rendererDir: join(root, 'out', 'renderer'),
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

async function openDesk(page: Page) {
  await page.goto(`${desk.url}/?token=${desk.token}`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('status-strip')).toContainText('Cal.com: not connected')
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'disconnected')
}

/** Clicks Connect and returns the Cal.com tab it opened, signed in and at the consent page. */
async function connectAndSignIn(page: Page, account: SandboxState['accounts'][number]) {
  const popup = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  const calcom = await popup
  await expect(page.getByTestId('connect-waiting')).toContainText(
    'Waiting for you to allow Frontdesk in Cal.com…',
  )
  await calcom.getByLabel('Email').fill(account.email)
  await calcom.getByLabel('Password').fill(account.password)
  await calcom.getByRole('button', { name: 'Sign in' }).click()
  return calcom
}

test('Connect opens Cal.com in a new tab; after Allow the desk shows the connected branch', async ({
  page,
}) => {
  const account = state.accounts[0]!
  await openDesk(page)
  const calcom = await connectAndSignIn(page, account)
  expect(new URL(calcom.url()).origin).toBe(sandbox.url)
  await calcom.getByRole('button', { name: 'Allow' }).click()
  await expect(calcom.getByRole('heading', { name: 'You can return to Frontdesk' })).toBeVisible()

  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'connected')
  await expect(page.getByTestId('connection')).toContainText(`Cal.com account ${account.username}`)
  await expect(page.getByTestId('branch-name')).toHaveText(account.name || account.username)
  // The city a person would say; the zone's id is in its title.
  expect(account.timeZone).toBe('America/Toronto')
  await expect(page.getByTestId('branch-zone')).toHaveText('Toronto time')
  await expect(page.getByTestId('branch-zone')).toHaveAttribute('title', 'America/Toronto')
  await expect(page.getByTestId('connect-waiting')).toHaveCount(0)

  // Disconnect asks first.
  await page.getByRole('button', { name: 'Disconnect' }).click()
  await page.getByRole('button', { name: 'Stay connected' }).click()
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'connected')
  await page.getByRole('button', { name: 'Disconnect' }).click()
  await page.getByRole('button', { name: 'Yes, disconnect' }).click()
  await expect(page.getByTestId('status-strip')).toContainText('Cal.com: not connected')
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'disconnected')
})

test('Deny in Cal.com: the desk says access was not allowed and offers Connect again', async ({
  page,
}) => {
  await openDesk(page)
  const calcom = await connectAndSignIn(page, state.accounts[0]!)
  await calcom.getByRole('button', { name: 'Deny' }).click()

  await expect(page.getByTestId('connect-problem')).toContainText(
    'Access was not allowed in Cal.com',
  )
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'disconnected')
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeEnabled()
})

test('Cancel while waiting returns to Connect', async ({ page }) => {
  await openDesk(page)
  const popup = page.waitForEvent('popup')
  await page.getByRole('button', { name: 'Connect', exact: true }).click()
  await popup
  await page.getByTestId('connect-waiting').getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByTestId('connect-waiting')).toHaveCount(0)
  await expect(page.getByTestId('connect-problem')).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeEnabled()
})

test('an API key pasted in the form connects the branch; a wrong one is explained', async ({
  page,
}) => {
  const account = state.accounts[1]!
  await openDesk(page)
  await page.getByRole('button', { name: 'Use an API key instead' }).click()
  const field = page.getByLabel('Cal.com API key')
  await expect(field).toBeFocused()

  await field.fill('sk_live_not_a_cal_key')
  await field.press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'start with cal_' })).toBeVisible()
  await expect(field).toHaveAttribute('aria-invalid', 'true')

  await field.fill('cal_test_0000000000000000000000000000dead')
  await page.getByRole('button', { name: 'Connect with this key' }).click()
  await expect(
    page.getByRole('alert').filter({ hasText: 'did not accept this API key' }),
  ).toBeVisible()

  await field.fill(account.apiKey)
  await page.getByRole('button', { name: 'Connect with this key' }).click()
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'connected')
  await expect(page.getByTestId('connection')).toContainText(`Cal.com account ${account.username}`)
  // The second branch, in Berlin: its city, and its zone's id in the title.
  expect(account.timeZone).toBe('Europe/Berlin')
  await expect(page.getByTestId('branch-zone')).toHaveText('Berlin time')
  await expect(page.getByTestId('branch-zone')).toHaveAttribute('title', 'Europe/Berlin')
})
