// Start at login (DESIGN.md §8), a setting the core keeps (on by default for a reception PC):
// the OS is told on start and on every change.
import type { App } from 'electron'
import type { StartAtLoginApplier } from '../core/settings/computer-settings'

export function startAtLoginApplier(
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged'>,
): StartAtLoginApplier {
  return (startAtLogin) => {
    // A development run would register the bare Electron binary: only installed apps do.
    if (!app.isPackaged) return
    app.setLoginItemSettings({ openAtLogin: startAtLogin })
  }
}
