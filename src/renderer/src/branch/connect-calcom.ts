import type { ApiClient } from '../api/api-client'

/**
 * What the Connect button does, or undefined while the desk cannot connect from this screen.
 * The connect flow (API key, or OAuth in the system browser: DESIGN.md §4.4) arrives with its own
 * issue; wiring it is implementing this one function — the button enables itself.
 */
export function connectAction(_api: ApiClient): (() => void) | undefined {
  return undefined
}
