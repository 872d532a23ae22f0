// The Chromium the end-to-end tests drive. Playwright's own build where `npx playwright install`
// put it (developers' machines with internet); otherwise the system's, Debian's package (our CI
// machines cannot download browsers); CHROMIUM_PATH overrides both. With none of them there,
// the run stops with a message naming the fixes rather than a launch error about a missing file.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

export const SYSTEM_CHROMIUM = '/usr/bin/chromium'

export interface ChromiumCandidates {
  /** CHROMIUM_PATH, when set. */
  override?: string
  /** Where Playwright installs its own Chromium for this version. */
  playwrights: string
  system?: string
  exists?: (path: string) => boolean
}

export function chromiumExecutable({
  override,
  playwrights,
  system = SYSTEM_CHROMIUM,
  exists = existsSync,
}: ChromiumCandidates): string {
  if (override) {
    if (exists(override)) return override
    throw new Error(`CHROMIUM_PATH=${override} does not exist: point it at a Chromium binary.`)
  }
  for (const candidate of [playwrights, system]) if (exists(candidate)) return candidate
  throw new Error(
    `No Chromium for the end-to-end tests: neither Playwright's (${playwrights}) nor the ` +
      `system's (${system}) is installed. Install one: \`npx playwright install chromium\` ` +
      `(where its download host is reachable), or \`apt-get install chromium\` as root (Debian; ` +
      `scripts/setup-test-machine.sh does it), or set CHROMIUM_PATH to a Chromium binary.`,
  )
}

/** The choice for this machine. */
export function localChromium(): string {
  return chromiumExecutable({
    override: process.env.CHROMIUM_PATH || undefined,
    playwrights: chromium.executablePath(),
  })
}
