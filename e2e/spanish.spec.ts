// The desk in Spanish, from the browser's language (the OS's, in Electron), on the same seeded
// day: navigation, status strip, columns, card marks and the drawer speak Spanish; settings can
// switch to English, and the choice is kept.
import { expect, test } from '@playwright/test'
import { setUpTeam } from '../src/main/core/notify/notify.test-support'
import type { DayView } from '../src/shared/api/schemas'
import { deskFetch } from '../test/support/temp-desk'
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
  expect(zone).toBe('America/Toronto')
  await expect(page.getByTestId('branch-zone')).toHaveText('Hora de Toronto')
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

test('signed in, in Spanish: each PIN key holds its word, the header its buttons on one line', async ({
  page,
}) => {
  // Last in this file: the business set up here puts the desk behind the sign-in screen.
  const team = await setUpTeam(world.desk)
  await deskFetch(world.desk, '/api/session', { method: 'DELETE' })
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${world.desk.url}/?token=${world.desk.token}`)
  await page.getByRole('button', { name: /Olga Owner/ }).click()
  // "Borrar" is wider than a digit's key: it widens the keys rather than spill out of its own.
  const spilling = await page.evaluate<string[]>(
    `[...document.querySelectorAll('.pin-pad__keys button')].filter((key) => {
      const range = document.createRange()
      range.selectNodeContents(key)
      const [text, box] = [range.getBoundingClientRect(), key.getBoundingClientRect()]
      const style = getComputedStyle(key)
      const [left, right] = [parseFloat(style.paddingLeft), parseFloat(style.paddingRight)]
      return text.left < box.left + left - 1 || text.right > box.right - right + 1
    }).map((key) => key.textContent)`,
  )
  expect(spilling).toEqual([])
  await expectAccessible(page, 'the sign-in screen in Spanish')

  await page.getByTestId('pin').fill(team.owner.pin)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('signed-in')).toContainText('Olga Owner')
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  const oneLine = (await page.getByTestId('new-booking-button').boundingBox())!.height
  for (const name of ['Cambiar de persona', 'Desconectar']) {
    const button = (await page.getByRole('button', { name }).boundingBox())!
    expect(button.height, name).toBeLessThanOrEqual(oneLine + 1)
  }
  await expectAccessible(page, 'the day signed in, in Spanish')
})
