// The desk tells the relay when its branch closes, as deployed: the Cal.com sandbox, a real relay
// and a connected desk. Once connected, the relay holds the branch's zone and its closings for
// the next two weeks, read from Cal.com's schedules exactly as the day grid reads its hours (a
// Sunday nobody works is closed); told again, an unchanged report is not sent twice.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { startSandbox, type RunningSandbox } from '../../../../sandbox/src/index'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { deskFetch, type TempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import {
  connectByApiKey,
  startDeskOnRelay,
  untilRelayOnline,
} from '../../../../test/support/connected-desk'
import { sandboxAccounts, type SandboxAccount } from '../../../../test/support/sandbox-calcom'
import { CLOSING_DAYS_AHEAD } from './branch-closings'

describe('the branch’s closings reach the relay', () => {
  let sandbox: RunningSandbox
  let relay: InProcessRelay
  let desk: TempDesk
  let account: SandboxAccount
  let channelId: string

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 })
    account = (await sandboxAccounts(sandbox.url))[0]!
    relay = await startInProcessRelay({ calcomUrl: sandbox.url })
    desk = await startDeskOnRelay({ calcomUrl: sandbox.url, relayUrl: relay.url })
    await connectByApiKey(desk, account.apiKey)
    await untilRelayOnline(desk)
    channelId = (await desk.services.sync.relayDevice())!.channelId
  }, 60_000)

  afterAll(async () => {
    await desk?.dispose()
    await relay?.close().catch(() => undefined)
    await sandbox?.close()
  })

  it('the relay holds the branch’s zone and each coming day’s closing, as the day grid has them', async () => {
    await until('the relay knowing the branch’s hours', async () =>
      Boolean(await relay.storage.notifications.branchHours(channelId)),
    )
    const hours = (await relay.storage.notifications.branchHours(channelId))!
    expect(hours.zone).toBe(account.timeZone)
    expect(hours.days).toHaveLength(CLOSING_DAYS_AHEAD)
    for (const day of hours.days) {
      const res = await deskFetch(desk, `/api/opening-hours?date=${day.date}`)
      const grid = (await res.json()) as { closesAtMinute: number | null }
      expect(day.closesAtMinute, day.date).toBe(grid.closesAtMinute)
    }
    // Nobody at the Toronto branch works on Sundays; its last schedule ends at 19:00 on Thursdays.
    const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay()
    const sundays = hours.days.filter((d) => weekday(d.date) === 0)
    expect(sundays.length).toBeGreaterThan(0)
    for (const d of sundays) expect(d.closesAtMinute).toBeNull()
    expect(hours.days.filter((d) => weekday(d.date) === 4).map((d) => d.closesAtMinute)).toContain(
      19 * 60,
    )
  })

  it('an unchanged report is not sent again', async () => {
    const before = (await relay.storage.notifications.branchHours(channelId))!.reportedAt
    await desk.services.branchHoursReport.send()
    expect((await relay.storage.notifications.branchHours(channelId))!.reportedAt).toEqual(before)
  })
  it('a connected desk does not read its schedules again at every sync change, only when the branch changes', async () => {
    await until('the relay knowing the branch’s hours', async () =>
      Boolean(await relay.storage.notifications.branchHours(channelId)),
    )
    await desk.services.branchHoursReport.send()
    const reads = vi.spyOn(desk.services.schedules, 'list')
    try {
      for (let i = 0; i < 5; i++) desk.services.events.emit('syncChanged', {})
      await desk.services.branchHoursReport.send()
      // The explicit send above is the one read: the five sync changes owed nothing.
      expect(reads).toHaveBeenCalledTimes(1)
      desk.services.events.emit('branchChanged', {})
      await desk.services.branchHoursReport.send()
      expect(reads.mock.calls.length).toBeGreaterThan(1)
    } finally {
      reads.mockRestore()
    }
  })
})
