// Which Chromium the end-to-end tests drive: Playwright's own where `npx playwright install` put
// it, else Debian's, else a message that says how to get one (instead of Playwright's
// "Executable doesn't exist" for a path nobody chose).
import { describe, expect, it } from 'vitest'
import { chromiumExecutable } from '../e2e/chromium-executable'

const PLAYWRIGHTS = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome'
const SYSTEM = '/usr/bin/chromium'
const on =
  (...present: string[]) =>
  (path: string) =>
    present.includes(path)

describe('the Chromium of the end-to-end tests', () => {
  it("is Playwright's own where it is installed", () => {
    const exists = on(PLAYWRIGHTS, SYSTEM)
    expect(chromiumExecutable({ playwrights: PLAYWRIGHTS, exists })).toBe(PLAYWRIGHTS)
  })

  it("is the system's where Playwright's is not installed", () => {
    expect(chromiumExecutable({ playwrights: PLAYWRIGHTS, exists: on(SYSTEM) })).toBe(SYSTEM)
  })

  it('is the one CHROMIUM_PATH names, and a wrong name says so', () => {
    const exists = on(PLAYWRIGHTS, '/opt/chromium/chrome')
    const override = '/opt/chromium/chrome'
    expect(chromiumExecutable({ override, playwrights: PLAYWRIGHTS, exists })).toBe(override)
    expect(() =>
      chromiumExecutable({ override: '/opt/nothing', playwrights: PLAYWRIGHTS, exists }),
    ).toThrow(/CHROMIUM_PATH=\/opt\/nothing.*does not exist/)
  })

  it('names the fixes when there is neither', () => {
    const attempt = () => chromiumExecutable({ playwrights: PLAYWRIGHTS, exists: on() })
    expect(attempt).toThrow(/npx playwright install chromium/)
    expect(attempt).toThrow(/apt-get install chromium/)
    expect(attempt).toThrow(/CHROMIUM_PATH/)
  })
})
