import { describe, expect, it } from 'vitest'
import { DEFAULT_QUIET_WINDOW, inQuietWindow, mayInstallNow } from './install-policy'

const at = (hhmm: string) => new Date(`2026-12-08T${hhmm}:00`)

describe('when an update installs by itself', () => {
  it('knows the quiet hours, across midnight too', () => {
    expect(inQuietWindow(at('22:30'), DEFAULT_QUIET_WINDOW)).toBe(true)
    expect(inQuietWindow(at('03:00'), DEFAULT_QUIET_WINDOW)).toBe(true)
    expect(inQuietWindow(at('08:00'), DEFAULT_QUIET_WINDOW)).toBe(false)
    expect(inQuietWindow(at('12:00'), DEFAULT_QUIET_WINDOW)).toBe(false)
    expect(inQuietWindow(at('13:30'), { start: '13:00', end: '14:00' })).toBe(true)
  })

  it('installs in quiet hours only with no one signed in and nothing waiting to sync', () => {
    const night = { now: at('02:00'), window: DEFAULT_QUIET_WINDOW }
    expect(mayInstallNow({ ...night, someoneSignedIn: false, waitingToSync: 0 })).toBe(true)
    expect(mayInstallNow({ ...night, someoneSignedIn: true, waitingToSync: 0 })).toBe(false)
    expect(mayInstallNow({ ...night, someoneSignedIn: false, waitingToSync: 2 })).toBe(false)
    expect(
      mayInstallNow({
        now: at('10:00'),
        window: DEFAULT_QUIET_WINDOW,
        someoneSignedIn: false,
        waitingToSync: 0,
      }),
    ).toBe(false)
  })
})
