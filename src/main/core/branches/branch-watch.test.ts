// The app's news of its branches, through its real local API: a change Cal.com refused at one
// branch reaches the page on another branch's live stream and the branch list counts it, so the
// switcher says it without a reload; news that moves nothing the switcher shows stays quiet.
import { afterEach, describe, expect, it } from 'vitest'
import { startTempBranchHost, type TempBranchHost } from '../../../../test/support/temp-branch-host'
import { readLiveStream, type LiveStream } from '../../../../test/support/live-stream'
import { until } from '../../../../test/support/until'
import type { BranchList } from '../../../shared/api/branches'
import type { BranchHost } from './branch-host'
import { refuseACancel } from './branches.test-support'

const TOKEN = 'branch-watch-test-token-0123456789'
let host: BranchHost | undefined
let stream: LiveStream | undefined
let app: TempBranchHost | undefined

afterEach(async () => {
  stream?.close()
  await app?.dispose()
  app = undefined
  host = undefined
})

async function start(): Promise<BranchHost> {
  app = await startTempBranchHost({ env: { FRONTDESK_API_TOKEN: TOKEN } })
  host = app.host
  return host
}

const branches = async () =>
  (await (
    await fetch(`${host!.url}/api/branches`, { headers: { authorization: `Bearer ${TOKEN}` } })
  ).json()) as BranchList

const branchNews = () => stream!.events.filter((e) => e.type === 'branches').length

describe("the app's news of its branches", () => {
  it("reaches the page on the first branch when the other branch's change needs attention, and when it is dealt with", async () => {
    await start()
    const heard: number[] = []
    host!.watch(() => heard.push(heard.length))
    await host!.add('madrid', 'Madrid')
    await until('the added branch is told', () => heard.length === 1)
    const madrid = host!.branch('madrid')!.desk
    // The page shows the first branch: it listens to that branch's stream alone.
    stream = readLiveStream(await fetch(`${host!.url}/api/live?token=${TOKEN}`))

    const id = refuseACancel(madrid)
    await until('the first branch stream tells of the other branch', () => branchNews() === 1)
    const listed = await branches()
    expect(listed.map((b) => [b.key, b.attention])).toEqual([
      ['main', 0],
      ['madrid', 1],
    ])
    expect(heard).toHaveLength(2)

    // Sync news that moves no mark tells no one; the refusal discarded does.
    madrid.services.events.emit('syncChanged', {})
    await new Promise((resolve) => setImmediate(resolve))
    madrid.services.db.transaction((tx) => madrid.services.outbox.markDiscarded(tx, id))
    madrid.services.events.emit('outboxChanged', {})
    await until('the discard is told', () => branchNews() === 2)
    expect((await branches()).map((b) => b.attention)).toEqual([0, 0])
    expect(heard).toHaveLength(3)
  }, 60_000)

  it('reaches a page on the other branch too, and tells of a branch added or removed', async () => {
    await start()
    const heard: number[] = []
    host!.watch(() => heard.push(heard.length))
    await host!.add('madrid', 'Madrid')
    await until('the added branch is told', () => heard.length === 1)
    // The page shows Madrid: its stream comes through the app under /b/madrid/.
    stream = readLiveStream(await fetch(`${host!.url}/b/madrid/api/live?token=${TOKEN}`))
    refuseACancel(host!.primary)
    await until('the Madrid stream tells of the first branch', () => branchNews() === 1)
    expect((await branches()).map((b) => b.attention)).toEqual([1, 0])

    await host!.add('lisbon', 'Lisbon')
    await until('the new branch is told', () => branchNews() === 2)
    await host!.remove('lisbon')
    await until('the removed branch is told', () => branchNews() === 3)
    expect((await branches()).map((b) => b.key)).toEqual(['main', 'madrid'])
  }, 60_000)
})
