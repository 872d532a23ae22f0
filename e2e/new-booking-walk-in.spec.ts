// A walk-in booked with the keyboard alone, against the headless desk connected to the Cal.com
// sandbox: N opens New booking on a service a walk-in can have, with its next free time offered
// (the sandbox's first service by title, the bridal trial, needs 48 hours' notice: it is listed
// but not choosable, saying so), the name is typed, Enter books, and the card shows at once on
// the day; axe finds no serious or critical problem in the dialog or its list of services.
import { expect, test } from '@playwright/test'
import { join } from 'node:path'
import { startSandbox, type RunningSandbox } from '../sandbox/src/index'
import {
  connectWithApiKey,
  deskOn,
  sandboxState,
} from '../src/main/core/outbound/outbound.test-support'
import type { TempDesk } from '../test/support/temp-desk'
import { expectAccessible } from './axe'
import { aTuesdayMorning } from './front-desk-world'

const root = join(import.meta.dirname, '..')
const NOW = aTuesdayMorning()
let sandbox: RunningSandbox

/** Minutes after midnight on Toronto's wall clock (the first branch's zone). */
const torontoMinute = (iso: string) => {
  const [h, m] = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'America/Toronto',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(new Date(iso))
    .split(':')
  return Number(h) * 60 + Number(m)
}
let desk: TempDesk

test.beforeEach(async () => {
  sandbox = await startSandbox({ port: 0, now: NOW })
  const state = await sandboxState(sandbox.url)
  desk = await deskOn(sandbox.url, { rendererDir: join(root, 'out', 'renderer') })
  await connectWithApiKey(desk, state.accounts[0]!.apiKey)
})
test.afterEach(async () => {
  await desk.dispose()
  await sandbox.close()
})

test('a walk-in is booked with the keyboard alone and shows at once on the day', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date(NOW))
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${desk.url}/?token=${desk.token}`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()

  await page.keyboard.press('n')
  const dialog = page.getByTestId('new-booking')
  await expect(dialog).toBeVisible()
  const name = dialog.getByRole('combobox', { name: 'Client name' })
  await expect(name).toBeFocused()
  // Nobody touched the service: it opens on one a walk-in can have, with someone free today
  // (the sandbox's haircut: an hour's notice, the shortest of its services).
  const service = dialog.getByTestId('booking-service')
  await expect(service.getByRole('button')).toContainText('Haircut & style')
  await expect(dialog.getByTestId('walk-in-slot')).toContainText('Next free time')
  // Over an hour's notice away, it says how far off that is on the desk clock (the page's fixed
  // clock), read in the branch's zone.
  const next = (await dialog.getByTestId('walk-in-slot').textContent())!
  const [, hh, mm] = /Next free time: (\d\d):(\d\d)/.exec(next)!
  const wait = Number(hh) * 60 + Number(mm) - torontoMinute(NOW)
  expect(wait).toBeGreaterThan(60)
  const far = wait % 60 === 0 ? `${wait / 60} h` : `${Math.floor(wait / 60)} h ${wait % 60} min`
  await expect(dialog.getByTestId('walk-in-slot')).toHaveText(
    `Next free time: ${hh}:${mm} (in ${far})`,
  )
  // The name's hint stands apart from the Phone label below it, as the other fields do.
  const hint = await dialog.getByText('Type to find a past client').boundingBox()
  const phone = await dialog.getByText('Phone', { exact: true }).boundingBox()
  expect(phone!.y - (hint!.y + hint!.height)).toBeGreaterThanOrEqual(10)
  await expectAccessible(page, 'the walk-in dialog', '[data-testid="new-booking"]')

  // Back to the service (past "With") and open its list: the services needing days of notice
  // are there, not choosable, saying why.
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('ArrowDown')
  const bridal = page.getByRole('option', { name: /^Bridal hair trial/ })
  await expect(bridal).toHaveAttribute('aria-disabled', 'true')
  await expect(bridal).toContainText('needs 48 hours’ notice')
  await expect(page.getByRole('option', { name: /^Full colour/ })).toContainText(
    'needs 24 hours’ notice',
  )
  await expect(page.getByRole('option', { name: /^Haircut & style/ })).not.toHaveAttribute(
    'aria-disabled',
    'true',
  )
  await expectAccessible(page, 'the walk-in’s list of services', '.booking__popover')
  // Esc closes the list, not the dialog, and leaves the service as it was.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeVisible()
  await expect(service.getByRole('button')).toContainText('Haircut & style')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(name).toBeFocused()

  await page.keyboard.type('Walker Keys')
  // Past phone and email to Book.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab')
  await expect(dialog.getByRole('button', { name: 'Book' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(dialog).toHaveCount(0)
  const card = page.locator('[data-testid="appointment"]').filter({ hasText: 'Walker Keys' })
  await expect(card).toBeVisible()
  // The desk says so, whether or not the new card is in view.
  const time = (await card.getByTestId('appointment-time').textContent())!.split(/\s*[–-]\s*/)[0]
  await expect(page.getByTestId('booking-done')).toHaveText(`Booked Walker Keys at ${time}.`)
})

test('with no services to offer, or none read, New booking says so, never "Nobody is free"', async ({
  page,
}) => {
  let services: 'none' | 'failed' = 'none'
  await page.route('**/api/event-types', (route) =>
    services === 'none'
      ? route.fulfill({ json: [] })
      : route.fulfill({
          status: 500,
          json: {
            error: {
              code: 'INTERNAL',
              message: 'Something went wrong in the desk; it was logged.',
            },
          },
        }),
  )
  await page.clock.setFixedTime(new Date(NOW))
  await page.goto(`${desk.url}/?token=${desk.token}`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  const dialog = page.getByTestId('new-booking')

  await page.keyboard.press('n')
  await expect(dialog.getByTestId('walk-in-slot')).toHaveText(
    'This branch has no services to book yet. They come from its Cal.com account: Settings shows whether it is connected.',
  )
  await expect(dialog.getByTestId('booking-service').getByRole('button')).toBeDisabled()
  await expectAccessible(page, 'new booking with no services', '[data-testid="new-booking"]')

  services = 'failed'
  await page.reload()
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.keyboard.press('n')
  await expect(dialog.getByRole('alert')).toContainText('Something went wrong in the desk')
  await expect(dialog.getByTestId('walk-in-slot')).not.toContainText('Nobody is free')
})
