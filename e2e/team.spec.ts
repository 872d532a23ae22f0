// The business across two branches from the desks' own screens, in Chromium, against one relay
// and the sandbox's two accounts: the owner sets the business up at the Toronto desk and makes a
// join code; the Berlin desk joins with it; there the owner adds a receptionist, who signs in and
// checks a client in, and the appointment's history names her. Then the owner edits people and
// an admin sees only what an admin may change. axe on each screen and dialog.
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './axe'
import { dayOf, startFrontDeskWorld, type FrontDeskWorld } from './front-desk-world'
import type { TempDesk } from '../test/support/temp-desk'

let world: FrontDeskWorld
test.describe.configure({ mode: 'serial' })
test.beforeAll(async () => {
  world = await startFrontDeskWorld()
})
test.afterAll(() => world.close())

const OWNER_PIN = '4321'

async function open(page: Page, desk: TempDesk, hash: string) {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${desk.url}/?token=${desk.token}#${hash}`)
}

async function signIn(page: Page, name: string, pin: string) {
  await expect(page.getByRole('heading', { name: 'Who is at the desk?' })).toBeVisible()
  await page.getByRole('button', { name: new RegExp(name) }).click()
  await page.getByLabel(`PIN for ${name}`).fill(pin)
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('signed-in')).toContainText(name)
}

/** Fills a team dialog's own PIN and submits it; the dialog closes when the relay agreed. */
async function confirmWithPin(page: Page, testId: string, submit: string, pin = OWNER_PIN) {
  const dialog = page.getByTestId(testId)
  await dialog.getByLabel('Your own PIN').fill(pin)
  await dialog.getByRole('button', { name: submit, exact: true }).click()
  await expect(dialog).toHaveCount(0)
}

test('set up at one desk, joined by a second branch with a code, whose receptionist checks a client in', async ({
  page: toronto,
  browser,
}) => {
  // Two desks, two browsers and a dozen PIN-guarded steps: a minute is tight on a busy 2-core CI.
  test.setTimeout(120_000)
  await open(toronto, world.desk, '/team')
  await expect(toronto.getByRole('heading', { name: 'Set up your business' })).toBeVisible()
  await expectAccessible(toronto, 'the team screen before a business exists')
  await toronto.getByLabel('Business name').fill('Maple & Vine')
  await toronto.getByLabel('Your name (the owner)').fill('Olga Owner')
  await toronto.getByLabel('Email').fill('olga@example.com')
  await toronto.getByLabel('Your PIN (4 to 12 digits)').fill(OWNER_PIN)
  await toronto.getByRole('button', { name: 'Set up the business' }).click()
  await signIn(toronto, 'Olga Owner', OWNER_PIN)

  await toronto.getByRole('link', { name: 'Team' }).click()
  await toronto.getByRole('button', { name: 'Make a join code' }).click()
  await confirmWithPin(toronto, 'join-code-dialog', 'Make a join code')
  const code = (await toronto.getByTestId('join-code').locator('strong').textContent())!.trim()
  expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)

  // The owner names this branch from the keyboard; the Team screen calls it so from then on.
  const branches = toronto.getByRole('list', { name: 'Branches' })
  await branches.getByRole('button', { name: /^Rename / }).focus()
  await toronto.keyboard.press('Enter')
  const rename = toronto.getByTestId('rename-branch-dialog')
  await expect(rename.getByLabel('Branch name')).toBeFocused()
  await expectAccessible(toronto, 'the rename branch dialog')
  await toronto.keyboard.type('Queen St W')
  await confirmWithPin(toronto, 'rename-branch-dialog', 'Save the name')
  await expect(branches).toContainText('Queen St W')

  // The Berlin desk, another Cal.com account on the same relay, joins with the code.
  const berlinBranch = await world.otherBranchDesk()
  // Another PC: its own browser context.
  const berlinPc = await browser.newContext()
  const berlin = await berlinPc.newPage()
  await open(berlin, berlinBranch.desk, '/team')
  await berlin.getByLabel('Join code').fill('AAAA-BBBB-CCCC-DDDD')
  await berlin.getByRole('button', { name: 'Join', exact: true }).click()
  await expect(berlin.getByRole('alert')).toContainText('This join code does not work')
  await berlin.getByLabel('Join code').fill(code)
  await berlin.getByRole('button', { name: 'Join', exact: true }).click()
  // The owner's PIN, set at the other desk, signs her in here.
  await signIn(berlin, 'Olga Owner', OWNER_PIN)

  await berlin.getByRole('link', { name: 'Team' }).click()
  await berlin.getByRole('button', { name: 'Add a person' }).click()
  const add = berlin.getByTestId('add-person')
  await add.getByLabel('Name').fill('Rita Reception')
  await add.getByLabel('Email').fill('rita@example.com')
  await add.getByLabel('Their PIN (4 to 12 digits)').fill('5555')
  // Added at the Berlin desk, she works at Berlin unless the owner says otherwise.
  await expect(
    add.getByRole('checkbox', { name: /Maple & Vine Berlin \(this desk\)/ }),
  ).toBeChecked()
  await expectAccessible(berlin, 'the add-a-person dialog')
  await confirmWithPin(berlin, 'add-person', 'Add')
  const rita = berlin.getByTestId('team-member').filter({ hasText: 'Rita Reception' })
  await expect(rita).toContainText('Receptionist')
  await expect(rita).toContainText('works at Maple & Vine Berlin (this desk)')
  const added = berlin.getByTestId('audit-entry').filter({ hasText: 'Added Rita Reception' })
  await expect(added).toContainText('Olga Owner')
  await expect(added).toContainText('at Frontdesk on')
  await expectAccessible(berlin, 'the team screen')

  await berlin.getByRole('button', { name: 'Switch person' }).click()
  await signIn(berlin, 'Rita Reception', '5555')
  await expect(berlin.getByRole('link', { name: 'Team' })).toHaveCount(0)
  const start = (await world.freeSlots('haircut', 7, berlinBranch.account))[0]!
  const { uid } = await world.publicBooking({
    eventSlug: 'haircut',
    start,
    name: 'Nina Named',
    account: berlinBranch.account,
  })
  await world.appointmentAtDesk(uid, berlinBranch.desk)
  await open(
    berlin,
    berlinBranch.desk,
    `/day/${dayOf(start, berlinBranch.account.timeZone)}/appointment/${uid}`,
  )
  const drawer = berlin.getByTestId('appointment-drawer')
  await drawer.getByRole('button', { name: 'Check in' }).click()
  await expect(drawer.getByTestId('drawer-visit')).toContainText('Arrived')
  await expect(drawer.getByTestId('history')).toContainText('Rita Reception')
  await berlinPc.close()
  // The Toronto desk keeps its session until someone signs out.
  await toronto.getByRole('button', { name: 'Switch person' }).click()
  await expect(toronto.getByRole('heading', { name: 'Who is at the desk?' })).toBeVisible()
})

test('the owner edits, resets and deactivates people; an admin may change only the receptionists of their branches', async ({
  page,
}) => {
  await open(page, world.desk, '/team')
  await signIn(page, 'Olga Owner', OWNER_PIN)
  await page.getByRole('link', { name: 'Team' }).click()

  for (const [name, role, pin] of [
    ['Ada Admin', 'Admin', '7777'],
    ['Tom Temp', 'Receptionist', '1212'],
  ] as const) {
    await page.getByRole('button', { name: 'Add a person' }).click()
    const add = page.getByTestId('add-person')
    await add.getByLabel('Name').fill(name)
    await add.getByLabel('Email').fill(`${name.split(' ')[0]!.toLowerCase()}@example.com`)
    await add.getByLabel('Role').selectOption({ label: role })
    await add.getByLabel('Their PIN (4 to 12 digits)').fill(pin)
    // The PIN typed for the last change on this screen is offered again.
    if (name === 'Ada Admin') await add.getByLabel('Your own PIN').fill(OWNER_PIN)
    else await expect(add.getByLabel('Your own PIN')).toHaveValue(OWNER_PIN)
    await add.getByRole('button', { name: 'Add', exact: true }).click()
    await expect(add).toHaveCount(0)
  }

  // Edit Tom: a new name and Spanish, by keyboard.
  await page.getByRole('button', { name: 'Edit: Tom Temp' }).click()
  const edit = page.getByTestId('edit-person')
  await expect(edit.getByLabel('Name')).toBeFocused()
  await edit.getByLabel('Name').fill('Tomás Temp')
  await edit.getByLabel('Language').selectOption('es')
  await expectAccessible(page, 'the edit dialog')
  await page.keyboard.press('Enter')
  await expect(edit).toHaveCount(0)
  const tomas = page.getByTestId('team-member').filter({ hasText: 'Tomás Temp' })
  await expect(tomas).toBeVisible()

  await page.getByRole('button', { name: 'Reset PIN: Tomás Temp' }).click()
  await page.getByTestId('reset-pin').getByLabel('Their PIN (4 to 12 digits)').fill('3434')
  await confirmWithPin(page, 'reset-pin', 'Reset PIN')
  await expect(
    page.getByTestId('audit-entry').filter({ hasText: 'Reset the PIN of Tomás Temp' }),
  ).toContainText('Olga Owner')

  // A wrong PIN of her own: refused in words, and nothing changes.
  await page.getByRole('button', { name: 'Deactivate: Tomás Temp' }).click()
  const deactivate = page.getByTestId('person-active')
  await deactivate.getByLabel('Your own PIN').fill('0000')
  await deactivate.getByRole('button', { name: 'Deactivate', exact: true }).click()
  await expect(deactivate.getByRole('alert')).toContainText('Your PIN was not accepted')
  await confirmWithPin(page, 'person-active', 'Deactivate')
  await expect(tomas).toContainText('inactive')
  await expect(page.getByRole('button', { name: 'Reactivate: Tomás Temp' })).toBeVisible()

  // Ada, an admin at Toronto, sees the team but may change only Toronto's receptionists: Tomás,
  // not Rita (Berlin), not the owner, not herself as admin.
  await page.getByRole('button', { name: 'Switch person' }).click()
  await signIn(page, 'Ada Admin', '7777')
  await page.getByRole('link', { name: 'Team' }).click()
  await expect(page.getByRole('heading', { name: 'Receptionists of your branches' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Reactivate: Tomás Temp' })).toBeVisible()
  for (const name of ['Rita Reception', 'Olga Owner', 'Ada Admin'])
    await expect(page.getByRole('button', { name: `Edit: ${name}` })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Make a join code' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Add a person' }).click()
  await expect(page.getByTestId('add-person').getByLabel('Role')).toBeDisabled()
  await expectAccessible(page, 'the team screen as an admin')
})
