// Choosing a day the way a receptionist does with the mouse: the date field's calendar.
import { expect, type Page } from '@playwright/test'

/** Opens the calendar of a date field and clicks `date` (moving on a month when needed). */
export async function pickDay(page: Page, field: string, date: string) {
  const picker = page.getByTestId(field)
  await picker.getByRole('button', { name: 'Calendar' }).click()
  const calendar = page.getByTestId('calendar')
  await expect(calendar).toBeVisible()
  const label = new Intl.DateTimeFormat('en-US', {
    timeZone: 'UTC',
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    year: 'numeric',
  }).format(new Date(`${date}T00:00:00Z`))
  const day = calendar.getByRole('button', { name: new RegExp(label) })
  if ((await day.count()) === 0) await calendar.locator('button[slot="next"]').click()
  await day.click()
  await expect(calendar).toHaveCount(0)
}
