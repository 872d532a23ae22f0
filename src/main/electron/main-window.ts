import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'

/**
 * The one window. The page gets no Node and no Electron: it runs sandboxed, in its own JS world,
 * and reaches the desk only through the local API (plus the tiny preload bridge).
 */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Frontdesk',
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    backgroundColor: '#f5f6f8',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  }
}

export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath))
  // Shown once painted, so the desk never flashes an empty white window.
  window.once('ready-to-show', () => window.show())
  return window
}

/** Brings the window to the front (used when someone starts Frontdesk a second time). */
export function focusWindow(window: BrowserWindow | null): void {
  if (!window || window.isDestroyed()) return
  if (window.isMinimized()) window.restore()
  window.show()
  window.focus()
}
