// How the app behaves on this computer (DESIGN.md §8, "the Electron app keeps watch"): whether it
// starts when someone logs in, on by default for a reception PC. The core keeps the choice; the
// Electron shell, when there is one, applies it to the OS and says so by attaching.
import type { ComputerSettingsView } from '../../../shared/api/notifications'
import type { SettingsStore } from './settings-store'

const START_AT_LOGIN_KEY = 'computer.startAtLogin'

export type StartAtLoginApplier = (startAtLogin: boolean) => void

export class ComputerSettings {
  #apply: StartAtLoginApplier | null = null

  constructor(private readonly settings: SettingsStore) {}

  view(): ComputerSettingsView {
    return { startAtLogin: this.startAtLogin(), appManaged: this.#apply !== null }
  }

  startAtLogin(): boolean {
    return this.settings.get(START_AT_LOGIN_KEY) !== 'false'
  }

  setStartAtLogin(value: boolean): ComputerSettingsView {
    this.settings.set(START_AT_LOGIN_KEY, String(value))
    this.#apply?.(value)
    return this.view()
  }

  /** The app applies the stored choice now and every change after. */
  attach(apply: StartAtLoginApplier): void {
    this.#apply = apply
    apply(this.startAtLogin())
  }
}
