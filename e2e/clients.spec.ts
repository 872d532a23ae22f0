// Clients at the desk against the sandbox through the relay: "/" from the day grid finds a client
// by part of a name with the accents left out, an alert added on the client card shows on
// today's card and in the drawer, two bookings of the same person are merged by hand; the list
// and the card are axe clean, in English and in Spanish.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './axe'
import {
  aTuesdayMorning,
  dayOf,
  openDesk,
  startFrontDeskWorld,
  type FrontDeskWorld,
} from './front-desk-world'

const NOW = aTuesdayMorning()

let world: FrontDeskWorld
let today: string
let joseUid: string
test.beforeAll(async () => {
  world = await startFrontDeskWorld({ now: NOW })
  today = dayOf(NOW, world.account.timeZone)
  // Each booking takes the first time still free today (a booked time is gone from the list).
  const bookToday = async (name: string) => {
    const start = (await world.freeSlots('haircut')).find(
      (s) => dayOf(s, world.account.timeZone) === today,
    )!
    return (await world.publicBooking({ eventSlug: 'haircut', start, name })).uid
  }
  joseUid = await bookToday('José Núñez')
  // The same man booked again without accents: another email, so another client until merged.
  const again = { uid: await bookToday('Jose Nunez') }
  const other = { uid: await bookToday('Ana Ortiz') }
  for (const uid of [joseUid, again.uid, other.uid]) await world.appointmentAtDesk(uid)
})
test.afterAll(() => world.close())

/** Presses Tab until the focused element matches (keyboard only, no clicks). */
async function tabTo(page: Page, what: string, testId: string, text?: string, limit = 80) {
  const focused = page.locator('*:focus')
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab')
    if ((await focused.count()) !== 1) continue
    const id = await focused.getAttribute('data-testid')
    const inRow = await focused.evaluate(
      (el: { closest(s: string): unknown }, t: string) =>
        el.closest(`[data-testid="${t}"]`) !== null,
      testId,
    )
    if ((id === testId || inRow) && (!text || ((await focused.textContent()) ?? '').includes(text)))
      return
  }
  throw new Error(`Tab never reached ${what}`)
}

test('find a client with "/" and the accents left out, add an alert, see it on today’s card and in the drawer', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date(NOW))
  await openDesk(page, world, `/day/${today}`)
  const card = page.locator(`[data-testid="appointment"][data-uid="${joseUid}"]`)
  await expect(card).toBeVisible()
  await expect(card.getByTestId('client-alert')).toHaveCount(0)

  // Keyboard only: "/" opens the search with the field focused.
  await page.keyboard.press('/')
  await expect(page).toHaveURL(/#\/clients$/)
  const search = page.getByTestId('clients-search')
  await expect(search).toBeFocused()
  await page.keyboard.type('jose nu')
  const rows = page.getByTestId('client-row')
  await expect(rows).toHaveCount(2)
  await expect(rows.filter({ hasText: 'José Núñez' })).toHaveCount(1)
  await expectAccessible(page, 'the client list')
  await page.screenshot({ path: test.info().outputPath('client-list.png') })
  await page.keyboard.type('ñ') // "jose nuñ": the accent typed finds both spellings too
  await expect(rows).toHaveCount(2)

  await tabTo(page, 'José Núñez in the list', 'client-row', 'José Núñez')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/#\/clients\/\d+$/)
  const clientCard = page.getByTestId('client-card')
  await expect(clientCard.getByTestId('client-name')).toHaveText('José Núñez')
  await expect(clientCard.getByTestId('client-upcoming')).toContainText('Haircut')
  await expectAccessible(page, 'the client card')

  await tabTo(page, 'the new alert field', 'new-alert')
  await page.keyboard.type('Allergic to latex')
  await page.keyboard.press('Enter')
  await expect(clientCard.getByTestId('client-card-alert')).toHaveText(/Alert: Allergic to latex/)
  await expect(clientCard.getByTestId('client-alerts').getByTestId('client-note')).toContainText(
    'Allergic to latex',
  )
  await expectAccessible(page, 'the client card with an alert')
  await page.screenshot({ path: test.info().outputPath('client-card.png'), fullPage: true })

  // Today's card and its drawer carry it.
  await page.getByRole('link', { name: 'Day', exact: true }).click()
  await expect(card.getByTestId('client-alert')).toHaveText(/Alert: Allergic to latex/)
  await card.click()
  const drawer = page.getByTestId('appointment-drawer')
  await expect(drawer.getByTestId('drawer-alerts')).toContainText('Allergic to latex')
  // The client's name in the drawer leads back to the card.
  await drawer.getByTestId('drawer-client-link').click()
  await expect(clientCard.getByTestId('client-name')).toHaveText('José Núñez')
})

// The day's clients are read beside the day itself; however late their answer comes, the day is
// never shown with a card missing its client's alert, to gain it a moment later.
test('a day opens with its clients’ alerts on their cards, never without them first', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date(NOW))
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86_400_000)
    .toISOString()
    .slice(0, 10)
  await openDesk(page, world, `/day/${tomorrow}`)
  await expect(page.locator(`[data-testid="day-board"][data-date="${tomorrow}"]`)).toBeVisible()

  // Records every non-busy board of today showing José's card, with or without its alert (in the
  // page, as plain JavaScript: the e2e tests compile without the DOM's types).
  const board = `[data-testid="day-board"][data-date="${today}"][aria-busy="false"]`
  await page.evaluate(`
    window.alertSeen = []
    new MutationObserver(() => {
      const card = document.querySelector('${board} [data-uid="${joseUid}"]')
      if (card) window.alertSeen.push(card.querySelector('[data-testid="client-alert"]') !== null)
    }).observe(document.body, { subtree: true, childList: true, attributes: true })
  `)
  // Today's clients are answered only once the day and its hours have reached the page.
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route(`**/api/clients/of-day?date=${today}`, async (route) => {
    await released
    await route.continue()
  })
  const answered = (path: string) =>
    page.waitForEvent('requestfinished', (r) => r.url().includes(`${path}?date=${today}`))
  const dayAndHours = Promise.all([answered('/api/appointments'), answered('/api/opening-hours')])
  await page.keyboard.press('ArrowLeft')
  await dayAndHours
  await page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))',
  )
  release()

  const card = page.locator(`[data-testid="appointment"][data-uid="${joseUid}"]`)
  await expect(card.getByTestId('client-alert')).toHaveText(/Alert: Allergic to latex/)
  const seen = await page.evaluate<boolean[]>('window.alertSeen')
  expect(seen.length).toBeGreaterThan(0)
  expect(seen.every(Boolean)).toBe(true)
})

test('merge the two bookings of one person by hand: one card, both spellings, the alert kept', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date(NOW))
  await openDesk(page, world, '/clients')
  await page.getByTestId('clients-search').fill('jose')
  await page.getByTestId('client-row').filter({ hasText: 'José Núñez' }).getByRole('link').click()
  const clientCard = page.getByTestId('client-card')
  await clientCard.getByTestId('merge-open').click()
  const dialog = page.getByTestId('merge-dialog')
  await page.getByTestId('merge-search').fill('nunez')
  await dialog.getByTestId('merge-choice').filter({ hasText: 'Jose Nunez' }).click()
  await expectAccessible(page, 'the merge dialog')
  await dialog.getByTestId('merge-confirm').click()
  await expect(dialog).toBeHidden()
  await expect(clientCard).toContainText('Jose Nunez') // "also booked as"
  await expect(clientCard.getByTestId('client-upcoming').locator('li')).toHaveCount(2)
  await expect(clientCard.getByTestId('client-card-alert')).toContainText('Allergic to latex')

  // Every card of the merged client now carries the alert.
  await page.getByRole('link', { name: 'Day', exact: true }).click()
  await expect(page.getByTestId('client-alert')).toHaveCount(2)
})

test.describe('in Spanish', () => {
  test.use({ locale: 'es-ES' })

  test('the list, the card and the alert on the day speak Spanish, axe clean', async ({ page }) => {
    await page.clock.setFixedTime(new Date(NOW))
    await openDesk(page, world, '/clients')
    await expect(page.getByRole('heading', { name: 'Clientes' })).toBeVisible()
    await page.getByLabel('Buscar un cliente').fill('nunez')
    // One client now (merged above), named as on their latest booking.
    const row = page.getByTestId('client-row')
    await expect(row).toHaveCount(1)
    await expect(row).toContainText('Aviso: Allergic to latex')
    await expectAccessible(page, 'the client list in Spanish')
    await row.getByRole('link').click()
    const clientCard = page.getByTestId('client-card')
    await expect(clientCard).toContainText('Avisos')
    await expect(clientCard).toContainText('Próximas')
    await expect(clientCard).toContainText('Ninguna ausencia')
    await expectAccessible(page, 'the client card in Spanish')
    await page.screenshot({ path: test.info().outputPath('client-card-es.png'), fullPage: true })
    await page.getByRole('link', { name: 'Día', exact: true }).click()
    await expect(
      page
        .locator(`[data-testid="appointment"][data-uid="${joseUid}"]`)
        .getByTestId('client-alert'),
    ).toHaveText(/Aviso: Allergic to latex/)
  })
})
