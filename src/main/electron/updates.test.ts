// Updates (electron-updater and electron's dialog mocked): downloaded in the background, a
// prompt to restart; "Later" leaves it to the quit or to quiet hours with no one at the desk.
import { EventEmitter } from 'node:events'
import pino from 'pino'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ConfigError, loadDeskConfig } from '../core/config/desk-config'

class FakeUpdater extends EventEmitter {
  autoDownload = false
  autoInstallOnAppQuit = false
  checks = 0
  installs: unknown[][] = []
  async checkForUpdates() {
    this.checks += 1
    return null
  }
  quitAndInstall(...args: unknown[]) {
    this.installs.push(args)
  }
}
const updater = new FakeUpdater()
const answers: number[] = []
const asked: { message: string; buttons: string[] }[] = []
vi.mock('electron-updater', () => ({ default: { autoUpdater: updater } }))
vi.mock('electron', () => ({
  dialog: {
    showMessageBox: async (o: { message: string; buttons: string[] }) => {
      asked.push(o)
      return { response: answers.shift() ?? 1 }
    },
  },
}))
const { keepUpdated, withoutInstallerFlags } = await import('./updates')

const logger = pino({ level: 'silent' })

beforeEach(() => {
  updater.removeAllListeners()
  updater.installs = []
  updater.checks = 0
  asked.length = 0
})

describe('updates', () => {
  it('downloads in the background and restarts at once when asked to', async () => {
    answers.push(0)
    const watch = keepUpdated({
      isPackaged: true,
      logger,
      locale: 'en-US',
      mayInstallNow: () => false,
    })
    expect(updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, checks: 1 })
    updater.emit('update-downloaded', { version: '1.2.0' })
    await vi.waitFor(() => expect(updater.installs).toEqual([[]]))
    expect(asked[0]).toMatchObject({
      message: 'Frontdesk 1.2.0 is ready',
      buttons: ['Restart now', 'Later'],
    })
    watch.stop()
  })

  it('after "Later", installs by itself only when the core says no one is at the desk', async () => {
    answers.push(1)
    let quiet = false
    const watch = keepUpdated({
      isPackaged: true,
      logger,
      locale: 'es-ES',
      mayInstallNow: () => quiet,
    })
    watch.tick()
    expect(updater.checks).toBe(2)
    updater.emit('update-downloaded', { version: '1.2.0' })
    await vi.waitFor(() => expect(asked).toHaveLength(1))
    expect(asked[0]!.buttons).toEqual(['Reiniciar ahora', 'Más tarde'])
    watch.tick()
    expect(updater.installs).toEqual([])
    quiet = true
    watch.tick()
    expect(updater.installs).toEqual([[true, true]])
    watch.stop()
  })

  it('does nothing in a development run', () => {
    keepUpdated({ isPackaged: false, logger, locale: 'en', mayInstallNow: () => true }).tick()
    expect(updater.checks).toBe(0)
  })
})

describe('starting again after an update', () => {
  it('takes the app started with the installer’s --updated, keeping its own options', () => {
    // Windows' installer starts the updated app with `--updated`; the desk refused it.
    expect(() => loadDeskConfig({}, ['--updated'])).toThrow(ConfigError)
    const config = loadDeskConfig({}, withoutInstallerFlags(['--updated', '--port', '5123']))
    expect(config.port).toBe(5123)
    expect(withoutInstallerFlags(['--log-level', 'warn'])).toEqual(['--log-level', 'warn'])
  })
})
