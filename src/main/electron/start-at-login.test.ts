// Start at login: the core's setting reaches the OS (electron's app mocked as a recorder), on by
// default, off when turned off in Settings, and never from a development run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deskFetch, startTempDesk, type TempDesk } from '../../../test/support/temp-desk'
import { startAtLoginApplier } from './start-at-login'

let desk: TempDesk
beforeAll(async () => {
  desk = await startTempDesk()
})
afterAll(() => desk.dispose())

describe('start at login', () => {
  it('tells the OS the stored choice, on by default, and every change after', async () => {
    const told: { openAtLogin?: boolean }[] = []
    const app = {
      isPackaged: true,
      setLoginItemSettings: (s: { openAtLogin?: boolean }) => told.push(s),
    }
    desk.services.computer.attach(startAtLoginApplier(app))
    expect(told.map((s) => s.openAtLogin)).toEqual([true])
    const view = await (await deskFetch(desk, '/api/settings/computer')).json()
    expect(view).toEqual({ startAtLogin: true, appManaged: true })

    const res = await deskFetch(desk, '/api/settings/computer', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ startAtLogin: false }),
    })
    expect(await res.json()).toEqual({ startAtLogin: false, appManaged: true })
    expect(told.map((s) => s.openAtLogin)).toEqual([true, false])
  })

  it('leaves the OS alone in a development run', () => {
    const told: unknown[] = []
    startAtLoginApplier({ isPackaged: false, setLoginItemSettings: (s) => told.push(s) })(true)
    expect(told).toEqual([])
  })
})
