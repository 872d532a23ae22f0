// Pending confirmations from the list: the sandbox's bookings that need the desk's yes or no
// arrive with the branch; a row opens its booking's drawer (the client's phone, the history);
// one is confirmed inline, another declined with a reason, each through the outbox to Cal.com;
// the list and its badge follow. axe on the list and the decline dialog.
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
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

async function noSeriousAxe(page: Page, selector: string) {
  const axe = await new AxeBuilder({ page }).include(selector).analyze()
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual(
    [],
  )
}

const calcomStatus = (uid: string) => sandbox.sandbox.store.bookings.get(uid)?.status

test('a pending booking is confirmed inline and another declined with a reason', async ({
  page,
}) => {
  await page.goto(`${desk.url}/?token=${desk.token}`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  await page.getByTestId('pending-count').click()
  const rows = page.getByTestId('pending-row')
  await expect(rows.first()).toBeVisible()
  const before = await rows.count()
  expect(before).toBeGreaterThanOrEqual(2)
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', String(before))
  await noSeriousAxe(page, '[data-testid="pending-page"]')

  // A row is a link to its booking, named for which one; Enter on it opens the drawer there.
  const firstUid = (await rows.first().getAttribute('data-uid'))!
  const client = (await rows.first().locator('.list-row__client').textContent())!
  const open = rows.first().getByRole('link', {
    name: new RegExp(
      `^Open the appointment: ${client.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, .+, .+`,
    ),
  })
  await open.focus()
  await page.keyboard.press('Enter')
  const drawer = page.getByTestId('appointment-drawer')
  await expect(drawer.getByRole('heading', { name: client })).toBeVisible()
  await expect(drawer.locator('.drawer__content')).toHaveAttribute('data-uid', firstUid)
  await expect(drawer.getByRole('button', { name: 'Confirm' })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(drawer).toHaveCount(0)
  await page.getByTestId('pending-count').click()

  const first = rows.first()
  const confirmedUid = (await first.getAttribute('data-uid'))!
  await first.getByRole('button', { name: /^Confirm/ }).click()
  await expect(page.locator(`[data-testid="pending-row"][data-uid="${confirmedUid}"]`)).toHaveCount(
    0,
  )
  // The row is gone: a line says what was done, and focus moved on to the next row.
  await expect(page.getByTestId('pending-done')).toHaveText(/^Confirmed .+’s booking\.$/)
  await expect(rows.first().getByRole('button', { name: /^Confirm/ })).toBeFocused()
  await expect.poll(() => calcomStatus(confirmedUid)).toBe('accepted')

  const second = rows.first()
  const declinedUid = (await second.getAttribute('data-uid'))!
  await second.getByRole('button', { name: /^Decline/ }).click()
  const dialog = page.getByTestId('decline-dialog')
  await expect(dialog.getByRole('textbox')).toBeFocused()
  await noSeriousAxe(page, '[data-testid="decline-dialog"]')
  await page.keyboard.type('The colourist is away that week')
  await dialog.getByRole('button', { name: 'Decline booking' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(page.locator(`[data-testid="pending-row"][data-uid="${declinedUid}"]`)).toHaveCount(
    0,
  )
  await expect(page.getByTestId('pending-done')).toHaveText(/^Declined .+’s booking\.$/)
  await expect.poll(() => calcomStatus(declinedUid)).toBe('rejected')
  await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', String(before - 2))
})
