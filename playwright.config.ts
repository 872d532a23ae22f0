import { defineConfig } from '@playwright/test'
import { localChromium } from './e2e/chromium-executable'

// Playwright's own Chromium where it is installed, Debian's where it is not (our CI machines
// cannot download browsers); with neither, loading this config says how to get one.
export const chromiumLaunch = {
  executablePath: localChromium(),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
}

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 60_000,
  workers: 2,
  outputDir: 'test-results/e2e',
  use: {
    launchOptions: chromiumLaunch,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
})
