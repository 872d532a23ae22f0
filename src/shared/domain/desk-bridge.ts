import type { PaperSize, PrintValue, UpdateState } from './desk-ipc'

/**
 * What the Electron preload exposes to the renderer as `window.frontdesk`.
 * The headless desk has no preload: the renderer then reads the token from its URL.
 */
export interface DeskBridge {
  /** Base URL of the local API, e.g. http://127.0.0.1:41234 */
  readonly apiBaseUrl: string
  /** Session token for the local API (Authorization: Bearer …). */
  readonly sessionToken: string
  /** Open an https URL in the system browser (never inside the app). */
  openExternal(url: string): Promise<void>
  /** The app's version, for the about line. */
  readonly appVersion: string
  /** Print this page through the system's print dialog, starting on this paper. */
  print(paper: PaperSize): Promise<PrintValue>
  /** Where the app's update check stands. */
  updateState(): Promise<UpdateState>
}
