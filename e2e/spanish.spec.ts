// The desk in Spanish, from the browser's language (the OS's, in Electron), on the same seeded
// day: navigation, status strip, columns, card marks and the drawer speak Spanish; settings can
// switch to English, and the choice is kept.
import { expect, test } from '@playwright/test'
import type { DayView } from '../src/shared/api/schemas'
import { expectAccessible } from './axe'
import { dayOf, openDesk, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

test.use({ locale: 'es-ES' })

let world: FrontDeskWorld
test.beforeAll(async () => {
  world = await startFrontDeskWorld()
})
test.afterAll(() => world.close())

test('the Spanish UI on the same day, and the language override in settings', async ({
  page,
}, testInfo) => {
  // A pending booking, so a translated status shows on a card.
  const zone = world.account.timeZone
  const start = (await world.freeSlots('full-colour'))[0]!
  const { uid } = await world.publicBooking({
    eventSlug: 'full-colour',
    start,
    name: 'Pilar Pendiente',
  })
  await world.appointmentAtDesk(uid)
  const date = dayOf(start, zone)
  const day = await world.get<DayView>(`/api/appointments?date=${date}`)

  await openDesk(page, world, `/day/${date}`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'es')
  await expect(page.getByRole('button', { name: 'Día anterior' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Hoy' })).toBeVisible()
  await expect(page.getByTestId('branch-zone')).toHaveText(`Hora de ${zone}`)
  await expect(page.getByTestId('status-strip')).toContainText('En línea')
  await expect(page.getByTestId('status-strip')).toContainText(
    '0 cambios pendientes de sincronizar',
  )
  for (const a of day.appointments) {
    await expect(page.locator(`[data-testid="appointment"][data-uid="${a.uid}"]`)).toHaveCount(1)
  }
  const card = page.locator(`[data-testid="appointment"][data-uid="${uid}"]`)
  await expect(card).toContainText('Pendiente')
  await expectAccessible(page, 'the grid in Spanish')
  await page.screenshot({ path: testInfo.outputPath('day-grid-es-1366.png') })

  await card.click()
  const drawer = page.getByTestId('appointment-drawer')
  await expect(drawer.getByRole('button', { name: 'Confirmar cita' })).toBeVisible()
  await expect(drawer.getByRole('button', { name: 'Rechazar cita' })).toBeVisible()
  await expect(drawer).toContainText('Historial')
  await expect(drawer).toContainText('Reservada')
  await expectAccessible(page, 'the drawer in Spanish')
  await page.screenshot({ path: testInfo.outputPath('drawer-es-1366.png') })
  await page.keyboard.press('Escape')

  await page.getByRole('link', { name: 'Ajustes' }).click()
  await page.getByLabel('Idioma').selectOption('en')
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible()
  await page.reload()
  await expect(page.getByRole('link', { name: 'Settings' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
})
