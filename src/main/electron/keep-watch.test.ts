// The app keeping watch, against a real desk (electron and electron-updater mocked): closing the
// window hides it into the tray, the tray follows the desk's queue, a desktop notification the
// core holds is shown as an OS notification once and its click opens the appointment.
import { EventEmitter } from 'node:events'
import pino from 'pino'
import type { BrowserWindow } from 'electron'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTempDesk, type TempDesk } from '../../../test/support/temp-desk'

class FakeTray extends EventEmitter {
  static last: FakeTray
  tooltip = ''
  constructor() {
    super()
    FakeTray.last = this
  }
  setToolTip(text: string) {
    this.tooltip = text
  }
  setContextMenu() {}
  destroy() {}
}
const shown: FakeNotification[] = []
class FakeNotification extends EventEmitter {
  static isSupported = () => true
  constructor(readonly options: { title: string }) {
    super()
  }
  show() {
    shown.push(this)
  }
}
vi.mock('electron', () => ({
  Tray: FakeTray,
  Menu: { buildFromTemplate: (items: unknown[]) => items },
  nativeImage: { createFromPath: () => ({}) },
  Notification: FakeNotification,
  dialog: { showMessageBox: async () => ({ response: 1 }) },
}))
vi.mock('electron-updater', () => ({ default: { autoUpdater: new EventEmitter() } }))
const { keepWatch } = await import('./keep-watch')
type KeepWatchOptions = import('./keep-watch').KeepWatchOptions

class FakeWindow extends EventEmitter {
  visible = true
  loaded: string[] = []
  isDestroyed = () => false
  isMinimized = () => false
  restore() {}
  hide() {
    this.visible = false
  }
  show() {
    this.visible = true
  }
  focus() {}
  async loadURL(url: string) {
    this.loaded.push(url)
  }
}

let desk: TempDesk
beforeAll(async () => {
  desk = await startTempDesk()
})
afterAll(() => desk.dispose())

describe('the app keeping watch', () => {
  it('hides into the tray, tells the queue, and shows a notification once, opening its appointment', () => {
    const app = Object.assign(new EventEmitter(), {
      quit: () => undefined,
      getLocale: () => 'en-US',
      isPackaged: false,
      setLoginItemSettings: () => undefined,
    })
    const window = new FakeWindow()
    // A notification the core kept while no one could show it (as the relay poll leaves them).
    const { settings } = desk.services as unknown as {
      settings: { set(key: string, value: string): void }
    }
    settings.set(
      'notify.desktop.pending',
      JSON.stringify([
        {
          id: 41,
          title: 'New booking at Toronto',
          body: 'Nina, haircut',
          href: '/appointment/bk_9',
          count: 1,
          createdAt: '2026-12-08T15:00:00.000Z',
        },
      ]),
    )
    const stop = keepWatch({
      app: app as unknown as KeepWatchOptions['app'],
      desk,
      window: window as unknown as BrowserWindow,
      appOrigin: 'http://127.0.0.1:5555',
      iconPath: '/icon.png',
      logger: pino({ level: 'silent' }),
    })

    let prevented = false
    window.emit('close', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
    expect(window.visible).toBe(false)

    expect(FakeTray.last.tooltip).toBe('Frontdesk — Not connected to Cal.com')

    expect(shown.map((n) => n.options.title)).toEqual(['New booking at Toronto'])
    expect(desk.services.desktopFeed.pending()).toEqual([])
    expect(desk.services.desktopFeed.markShown(41)).toBe(false)
    shown[0]!.emit('click')
    expect(window.visible).toBe(true)
    expect(window.loaded).toEqual(['http://127.0.0.1:5555/#/appointment/bk_9'])
    stop()
  })
})
