// The business set up from the desk's own screens, in Chromium: the Team screen sets it up with
// its owner's PIN, the desk then asks who is there; the owner adds a receptionist, who signs in
// and checks a client in; the appointment's history names her. axe on the team screen.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './axe'
import { dayOf, openDesk, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

let world: FrontDeskWorld
test.beforeAll(async () => {
  world = await startFrontDeskWorld()
})
test.afterAll(() => world.close())

async function signIn(page: Page, name: string, pin: string) {
  await expect(page.getByRole('heading', { name: 'Who is at the desk?' })).toBeVisible()
  await page.getByRole('button', { name: new RegExp(name) }).click()
  await page.getByLabel(`PIN for ${name}`).fill(pin)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('signed-in')).toContainText(name)
}

test('the owner sets up the business, adds a receptionist, who checks a client in', async ({
  page,
}) => {
  const zone = world.account.timeZone
  const start = (await world.freeSlots('haircut'))[0]!
  const { uid } = await world.publicBooking({ eventSlug: 'haircut', start, name: 'Nina Named' })
  await world.appointmentAtDesk(uid)

  await openDesk(page, world, '/team')
  await expect(page.getByRole('heading', { name: 'Set up your business' })).toBeVisible()
  await expectAccessible(page, 'the team screen before a business exists')
  await page.getByLabel('Business name').fill('Olga’s Salons')
  await page.getByLabel('Your name (the owner)').fill('Olga Owner')
  await page.getByLabel('Email').fill('olga@example.com')
  await page.getByLabel('Your PIN (4 to 12 digits)').fill('4321')
  await page.getByRole('button', { name: 'Set up the business' }).click()

  await signIn(page, 'Olga Owner', '4321')
  await page.getByRole('link', { name: 'Team' }).click()
  await page.getByLabel('Your PIN (asked for every change)').fill('4321')
  await page.getByLabel('Name', { exact: true }).fill('Rita Reception')
  await page.getByLabel('Email').fill('rita@example.com')
  await page.getByLabel('Their PIN (4 to 12 digits)').fill('5555')
  await page.getByRole('button', { name: 'Add', exact: true }).click()
  await expect(page.getByTestId('team-member').filter({ hasText: 'Rita Reception' })).toContainText(
    'Receptionist',
  )
  await expect(page.getByTestId('audit-entry').filter({ hasText: 'people.add' })).toContainText(
    'Olga Owner',
  )
  await expectAccessible(page, 'the team screen')

  await page.getByRole('button', { name: 'Switch person' }).click()
  await signIn(page, 'Rita Reception', '5555')
  await expect(page.getByRole('link', { name: 'Team' })).toHaveCount(0)
  await page.goto(
    `${world.desk.url}/?token=${world.desk.token}#/day/${dayOf(start, zone)}/appointment/${uid}`,
  )
  const drawer = page.getByTestId('appointment-drawer')
  await drawer.getByRole('button', { name: 'Check in' }).click()
  await expect(drawer.getByTestId('drawer-visit')).toContainText('Arrived')
  await expect(drawer.getByTestId('history')).toContainText('Rita Reception')
})
