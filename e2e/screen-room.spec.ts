// The day screen at 1366×768, the desk PC's usual screen: the header is one row and the
// connection sits in the status strip, so the grid shows at least 500 px of the day (431 before),
// while what must never leave the screen (whether Cal.com is reached, changes waiting to sync,
// changes that need attention) stays in view, in English and in Spanish, online and offline.
import { expect, test, type Page } from '@playwright/test'
import { deskFetch } from '../test/support/temp-desk'
import { expectAccessible } from './axe'
import { startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'

let world: FrontDeskWorld
test.beforeAll(async () => {
  world = await startFrontDeskWorld({ calcomLink: true })
})
test.afterAll(() => world.close())

/** The grid's rows the receptionist sees: under the staff names, above the screen's edge. */
async function visibleGridHeight(page: Page): Promise<number> {
  const scroller = (await page.getByTestId('day-scroller').boundingBox())!
  const head = (await page.locator('.day-grid__head').boundingBox())!
  return Math.min(scroller.y + scroller.height, 768) - (head.y + head.height)
}

/** Each of the strip's must-see items is drawn whole inside the window. */
async function expectStatusInView(page: Page) {
  for (const id of ['status-strip', 'waiting-count', 'attention-count']) {
    const item = page.getByTestId(id)
    await expect(item).toBeVisible()
    const box = (await item.boundingBox())!
    expect(box.y, id).toBeGreaterThanOrEqual(0)
    expect(box.y + box.height, id).toBeLessThanOrEqual(768)
    expect(box.x + box.width, id).toBeLessThanOrEqual(1366)
  }
}

const WORDS = {
  'en-US': {
    online: 'Online',
    offline: 'Cal.com cannot be reached',
    connected: 'Cal.com account',
  },
  'es-ES': {
    online: 'En línea',
    offline: 'No se puede contactar con Cal.com',
    connected: 'Cuenta de Cal.com',
  },
} as const

for (const locale of ['en-US', 'es-ES'] as const) {
  test(`at 1366×768 (${locale}) the grid shows at least 500 px of the day, the status in view`, async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({ locale, viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    await page.goto(`${world.desk.url}/?token=${world.desk.token}`)
    await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
    await expect(page.getByTestId('day-scroller')).toBeVisible()
    const strip = page.getByTestId('status-strip')
    await expect(strip).toContainText(WORDS[locale].online)
    // The connection line (and its Disconnect) moved from the header into the strip.
    await expect(strip.getByTestId('connection')).toContainText(WORDS[locale].connected)
    await expect(strip.getByTestId('live-status')).toBeVisible()
    await expectStatusInView(page)
    expect(await visibleGridHeight(page)).toBeGreaterThanOrEqual(500)
    await expectAccessible(page, `the day at 1366×768 (${locale})`)
    await page.screenshot({ path: testInfo.outputPath(`day-${locale}-1366.png`) })
    await context.close()
  })
}

test('at 1366×768, offline: the banner and the status stay in view above a grid still 400 px tall', async ({
  browser,
}, testInfo) => {
  // A booking made with the link to Cal.com cut fails to send and waits: the desk is offline.
  const [start] = await world.freeSlots('haircut')
  const types = await world.get<{ id: number; slug: string }[]>('/api/event-types')
  world.link!.down()
  const booked = await deskFetch(world.desk, '/api/appointments', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      eventTypeId: types.find((t) => t.slug === 'haircut')!.id,
      start,
      attendee: { name: 'Olga Offline' },
    }),
  })
  expect(booked.ok).toBe(true)
  for (const locale of ['en-US', 'es-ES'] as const) {
    const context = await browser.newContext({ locale, viewport: { width: 1366, height: 768 } })
    const page = await context.newPage()
    await page.goto(`${world.desk.url}/?token=${world.desk.token}`)
    await expect(page.getByTestId('day-scroller')).toBeVisible()
    await expect(page.getByTestId('offline-banner')).toBeVisible()
    await expect(page.getByTestId('status-strip')).toContainText(WORDS[locale].offline)
    await expectStatusInView(page)
    expect(await visibleGridHeight(page)).toBeGreaterThanOrEqual(400)
    await page.screenshot({ path: testInfo.outputPath(`offline-${locale}-1366.png`) })
    await context.close()
  }
  world.link!.up()
})
