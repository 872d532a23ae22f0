// The tray (electron mocked: Tray, Menu, nativeImage): its tooltip and menu say what the core
// says, a line per branch in an app of several, and Open and Quit do what they say.
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'

interface Item {
  label?: string
  enabled?: boolean
  type?: string
  click?: () => void
}
class FakeTray extends EventEmitter {
  static last: FakeTray
  tooltip = ''
  menu: Item[] = []
  destroyed = false
  constructor(readonly icon: unknown) {
    super()
    FakeTray.last = this
  }
  setToolTip(text: string) {
    this.tooltip = text
  }
  setContextMenu(menu: Item[]) {
    this.menu = menu
  }
  destroy() {
    this.destroyed = true
  }
}
vi.mock('electron', () => ({
  Tray: FakeTray,
  Menu: { buildFromTemplate: (items: Item[]) => items },
  nativeImage: { createFromPath: (path: string) => ({ path }) },
}))
const { createDeskTray } = await import('./tray')
const { trayWords } = await import('../core/notify/tray-status')

describe('the tray', () => {
  it('says online or offline and what waits, and opens or quits from its menu', () => {
    const done: string[] = []
    const tray = createDeskTray('/icon.png', {
      open: () => done.push('open'),
      quit: () => done.push('quit'),
    })
    tray.show(trayWords([{ name: 'Toronto', reach: 'offline', waiting: 2, attention: 0 }], 'en'))
    const fake = FakeTray.last
    expect(fake.tooltip).toBe(
      'Frontdesk — Online bookings are not arriving · 2 changes waiting to sync',
    )
    expect(fake.menu.map((i) => i.label ?? i.type)).toEqual([
      'Online bookings are not arriving · 2 changes waiting to sync',
      'separator',
      'Open Frontdesk',
      'Quit Frontdesk',
    ])
    fake.menu[2]!.click!()
    fake.menu[3]!.click!()
    fake.emit('click')
    expect(done).toEqual(['open', 'quit', 'open'])
    tray.show(trayWords([{ name: 'Toronto', reach: 'online', waiting: 0, attention: 0 }], 'en'))
    expect(fake.tooltip).toBe('Frontdesk — Online')

    // An app of two branches: the worst named first, then a line per branch, then the actions.
    tray.show(
      trayWords(
        [
          { name: 'Toronto', reach: 'online', waiting: 0, attention: 0 },
          { name: 'Berlin', reach: 'online', waiting: 1, attention: 1 },
        ],
        'en',
      ),
    )
    expect(fake.tooltip).toBe(
      'Frontdesk — Berlin: Online · 1 needs attention · 1 change waiting to sync',
    )
    expect(fake.menu.map((i) => [i.label ?? i.type, i.enabled])).toEqual([
      ['Berlin: Online · 1 needs attention · 1 change waiting to sync', false],
      ['separator', undefined],
      ['Toronto: Online', false],
      ['Berlin: Online · 1 needs attention · 1 change waiting to sync', false],
      ['separator', undefined],
      ['Open Frontdesk', undefined],
      ['Quit Frontdesk', undefined],
    ])
    fake.menu[5]!.click!()
    expect(done).toEqual(['open', 'quit', 'open', 'open'])
    tray.destroy()
    expect(fake.destroyed).toBe(true)
  })
})
