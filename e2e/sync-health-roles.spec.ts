// Who sees sync health once the branch has a business: the owner finds it in the navigation and
// reads its logs; a receptionist has no link to it, is told at its address that it is for the
// owner and admins, and sees the connection in Settings without the buttons to change it.
import { expect, test, type Page } from '@playwright/test'
import type { PeopleList } from '../src/shared/api/people'
import type { PersonChangeResponse } from '../src/shared/relay/relay-contract'
import { deskFetch } from '../test/support/temp-desk'
import { until } from '../test/support/until'
import { expectAccessible } from './axe'
import { startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

let world: FrontDeskWorld
const OWNER_PIN = '4321'
const RECEPTIONIST_PIN = '5555'

test.beforeAll(async () => {
  world = await startFrontDeskWorld()
  const created = await deskFetch(world.desk, '/api/business', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Olga’s Salons',
      owner: { name: 'Olga Owner', email: 'olga@example.com', language: 'en', pin: OWNER_PIN },
    }),
  })
  expect(created.status).toBe(200)
  const ownerId = ((await created.json()) as PeopleList).people[0]!.id
  const device = (await world.desk.services.sync.relayDevice())!
  const added = await fetch(`${world.relay.url}/v1/business/people`, {
    method: 'POST',
    headers: { authorization: `Bearer ${device.deviceToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      actor: { personId: ownerId, pin: OWNER_PIN },
      person: {
        name: 'Rita Reception',
        email: 'rita@example.com',
        language: 'en',
        pin: RECEPTIONIST_PIN,
        role: 'receptionist',
        branches: [device.channelId],
      },
    }),
  })
  expect(added.status).toBe(201)
  const { person } = (await added.json()) as PersonChangeResponse
  await until('the desk copying the receptionist', async () =>
    (await world.get<PeopleList>('/api/people')).people.some((p) => p.id === person.id),
  )
})
test.afterAll(() => world.close())

async function signIn(page: Page, name: string, pin: string) {
  await page.goto(`${world.desk.url}/?token=${world.desk.token}`)
  await page.getByRole('button', { name: new RegExp(name) }).click()
  await page.getByLabel(`PIN for ${name}`).fill(pin)
  await page.keyboard.press('Enter')
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
}

test('the owner reads sync health; a receptionist is told it is not theirs', async ({ page }) => {
  await signIn(page, 'Rita Reception', RECEPTIONIST_PIN)
  await expect(page.getByRole('link', { name: 'Sync health' })).toHaveCount(0)
  await page.goto(`${world.desk.url}/#/sync-health`)
  await expect(page.getByText('Only the owner and admins see sync health.')).toBeVisible()
  await expect(page.getByTestId('api-log')).toHaveCount(0)
  await page.getByRole('link', { name: 'Settings' }).click()
  const connection = page.getByTestId('settings-connection')
  await expect(connection).toContainText('Connected to Cal.com')
  await expect(connection.getByRole('button')).toHaveCount(0)
  await expect(connection).toContainText('Only the owner and admins can connect or disconnect.')
  await expect(page.getByTestId('settings-relay')).not.toContainText('See sync health')
  await expectAccessible(page, 'settings, as a receptionist')

  await page.getByRole('button', { name: 'Switch person' }).click()
  await signIn(page, 'Olga Owner', OWNER_PIN)
  await page.getByRole('link', { name: 'Sync health' }).click()
  await expect(page.getByTestId('sync-calcom')).toContainText('Connected')
  await expect(page.getByTestId('api-log').getByTestId('api-log-row').first()).toBeVisible()
  await expect(page.getByTestId('event-log').getByTestId('event-log-row').first()).toBeVisible()
})
