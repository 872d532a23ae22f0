// Frontdesk in the tray while its window is closed (DESIGN.md §8): the tooltip and the menu's first
// line say online or offline and how many changes wait to sync or need attention, naming the
// worst branch of an app holding several, and the menu has a line per branch; Open brings the
// window back, Quit ends the app. The words and state come from the core (notify/tray-status.ts).
import { Menu, Tray, nativeImage } from 'electron'
import type { TrayWords } from '../core/notify/tray-status'

export interface DeskTray {
  show(words: TrayWords): void
  destroy(): void
}

export function createDeskTray(
  iconPath: string,
  actions: { open(): void; quit(): void },
): DeskTray {
  const tray = new Tray(nativeImage.createFromPath(iconPath))
  tray.on('click', () => actions.open())
  return {
    show(words) {
      tray.setToolTip(words.tooltip)
      tray.setContextMenu(
        Menu.buildFromTemplate([
          { label: words.status, enabled: false },
          ...(words.branches.length > 0
            ? [
                { type: 'separator' as const },
                ...words.branches.map((label) => ({ label, enabled: false })),
              ]
            : []),
          { type: 'separator' },
          { label: words.open, click: () => actions.open() },
          { label: words.quit, click: () => actions.quit() },
        ]),
      )
    },
    destroy: () => tray.destroy(),
  }
}
