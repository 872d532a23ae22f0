// Which branches a kind counts (DESIGN.md §8 "branches (all or some)"), on the rules screen in
// Chromium against the relay: the owner narrows a kind to some branches by keyboard, sees that
// none chosen means nobody hears of it, saves with the PIN, and the relay's rules say so. axe on
// the card, English and Spanish.
import { expect, test } from '@playwright/test'
import type { PeopleList } from '../src/shared/api/people'
import type { RulesView } from '../src/shared/api/notifications'
import { deskFetch } from '../test/support/temp-desk'
import { expectAccessible } from './axe'
import { openDesk, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

let world: FrontDeskWorld
const OWNER_PIN = '4321'

const send = (path: string, method: string, body: unknown) =>
  deskFetch(world.desk, path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

async function rules(): Promise<RulesView> {
  const r = await deskFetch(world.desk, '/api/notifications/rules')
  expect(r.status).toBe(200)
  return (await r.json()) as RulesView
}

test.beforeAll(async () => {
  world = await startFrontDeskWorld()
  const created = await send('/api/business', 'POST', {
    name: 'Olga’s Salons',
    owner: { name: 'Olga Owner', email: 'olga@example.com', language: 'en', pin: OWNER_PIN },
  })
  expect(created.status).toBe(200)
  const ownerId = ((await created.json()) as PeopleList).people[0]!.id
  expect((await send('/api/session', 'POST', { personId: ownerId, pin: OWNER_PIN })).status).toBe(
    200,
  )
})
test.afterAll(() => world.close())

test('the owner limits no-shows to chosen branches and the relay keeps it', async ({ page }) => {
  await openDesk(page, world, '/notifications')
  const card = page.getByTestId('rule-booking.no_show')
  const where = card.getByRole('group', { name: 'Which branches' })
  await expect(where.getByLabel('All branches')).toBeChecked()
  await where.getByLabel('All branches').focus()
  // Radio buttons move with the arrow keys, as everywhere.
  await page.keyboard.press('ArrowDown')
  await expect(where.getByLabel('Only some')).toBeChecked()
  const thisBranch = where.getByLabel('This branch')
  await expect(thisBranch).toBeChecked()
  await thisBranch.focus()
  await page.keyboard.press('Space')
  await expect(where.getByRole('note')).toHaveText('No branch chosen: nobody hears of this.')
  await page.keyboard.press('Space')
  await expect(where.getByRole('note')).toBeHidden()
  await expectAccessible(page, 'a rule limited to some branches')

  await page.getByLabel('Your PIN').fill(OWNER_PIN)
  await page.getByRole('button', { name: 'Save the rules' }).click()
  await expect(page.getByTestId('save-status')).toHaveText('Saved. The new rules apply now.')
  const saved = await rules()
  expect(saved.rules.kinds['booking.no_show'].branches).toEqual([saved.branches[0]])
  expect(saved.rules.kinds['booking.created'].branches).toBe('all')
})

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' })

  test('the branch choice in Spanish', async ({ page }) => {
    await openDesk(page, world, '/notifications')
    const where = page
      .getByTestId('rule-booking.no_show')
      .getByRole('group', { name: 'Qué sucursales' })
    await expect(where.getByLabel('Solo algunas')).toBeChecked()
    await expect(where.getByLabel('Esta sucursal')).toBeChecked()
    await where.getByLabel('Todas las sucursales').check()
    await expectAccessible(page, 'the branch choice in Spanish')
  })
})
