// Test support: the Cal.com sandbox on its fixed day (SANDBOX_NOW), a hop to it the test can cut
// (calcom-link.test-support.ts) and a desk connected through that hop whose clock runs with the
// sandbox's, as a real desk's and Cal.com's agree: what an offline answer still offers is judged
// on it. `moveOn` puts the desk's clock ahead (the sandbox's stays), as hours passing offline.
import { startSandbox, type RunningSandbox, type SandboxState } from '../../../../sandbox/src/index'
import type { TempDesk } from '../../../../test/support/temp-desk'
import { startCalcomLink, type CalcomLink } from './calcom-link.test-support'
import { connectWithApiKey, deskOn, SANDBOX_NOW, sandboxState } from './outbound.test-support'

export interface LinkedDesk {
  sandbox: RunningSandbox
  state: SandboxState
  link: CalcomLink
  desk: TempDesk
  /** The desk's clock now. */
  deskNow(): number
  moveOn(ms: number): void
}

export async function linkedDesk(): Promise<LinkedDesk> {
  const sandbox = await startSandbox({ port: 0, now: SANDBOX_NOW })
  const state = await sandboxState(sandbox.url)
  const link = await startCalcomLink(sandbox.url)
  let offsetMs = Date.parse(SANDBOX_NOW) - Date.now()
  const deskNow = () => Date.now() + offsetMs
  const desk = await deskOn(link.url, { now: deskNow })
  await connectWithApiKey(desk, state.accounts[0]!.apiKey)
  return { sandbox, state, link, desk, deskNow, moveOn: (ms) => (offsetMs += ms) }
}

/** Closes what `linkedDesk` started, desk first; safe when it never started. */
export async function closeLinkedDesk(w: LinkedDesk | undefined): Promise<void> {
  await w?.desk.dispose()
  await w?.link.close()
  await w?.sandbox.close()
}
