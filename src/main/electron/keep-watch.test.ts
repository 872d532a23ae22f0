// The app keeping watch, against a real app of two branches (electron and electron-updater
// mocked): closing the window hides it into the tray, the tray follows every branch's state and
// names the worst, a desktop notification the core holds is shown as an OS notification once
// and its click opens the appointment.
import { EventEmitter } from 'node:events'
import pino from 'pino'
import type { BrowserWindow } from 'electron'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startTempBranchHost, type TempBranchHost } from '../../../test/support/temp-branch-host'
import { until } from '../../../test/support/until'
import type { BranchHost } from '../core/branches/branch-host'
import { refuseACancel } from '../core/branches/branches.test-support'

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

let host: BranchHost
let app: TempBranchHost
beforeAll(async () => {
  app = await startTempBranchHost()
  host = app.host
  await host.add('madrid', 'Madrid')
}, 60_000)
afterAll(async () => {
  await app.dispose()
})

describe('the app keeping watch', () => {
  it('hides into the tray, tells every branch, and shows a notification once, opening its appointment', async () => {
    const desk = host.primary
    const app = Object.assign(new EventEmitter(), {
      quit: () => undefined,
      getLocale: () => 'en-US',
      isPackaged: false,
      setLoginItemSettings: () => undefined,
    })
    const window = new FakeWindow()
    // A notification each branch's core kept while no one could show it (as the relay poll
    // leaves them).
    const keep = (b: { desk: typeof desk }, id: number, title: string, href: string) =>
      (
        b.desk.services as unknown as { settings: { set(key: string, value: string): void } }
      ).settings.set(
        'notify.desktop.pending',
        JSON.stringify([
          {
            id,
            title,
            body: 'Nina, haircut',
            href,
            count: 1,
            createdAt: '2026-12-08T15:00:00.000Z',
          },
        ]),
      )
    const madrid = host.branch('madrid')!
    keep({ desk }, 41, 'New booking at Toronto', '/appointment/bk_9')
    keep(madrid, 42, 'New booking at Madrid', '/appointment/bk_m')
    const stop = keepWatch({
      app: app as unknown as KeepWatchOptions['app'],
      desk,
      branches: host,
      window: window as unknown as BrowserWindow,
      appOrigin: 'http://127.0.0.1:5555',
      iconPath: '/icon.png',
      logger: pino({ level: 'silent' }),
    })

    let prevented = false
    window.emit('close', { preventDefault: () => (prevented = true) })
    expect(prevented).toBe(true)
    expect(window.visible).toBe(false)

    // Neither branch is connected yet: the first is named, the other counted.
    expect(FakeTray.last.tooltip).toBe(
      'Frontdesk — This branch: Not connected to Cal.com · 1 more branch to see',
    )
    // A change refused at the second branch, the one not on screen: the tray names it.
    refuseACancel(host.branch('madrid')!.desk)
    await until(
      'the tray tells of Madrid',
      () =>
        FakeTray.last.tooltip ===
        'Frontdesk — Madrid: Not connected to Cal.com · 1 needs attention · 1 more branch to see',
    )

    // Each branch's notification is shown once; a click opens its appointment at its branch.
    expect(shown.map((n) => n.options.title)).toEqual([
      'New booking at Toronto',
      'New booking at Madrid',
    ])
    expect(desk.services.desktopFeed.pending()).toEqual([])
    expect(desk.services.desktopFeed.markShown(41)).toBe(false)
    expect(madrid.desk.services.desktopFeed.markShown(42)).toBe(false)
    window.hide()
    shown[0]!.emit('click')
    expect(window.visible).toBe(true)
    shown[1]!.emit('click')
    expect(window.loaded).toEqual([
      'http://127.0.0.1:5555/?branch=main#/appointment/bk_9',
      'http://127.0.0.1:5555/?branch=madrid#/appointment/bk_m',
    ])

    // A branch added later is in the tray, and the app shows its notifications itself.
    await host.add('lisbon', 'Lisbon')
    await until('the tray counts Lisbon', () => FakeTray.last.tooltip.includes('2 more branches'))
    expect(host.branch('lisbon')!.desk.services.desktopFeed.shownByApp).toBe(true)
    stop()
  })
})
