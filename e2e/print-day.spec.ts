// The printed day sheet, against the real sandbox, relay and headless desk on a seeded Tuesday:
// P on the day grid opens it, its Print button uses the browser's print, and the page rendered
// as print media to PDF — on A4 and on Letter, each its @page size — holds every appointment of
// the day on the page of its staff member, and nothing of the app around it. axe clean in both
// languages.
import { expect, test, type Page } from '@playwright/test'
import { getDocumentProxy } from 'unpdf'
import type { DayClients } from '../src/shared/api/clients'
import type { DayView } from '../src/shared/api/schemas'
import { deskFetch } from '../test/support/temp-desk'
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
test.beforeAll(async () => {
  world = await startFrontDeskWorld({ now: NOW })
})
test.afterAll(() => world.close())

/** PDF points of each paper, portrait. */
const PAPER_POINTS = { A4: [595, 842], Letter: [612, 792] } as const

interface PdfPage {
  width: number
  height: number
  /** The page's words with every space taken out: ligatures ("fi") come as items of their own. */
  text: string
}

const squeeze = (words: string) => words.replace(/\s+/g, '')

async function pdfPages(page: Page): Promise<PdfPage[]> {
  const bytes = await page.pdf({ preferCSSPageSize: true, printBackground: true })
  const pdf = await getDocumentProxy(new Uint8Array(bytes))
  const pages: PdfPage[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const p = await pdf.getPage(n)
    const [, , width, height] = p.view as [number, number, number, number]
    const content = await p.getTextContent()
    const text = squeeze(content.items.map((item) => ('str' in item ? item.str : '')).join(''))
    pages.push({ width: Math.round(width), height: Math.round(height), text })
  }
  return pages
}

/** Appointments that belong on the sheet: what is no longer on the day is left off. */
const onTheDay = (a: DayView['appointments'][number]) =>
  !['CANCELLED', 'REJECTED', 'RESCHEDULED'].includes(a.status)

test('the day sheet holds every appointment of the day on its staff member’s page, on A4 and Letter', async ({
  page,
}, testInfo) => {
  await page.clock.setFixedTime(new Date(NOW))
  const date = dayOf(NOW, world.account.timeZone)
  const day = await world.get<DayView>(`/api/appointments?date=${date}`)
  const booked = day.appointments.filter(onTheDay)
  expect(booked.length).toBeGreaterThan(2)
  const staffWithWork = day.staff.filter((s) => booked.some((a) => a.staffId === s.id))
  expect(staffWithWork.length).toBeGreaterThan(1)
  // A client alert, as the receptionist adds on the client card, goes on paper with the visit.
  const alertFor = booked.find((a) => a.staffId !== null)!
  const ofDay = await world.get<DayClients>(`/api/clients/of-day?date=${date}`)
  const clientId = ofDay.appointments.find((a) => a.uid === alertFor.uid)!.clientId!
  const ALERT = 'Allergic to latex'
  const added = await deskFetch(world.desk, `/api/clients/${clientId}/notes`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ kind: 'alert', text: ALERT }),
  })
  expect(added.status).toBe(200)

  // From the grid, by keyboard.
  await openDesk(page, world, `/day/${date}`)
  await expect(page.getByTestId('print-day')).toHaveAttribute('aria-keyshortcuts', 'P')
  await page.keyboard.press('p')
  await expect(page).toHaveURL(new RegExp(`#/print/${date}$`))
  const sheets = page.getByTestId('day-sheet')
  await expect(sheets).toHaveCount(day.staff.length + (booked.some((a) => !a.staffId) ? 1 : 0))
  await expect(page.getByTestId('sheet-row')).toHaveCount(booked.length)
  await expect(
    page
      .locator(`[data-testid="sheet-row"][data-uid="${alertFor.uid}"]`)
      .getByTestId('sheet-alert'),
  ).toHaveText(`Alert: ${ALERT}`)
  await expect(page.getByRole('button', { name: 'Print' })).toBeFocused()
  await expectAccessible(page, 'the day sheet')
  await page.screenshot({ path: testInfo.outputPath('day-sheet-screen.png'), fullPage: true })

  // The browser desk prints with the browser's own print.
  await page.evaluate(() => {
    const w = globalThis as unknown as { print(): void; printed?: number }
    w.print = () => {
      w.printed = (w.printed ?? 0) + 1
    }
  })
  await page.keyboard.press('Enter')
  await expect
    .poll(() => page.evaluate(() => (globalThis as unknown as { printed?: number }).printed))
    .toBe(1)

  for (const paper of ['A4', 'Letter'] as const) {
    // The paper is chosen on screen; the toolbar is not on paper.
    await page.emulateMedia({ media: 'screen' })
    await page.getByLabel('Paper').selectOption(paper)
    // The paper's stylesheet (its @page size) is in before the page is printed.
    await page.waitForFunction((name) => {
      const { document } = globalThis as unknown as {
        document: { styleSheets: ArrayLike<{ href: string | null }> }
      }
      return Array.from(document.styleSheets).some((s) => s.href?.endsWith(`page-${name}.css`))
    }, paper.toLowerCase())
    await page.emulateMedia({ media: 'print' })
    await expect(page.getByLabel('Paper')).toBeHidden()
    const pages = await pdfPages(page)
    for (const p of pages) expect([p.width, p.height], paper).toEqual([...PAPER_POINTS[paper]])
    // Only the sheets: no navigation, no status strip.
    for (const p of pages) {
      expect(p.text).not.toContain(squeeze('Needs attention'))
      expect(p.text).not.toContain(squeeze('waiting to sync'))
    }
    for (const staff of staffWithWork) {
      const theirs = pages.filter((p) => p.text.includes(squeeze(staff.name)))
      expect(theirs.length, `${paper}: a page for ${staff.name}`).toBeGreaterThan(0)
      const text = theirs.map((p) => p.text).join(' ')
      for (const a of booked.filter((b) => b.staffId === staff.id)) {
        expect(text, `${paper}: ${a.attendee.name} on ${staff.name}’s page`).toContain(
          squeeze(a.attendee.name),
        )
        expect(text).toContain(squeeze(a.eventType?.title ?? a.title))
      }
    }
    const alertStaff = staffWithWork.find((s) => s.id === alertFor.staffId)!
    expect(
      pages.some(
        (p) => p.text.includes(squeeze(alertStaff.name)) && p.text.includes(squeeze(ALERT)),
      ),
      `${paper}: the alert on ${alertStaff.name}’s page`,
    ).toBe(true)
    // Each staff member starts a page of their own.
    expect(pages.length).toBeGreaterThanOrEqual(day.staff.length)
    testInfo.attach(`day-sheet-${paper}.pdf`, {
      body: await page.pdf({ preferCSSPageSize: true }),
      contentType: 'application/pdf',
    })
  }
  await page.emulateMedia({ media: 'screen' })

  // Back to the day, and the sheet in Spanish.
  await page.getByRole('link', { name: 'Back to the day' }).click()
  await expect(page).toHaveURL(new RegExp(`#/day/${date}$`))
  await page.getByRole('link', { name: 'Settings' }).click()
  await page.getByLabel('Language').selectOption('es')
  await page.goto(`${world.desk.url}/#/print/${date}`)
  await expect(page.getByRole('button', { name: 'Imprimir' })).toBeVisible()
  await expect(page.getByTestId('day-sheet').first()).toContainText(/citas?|Sin citas/)
  await expectAccessible(page, 'the day sheet in Spanish')
})
