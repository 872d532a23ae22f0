// Runs sandboxed and context-isolated before the page: exposes `window.frontdesk` and nothing else.
import { contextBridge, ipcRenderer } from 'electron'
import { createDeskBridge } from './desk-bridge'

const bridge = createDeskBridge({
  sendSync: (channel) => ipcRenderer.sendSync(channel),
  invoke: (channel, ...args) => ipcRenderer.invoke(channel, ...args),
})

if ('error' in bridge) {
  // Without the bridge the page shows that it cannot reach the desk; the reason goes to the
  // window's console for whoever debugs it.
  console.error(`Frontdesk bridge unavailable: ${bridge.error}`)
} else {
  contextBridge.exposeInMainWorld('frontdesk', bridge)
}
