// Notifications at the desk, in Chromium against the sandbox, the relay and the headless desk:
// the owner changes a rule and the preview of who gets what follows; an admin proposes, the owner
// reads the diff and approves with the PIN (a wrong one refused); a real sandbox booking becomes a
// browser notification on the owner's computer, and its click opens the appointment. axe on each
// screen, in English and Spanish.
import { expect, test, type Page } from '@playwright/test'
import type { RulesView } from '../src/shared/api/notifications'
import {
  atOnce,
  setUpTeam,
  signInAt,
  type NotifyTeam,
} from '../src/main/core/notify/notify.test-support'
import { deskFetch } from '../test/support/temp-desk'
import { expectAccessible } from './axe'
import { startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

let world: FrontDeskWorld
let team: NotifyTeam
test.beforeAll(async () => {
  world = await startFrontDeskWorld()
  team = await setUpTeam(world.desk)
  await deskFetch(world.desk, '/api/session', { method: 'DELETE' })
})
test.afterAll(() => world.close())

/** Opens the desk at `hash` with no one signed in, and signs `name` in there. */
async function openAs(page: Page, hash: string, name: string, pin: string) {
  await deskFetch(world.desk, '/api/session', { method: 'DELETE' })
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${world.desk.url}/?token=${world.desk.token}#${hash}`)
  await signIn(page, name, pin)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
}

async function signIn(page: Page, name: string, pin: string) {
  await page.getByRole('button', { name: new RegExp(name) }).click()
  await page.getByTestId('pin').fill(pin)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('signed-in')).toContainText(name)
}

async function switchTo(page: Page, name: string, pin: string) {
  await page.getByRole('button', { name: /Switch person|Cambiar de persona/ }).click()
  await signIn(page, name, pin)
}

async function rulesAtRelay(): Promise<RulesView> {
  const res = await deskFetch(world.desk, '/api/notifications/rules')
  expect(res.status).toBe(200)
  return (await res.json()) as RulesView
}

test('the owner turns a kind on and the preview of who gets what follows', async ({ page }) => {
  await openAs(page, '/team', 'Olga Owner', team.owner.pin)
  await page.getByTestId('notifications-link').click()
  await expect(page.getByRole('heading', { name: 'Notifications' })).toBeVisible()
  await expect(page.getByTestId('email-off')).toBeVisible()

  const paid = page.getByTestId('rule-booking.paid')
  const preview = page.getByTestId('preview-booking.paid')
  await expect(preview).toHaveText(/Nobody hears of this/)
  await paid.getByLabel('Notify', { exact: true }).check()
  await expect(preview.getByTestId('preview-line')).toHaveText(['Olga Owner: on the computer'])
  await paid.getByLabel('By email').check()
  await expect(preview.getByTestId('preview-line')).toHaveText([
    'Olga Owner: on the computer; no email: email is off',
  ])
  await paid.getByLabel('Ada Admin').check()
  await expect(preview.getByTestId('preview-line')).toHaveText([
    'Olga Owner: on the computer; no email: email is off',
    'Ada Admin: on the computer; no email: email is off',
  ])
  await expectAccessible(page, 'the notification rules')
  await page.screenshot({ path: test.info().outputPath('notify-rules.png'), fullPage: false })

  await page.getByLabel('Your PIN').fill(team.owner.pin)
  await page.getByRole('button', { name: 'Save the rules' }).click()
  await expect(page.getByTestId('save-status')).toHaveText('Saved. The new rules apply now.')
  const saved = await rulesAtRelay()
  expect(saved.rules.kinds['booking.paid']).toMatchObject({
    enabled: true,
    channels: ['desktop', 'email'],
    recipients: { roles: ['owner'], people: [team.admin.id] },
  })
})

test('an admin proposes, the owner reads the change and approves it with the PIN', async ({
  page,
}) => {
  await openAs(page, '/notifications', 'Ada Admin', team.admin.pin)
  const noShow = page.getByTestId('rule-booking.no_show')
  await noShow.getByLabel('By email').uncheck()
  await expect(page.getByTestId('preview-booking.no_show').getByTestId('preview-line')).toHaveText([
    'Olga Owner: on the computer',
  ])
  await page.getByLabel('Why (the owner reads this)').fill('Too many emails at night')
  await page.getByLabel('Your PIN').fill(team.admin.pin)
  await page.getByRole('button', { name: 'Propose to the owner' }).click()
  await expect(page.getByTestId('save-status')).toHaveText(
    'Sent to the owner. The rules change when the owner approves.',
  )
  expect((await rulesAtRelay()).rules.kinds['booking.no_show'].channels).toEqual([
    'desktop',
    'email',
  ])

  await switchTo(page, 'Olga Owner', team.owner.pin)
  await page.goto(`${world.desk.url}/?token=${world.desk.token}#/notifications/proposals`)
  const proposal = page.locator('[data-testid="proposal"][data-state="pending"]')
  await expect(proposal).toContainText('Proposed by Ada Admin')
  await expect(proposal).toContainText('Why: Too many emails at night')
  await expect(proposal.getByTestId('proposal-changes')).toHaveText(
    'No-show — how: on the computer, by email → on the computer',
  )
  await expectAccessible(page, 'the proposals')

  await proposal.getByRole('button', { name: 'Approve' }).click()
  const dialog = page.getByTestId('decide-approve')
  await expect(dialog.getByLabel('Your PIN, Olga Owner')).toBeFocused()
  await page.keyboard.type('0000')
  await page.keyboard.press('Enter')
  await expect(dialog.getByRole('alert')).toHaveText(
    'Your PIN was not accepted. Type your own PIN, the one you sign in with.',
  )
  await expectAccessible(page, 'the approval dialog')
  await expect(dialog.getByLabel('Your PIN, Olga Owner')).toBeFocused()
  await page.keyboard.type(team.owner.pin)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('decided')).toHaveText('Approved: the new rules apply now.')
  await expect(page.locator('[data-testid="proposal"][data-state="approved"]')).toContainText(
    'Approved by Olga Owner',
  )
  expect((await rulesAtRelay()).rules.kinds['booking.no_show'].channels).toEqual(['desktop'])
})

test('a booking becomes a browser notification on the owner’s computer; its click opens it', async ({
  page,
  context,
}) => {
  // Quick rules for this test: no bursts, no quiet hours, so the booking is told at once.
  await signInAt(world.desk, team.owner)
  const current = await rulesAtRelay()
  const put = await deskFetch(world.desk, '/api/notifications/rules', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      pin: team.owner.pin,
      baseVersion: current.version,
      rules: atOnce(current.rules),
    }),
  })
  expect(put.status).toBe(200)
  await deskFetch(world.desk, '/api/session', { method: 'DELETE' })

  await context.grantPermissions(['notifications'])
  await context.addInitScript(() => {
    interface Shown {
      title: string
      body: string
      note: { onclick: ((event: unknown) => void) | null }
    }
    type NotificationClass = new (title: string, options?: { body?: string }) => Shown['note']
    const page = globalThis as unknown as { Notification: NotificationClass; shown: Shown[] }
    const Real = page.Notification
    page.shown = []
    page.Notification = class extends Real {
      constructor(title: string, options?: { body?: string }) {
        super(title, options)
        page.shown.push({ title, body: options?.body ?? '', note: this })
      }
    } as NotificationClass
  })
  await openAs(page, '/settings', 'Olga Owner', team.owner.pin)
  const section = page.getByTestId('this-computer')
  await expect(section.getByTestId('notify-me-state')).toHaveText(
    'Off: Olga Owner is not notified on this computer.',
  )
  await expect(section.getByTestId('start-at-login')).toBeChecked()
  await section.getByLabel('Your PIN, to change this').fill(team.owner.pin)
  await section.getByRole('button', { name: 'Turn on' }).click()
  await expect(section.getByTestId('notify-me-state')).toHaveText(
    'On: Olga Owner is notified on this computer.',
  )
  await expectAccessible(page, 'settings with this computer')

  const start = (await world.freeSlots('haircut'))[0]!
  const { uid } = await world.publicBooking({ eventSlug: 'haircut', start, name: 'Nora Notified' })
  const shown = () =>
    page.evaluate(() => {
      const p = globalThis as unknown as { shown: { title: string; body: string }[] }
      return p.shown.map((s) => ({ title: s.title, body: s.body }))
    })
  await expect.poll(async () => (await shown()).length, { timeout: 30_000 }).toBe(1)
  expect((await shown())[0]!.body).toContain('Nora Notified')

  await page.evaluate(() => {
    const p = globalThis as unknown as {
      shown: { note: { onclick: ((event: unknown) => void) | null } }[]
    }
    p.shown[0]!.note.onclick?.({ type: 'click' })
  })
  const drawer = page.getByTestId('appointment-drawer')
  await expect(drawer).toBeVisible()
  await expect(drawer).toContainText('Nora Notified')
  await expect(page).toHaveURL(new RegExp(`#/day/\\d{4}-\\d{2}-\\d{2}/appointment/${uid}$`))

  // Shown once on this computer: a reload finds nothing left to show.
  await page.reload()
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
  const pending = await (await deskFetch(world.desk, '/api/notifications/desktop/pending')).json()
  expect(pending).toMatchObject({ notifications: [] })
  expect(await shown()).toEqual([])
})

test('the notification screens in Spanish', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'es-ES' })
  const page = await context.newPage()
  await openAs(page, '/notifications', 'Olga Owner', team.owner.pin)
  await expect(page.getByRole('heading', { name: 'Avisos' })).toBeVisible()
  await expect(page.getByTestId('rule-booking.requested')).toContainText('Cita por confirmar')
  await expectAccessible(page, 'the rules in Spanish')
  await page.screenshot({ path: test.info().outputPath('notify-rules-es.png') })
  await page.getByRole('link', { name: /Cambios por aprobar/ }).click()
  await expect(page.locator('[data-testid="proposal"]').first()).toContainText('Propuesto por')
  await expect(page.getByTestId('proposal-changes').first()).toContainText('No se presentó — cómo')
  await expectAccessible(page, 'the proposals in Spanish')
  await page.screenshot({ path: test.info().outputPath('notify-proposals-es.png') })
  await page.getByRole('link', { name: 'Historial' }).click()
  await expect(page.getByTestId('history-entry').first()).toBeVisible()
  await expect(page.getByTestId('notification-history')).toContainText('Enviado')
  await expectAccessible(page, 'the history in Spanish')
  await page.screenshot({ path: test.info().outputPath('notify-history-es.png') })
  await page.goto(`${world.desk.url}/?token=${world.desk.token}#/settings`)
  await expect(page.getByTestId('this-computer')).toContainText('Avisarme en este ordenador')
  await expectAccessible(page, 'settings in Spanish')
  await context.close()
})
