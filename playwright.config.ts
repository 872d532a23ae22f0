import { defineConfig } from '@playwright/test'

// Debian's Chromium: `npx playwright install` cannot download browsers on our machines.
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
