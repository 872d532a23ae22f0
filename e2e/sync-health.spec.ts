// Sync health as an admin reads it, against the real sandbox, relay and headless desk: connected
// and since when, the relay reachable, Cal.com's news in the event log as it arrives, the call
// log filtered; then the desk's line to the relay is cut — the page says the relay is out of
// reach and what to do — and restored, and it says so again. Keyboard only for the filters; axe
// clean in English and Spanish.
import { expect, test, type Locator } from '@playwright/test'
import { expectAccessible } from './axe'
import { openDesk, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

let world: FrontDeskWorld
test.beforeAll(async () => {
  world = await startFrontDeskWorld({ relayLink: true })
})
test.afterAll(() => world.close())

/** Chooses an option of a native select from the keyboard: focus it, then type its words. */
async function chooseByKeyboard(within: Locator, label: string, option: string) {
  await within.getByLabel(label, { exact: true }).focus()
  await within.page().keyboard.type(option)
}

test('sync health shows the relay cut and its recovery, with news and calls in its logs', async ({
  page,
}, testInfo) => {
  await openDesk(page, world, '/')
  await page.getByRole('link', { name: 'Sync health' }).click()
  await expect(page).toHaveURL(/#\/sync-health$/)
  const calcom = page.getByTestId('sync-calcom')
  const relay = page.getByTestId('sync-relay')
  await expect(calcom).toContainText('Connected')
  await expect(calcom).toContainText('since')
  await expect(relay).toContainText('Reachable')
  await expect(page.getByTestId('sync-last-reconcile')).toContainText(/read \d+ bookings?/)
  await expect(page.getByTestId('sync-queue-waiting')).toHaveText(
    '0 changes waiting to reach Cal.com',
  )

  // News from Cal.com lands in the event log as it arrives.
  const start = (await world.freeSlots('full-colour'))[0]!
  const { uid } = await world.publicBooking({ eventSlug: 'full-colour', start, name: 'Nia News' })
  await world.appointmentAtDesk(uid)
  const events = page.getByTestId('event-log')
  await expect(events.getByTestId('event-log-row').first()).toContainText(
    'News: Booking asks for confirmation',
  )
  await expect(events.getByTestId('event-log-row').first()).toContainText('Changed bookings')
  await expect(page.getByTestId('sync-last-event')).toContainText('Booking asks for confirmation')

  // The event log, from the keyboard: full checks only.
  await chooseByKeyboard(events, 'Kind', 'Full check')
  // The last rows stay, marked busy, until the filtered ones are there.
  await expect(events.getByRole('table')).toHaveAttribute('aria-busy', 'false')
  await expect(events.getByTestId('event-log-row').first()).toBeVisible()
  for (const kind of await events
    .getByTestId('event-log-row')
    .evaluateAll((rows) =>
      rows.map((r) => (r as unknown as { dataset: { kind?: string } }).dataset.kind),
    ))
    expect(kind).toBe('reconcile')

  // The call log: every call answered, none failed.
  const calls = page.getByTestId('api-log')
  await expect(calls.getByTestId('api-log-row').first()).toContainText('GET /v2/')
  await expect(calls).not.toContainText(world.account.apiKey)
  await calls.getByLabel('Contains').fill('/v2/me')
  await expect(calls.getByTestId('api-log-row').first()).toContainText('/v2/me')
  await chooseByKeyboard(calls, 'Result', 'Failed')
  await expect(calls.getByTestId('api-log-row')).toHaveCount(0)
  await expect(calls).toContainText('Nothing matches.')

  await expectAccessible(page, 'sync health')
  await page.screenshot({ path: testInfo.outputPath('sync-health-online.png'), fullPage: true })

  // The line to the relay is cut.
  world.relayLink!.down()
  await expect(relay).toContainText('Out of reach', { timeout: 20_000 })
  await expect(relay).toHaveAttribute('data-state', /retrying|connecting/)
  const problem = page
    .getByTestId('sync-problem')
    .filter({ hasText: 'The relay could not be reached.' })
  await expect(problem.first()).toBeVisible()
  await expect(problem.first()).toContainText('Check this computer’s internet.')
  // The relay alone is down: Cal.com still answers, online bookings are what stops arriving.
  await expect(page.getByTestId('status-strip')).toContainText('Online bookings are not arriving')
  await expectAccessible(page, 'sync health, relay cut')
  await page.screenshot({ path: testInfo.outputPath('sync-health-cut.png'), fullPage: true })

  // And restored.
  world.relayLink!.up()
  await expect(relay).toContainText('Reachable', { timeout: 20_000 })
  await expect(page.getByTestId('status-strip')).not.toContainText('not arriving')
  await expect(page.getByTestId('status-strip')).toContainText('Online')

  // The same page in Spanish, chosen in Settings, still axe clean.
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Language').selectOption('es')
  await page.getByRole('link', { name: 'Ver el estado de la sincronización' }).click()
  await expect(page.getByTestId('sync-relay')).toContainText('Accesible')
  await expect(page.getByTestId('sync-problems')).toContainText('No se pudo llegar al relé.')
  await expectAccessible(page, 'sync health in Spanish')
})
