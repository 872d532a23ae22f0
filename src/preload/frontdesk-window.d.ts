import type { DeskBridge } from '../shared/domain/desk-bridge'

declare global {
  interface Window {
    /** Present in the Electron app (set by the preload); absent in a browser on the headless desk. */
    readonly frontdesk?: DeskBridge
  }
}
