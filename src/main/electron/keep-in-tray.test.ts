// Closing the window hides it and the app keeps running; quitting closes it (electron's app and
// window are plain emitters here: the module only listens).
import { EventEmitter } from 'node:events'
import type { App, BrowserWindow } from 'electron'
import { describe, expect, it } from 'vitest'
import { keepInTrayOnClose } from './keep-in-tray'

class FakeWindow extends EventEmitter {
  hidden = false
  hide() {
    this.hidden = true
  }
}

const close = (window: FakeWindow) => {
  let prevented = false
  window.emit('close', { preventDefault: () => (prevented = true) })
  return prevented
}

describe('closing the window', () => {
  it('hides it into the tray until the app quits', () => {
    const app = new EventEmitter()
    const window = new FakeWindow()
    keepInTrayOnClose(app as unknown as App, window as unknown as BrowserWindow)
    expect(close(window)).toBe(true)
    expect(window.hidden).toBe(true)
    app.emit('before-quit')
    window.hidden = false
    expect(close(window)).toBe(false)
    expect(window.hidden).toBe(false)
  })
})
