// Closing the window leaves Frontdesk running in the tray (DESIGN.md §8): it keeps syncing and
// notifying. Only Quit (the tray's, the app menu's, or the OS logging out) really ends it.
import type { App, BrowserWindow } from 'electron'

export interface QuitState {
  quitting: boolean
}

/** Hides instead of closing until the app is quitting; returns the flag `before-quit` sets. */
export function keepInTrayOnClose(app: Pick<App, 'on'>, window: BrowserWindow): QuitState {
  const state: QuitState = { quitting: false }
  app.on('before-quit', () => {
    state.quitting = true
  })
  window.on('close', (event) => {
    if (state.quitting) return
    event.preventDefault()
    window.hide()
  })
  return state
}
