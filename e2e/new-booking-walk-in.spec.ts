// A walk-in booked with the keyboard alone, against the headless desk connected to the Cal.com
// sandbox: N opens New booking, the next free time is offered, the name is typed, Enter books,
// and the card shows at once on the day; axe finds no serious or critical problem in the dialog.
import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { join } from 'node:path'
import { startSandbox, type RunningSandbox } from '../sandbox/src/index'
import {
  connectWithApiKey,
  deskOn,
  sandboxState,
} from '../src/main/core/outbound/outbound.test-support'
import type { TempDesk } from '../test/support/temp-desk'
import { aTuesdayMorning } from './front-desk-world'

const root = join(import.meta.dirname, '..')
const NOW = aTuesdayMorning()
let sandbox: RunningSandbox
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
  // Back to the service (past "With"), open it, pick Haircut by typing, back to the name.
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('ArrowDown')
  await page.keyboard.type('Haircut')
  await page.keyboard.press('Enter')
  await expect(dialog.getByTestId('walk-in-slot')).toContainText('Next free time')
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(name).toBeFocused()
  const axe = await new AxeBuilder({ page }).include('[data-testid="new-booking"]').analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  )

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
