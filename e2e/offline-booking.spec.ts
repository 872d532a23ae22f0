// An hour offline: with the desk's link to Cal.com cut, a walk-in is booked anyway and shows at
// once, waiting to sync; the banner says Cal.com is out of reach, that work goes on and how many
// changes wait; the slot picker marks its times as Cal.com's last answer, with their age. When
// the link returns the booking reaches Cal.com, and the mark, the notice and the banner go away.
// A staff member Cal.com knows by username only, whose own times were never read, has none
// offline: the words name them and point to "Anyone free", which has the service's last answer.
import { expect, test } from '@playwright/test'
import { expectAccessible } from './axe'
import {
  aTuesdayMorning,
  openDesk,
  startFrontDeskWorld,
  type FrontDeskWorld,
} from './front-desk-world'
import { addUsernameOnlyMember } from './username-only-member'

const NOW = aTuesdayMorning()
let world: FrontDeskWorld
test.beforeAll(async () => {
  world = await startFrontDeskWorld({ now: NOW, calcomLink: true })
  await addUsernameOnlyMember(world, 'Lee Park', 'lee')
})
test.afterAll(() => world.close())

test('a walk-in booked offline shows at once, waits, and reaches Cal.com when the link returns', async ({
  page,
}, testInfo) => {
  const link = world.link!
  await page.clock.setFixedTime(new Date(NOW))
  await openDesk(page, world, '/')
  const dialog = page.getByTestId('new-booking')
  const banner = page.getByTestId('offline-banner')
  await expect(banner).toHaveCount(0)

  const haircut = async () => {
    await dialog.getByTestId('booking-service').getByRole('button').click()
    await page.getByRole('option', { name: /^Haircut & style/ }).click()
  }
  // Online, the walk-in's next free time comes from Cal.com; the desk keeps that answer.
  await page.keyboard.press('n')
  await haircut()
  await expect(dialog.getByTestId('walk-in-slot')).toContainText('Next free time')
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  link.down()
  await page.keyboard.press('n')
  await haircut()
  await expect(dialog.getByTestId('walk-in-slot')).toContainText('Next free time')
  const name = dialog.getByRole('combobox', { name: 'Client name' })
  await name.click()
  await page.keyboard.type('Olga Offline')
  // Enter in the name field books: no suggestion is highlighted.
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)

  const card = page.locator('[data-testid="appointment"]').filter({ hasText: 'Olga Offline' })
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('Waiting to sync')
  await expect(banner).toContainText('Cal.com cannot be reached right now.')
  await expect(banner).toContainText('You can keep working')
  await expect(banner.getByTestId('offline-waiting')).toHaveText('1 change is waiting to sync.')
  // The strip names the account without "Connected" under a banner that says it is not, and
  // says that it cannot be reached once, at its start.
  const strip = page.getByTestId('status-strip')
  await expect(strip.locator('[data-reach="calcom-down"]')).toHaveText(/Cal.com cannot be reached/)
  await expect(page.getByTestId('connection')).toHaveText(
    new RegExp(`^Cal.com account ${world.account.username}\\s*Disconnect$`),
  )
  await expectAccessible(page, 'the day grid, offline')

  // A phone booking's free times are Cal.com's last answer now, and say how old.
  await page.getByTestId('new-booking-button').click()
  await dialog.getByText('Phone booking').click()
  await haircut()
  const stale = dialog.getByTestId('slots-stale')
  await expect(stale).toContainText(/Cal\.com’s last answer, \d+ minutes? old/)
  // What that means for the booking, in words: not "Cal.com decides when it reaches it".
  await expect(stale).toContainText('Cal.com has the final say once the booking reaches it.')
  await expect(dialog.getByTestId('slot-picker')).toBeVisible()
  await expectAccessible(page, 'new booking, offline', '[data-testid="new-booking"]')

  // Lee's own times were never read: none offline. The words name Lee (by username, as the desk
  // knows them until a booking gives their name), not "the desk", and point to "Anyone free",
  // whose last answer the desk keeps; no "No free time on this day" under them.
  const staffButton = dialog.getByTestId('booking-staff').getByRole('button')
  await staffButton.click()
  await page.getByRole('option', { name: 'lee', exact: true }).click()
  const problem = dialog.getByRole('alert')
  await expect(problem).toContainText(
    'lee’s free times cannot be read from Cal.com right now, and this desk has none of theirs saved for that day.',
  )
  await expect(problem).toContainText('“Anyone free” has times')
  await expect(dialog.getByTestId('no-slots')).toHaveCount(0)
  await expectAccessible(
    page,
    'new booking, offline, a member with none kept',
    '[data-testid="new-booking"]',
  )
  await page.screenshot({ path: testInfo.outputPath('member-without-times-en.png') })
  await dialog.getByRole('button', { name: 'Show Anyone free' }).click()
  await expect(staffButton).toContainText('Anyone free')
  await expect(dialog.getByTestId('slot-picker')).toBeVisible()
  await expect(stale).toBeVisible()
  await expect(problem).toHaveCount(0)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toHaveCount(0)

  link.up()
  await expect(card).not.toContainText('Waiting to sync', { timeout: 20_000 })
  await expect(banner).toHaveCount(0)
  await expect(page.getByTestId('status-strip').locator('[data-reach="online"]')).toBeVisible()
  await expect(page.getByTestId('connection')).toHaveAttribute('data-connection', 'connected')
  await expect
    .poll(async () =>
      (await world.calcomBookings()).some((b) =>
        b.attendees.some((a) => a.name === 'Olga Offline'),
      ),
    )
    .toBe(true)

  // Fresh times again: no offline notice in the picker.
  await page.getByTestId('new-booking-button').click()
  await dialog.getByText('Phone booking').click()
  await haircut()
  await expect(dialog.getByTestId('slot-picker')).toBeVisible()
  await expect(stale).toHaveCount(0)
})
