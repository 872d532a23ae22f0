// The front desk as deployed, for the UI specs: the Cal.com sandbox (seeded, no background
// traffic), a relay where its webhooks land, and the headless desk serving the built UI,
// connected to the first branch by its API key and enrolled at the relay. A spec that needs
// Cal.com to go away asks for `calcomLink`: the desk then reaches Cal.com through a proxy it can
// cut (the relay still hears the sandbox, as it would from the cloud); one that needs the relay
// to go away asks for `relayLink`, a proxy between the desk and the relay it can cut likewise.
import { expect, type Page } from '@playwright/test'
import { join } from 'node:path'
import type { Appointment, DayView, Staff } from '../src/shared/api/schemas'
import { startSandbox, type RunningSandbox, type SandboxState } from '../sandbox/src/index'
import {
  startCalcomLink,
  type CalcomLink,
} from '../src/main/core/outbound/calcom-link.test-support'
import { FAST } from '../src/main/core/outbound/outbound.test-support'
import { startInProcessRelay, type InProcessRelay } from '../test/support/in-process-relay'
import { deskFetch, startTempDesk, type TempDesk } from '../test/support/temp-desk'
import { until } from '../test/support/until'

/** A Tuesday morning at least two days ahead (10:02 in Toronto, EST): everyone is working, and
 * the desk's real clock is still before it, so the day's slots are in the future for both. */
export function aTuesdayMorning(): string {
  const day = new Date(Date.now() + 2 * 86_400_000)
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() + 1)
  return `${day.toISOString().slice(0, 10)}T15:02:00.000Z`
}

export interface FrontDeskWorld {
  sandbox: RunningSandbox
  relay: InProcessRelay
  desk: TempDesk
  state: SandboxState
  account: SandboxState['accounts'][number]
  /** The desk's line to Cal.com, when the world was started with `calcomLink`. */
  link: CalcomLink | undefined
  /** The desk's line to the relay, when the world was started with `relayLink`. */
  relayLink: CalcomLink | undefined
  /** GET from the desk's local API. */
  get<T>(path: string): Promise<T>
  /** A public booking on the sandbox's booking page (fires Cal.com's webhooks). */
  publicBooking(input: {
    eventSlug: string
    start: string
    name: string
    hostId?: number
    /** The branch booked at; the first branch when omitted. */
    account?: Account
  }): Promise<{ uid: string }>
  /** The next free starts of an event type over a week, from the sandbox's booking page. */
  freeSlots(eventSlug: string, days?: number, account?: Account): Promise<string[]>
  /**
   * A desk of the sandbox's second branch on the same relay, connected by its API key and
   * enrolled (started on first call, closed with the world): two branches of one business.
   */
  otherBranchDesk(): Promise<{ desk: TempDesk; account: Account }>
  /**
   * Whether Cal.com would give `start` to this staff member: their working hours and bookings,
   * which the desk does not know for one host (it offers the event type's free times).
   */
  hostTakes(eventSlug: string, staffName: string, start: string): boolean
  /** The booking as Cal.com (the sandbox) has it, read with the branch's API key. */
  calcomBookings(): Promise<
    Array<{ uid: string; status: string; start: string; attendees: Array<{ name: string }> }>
  >
  /** Waits until the desk (the first branch's unless named) holds the appointment, and returns it. */
  appointmentAtDesk(uid: string, desk?: TempDesk): Promise<Appointment>
  close(): Promise<void>
}

const root = join(import.meta.dirname, '..')
type Account = SandboxState['accounts'][number]

export interface WorldOptions {
  /** The sandbox's and the desk's clock's start (ISO); real now when omitted. */
  now?: string
  /** Put a proxy the spec can cut between the desk and Cal.com. */
  calcomLink?: boolean
  /** Put a proxy the spec can cut between the desk and the relay (quick relay retries too). */
  relayLink?: boolean
}

export async function startFrontDeskWorld(options: WorldOptions = {}): Promise<FrontDeskWorld> {
  const sandbox = await startSandbox({ port: 0, ...(options.now ? { now: options.now } : {}) })
  // The desk keeps the sandbox's time too (its history, audit log, client cards and offline free
  // times read the desk's clock): real time shifted the same way as the sandbox's clock.
  const shift = options.now ? Date.parse(options.now) - Date.now() : 0
  const deskClock = options.now ? { now: () => Date.now() + shift } : {}
  const link = options.calcomLink ? await startCalcomLink(sandbox.url) : undefined
  const relay = await startInProcessRelay({ calcomUrl: sandbox.url })
  const relayLink = options.relayLink ? await startCalcomLink(relay.url) : undefined
  const state = (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as SandboxState
  const account = state.accounts[0]!
  const connectedDesk = async (branch: Account, calcomUrl: string): Promise<TempDesk> => {
    const started = await startTempDesk({
      rendererDir: join(root, 'out', 'renderer'),
      ...deskClock,
      // Quick retries, so a change waits on the link coming back rather than on backoff.
      outbound: FAST,
      // The relay coming back is seen within a second, not after a production backoff.
      ...(relayLink ? { sync: { relayBackoff: { baseMs: 200, capMs: 1_000 } } } : {}),
      env: {
        FRONTDESK_CALCOM_API_URL: calcomUrl,
        FRONTDESK_CALCOM_APP_URL: sandbox.url,
        FRONTDESK_RELAY_URL: relayLink?.url ?? relay.url,
      },
    })
    const connect = await deskFetch(started, '/api/branch/connect', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ apiKey: branch.apiKey }),
    })
    expect(connect.status).toBe(200)
    await until(
      'the desk enrolled at the relay and reconciled',
      async () => {
        const res = await deskFetch(started, '/api/sync')
        const sync = (await res.json()) as {
          relay: { state: string }
          lastReconcile: { ok: boolean } | null
        }
        return sync.relay.state === 'online' && sync.lastReconcile?.ok === true
      },
      30_000,
    )
    return started
  }
  const desk = await connectedDesk(account, link?.url ?? sandbox.url)
  const get = async <T>(path: string): Promise<T> => {
    const res = await deskFetch(desk, path)
    if (!res.ok) throw new Error(`GET ${path} answered ${res.status}: ${await res.text()}`)
    return (await res.json()) as T
  }
  let other: Promise<{ desk: TempDesk; account: Account }> | undefined

  const eventType = (slug: string, of: Account = account) => {
    const found = of.eventTypes.find((e) => e.slug === slug)
    if (!found) throw new Error(`the sandbox has no event type ${slug}`)
    return found
  }
  const world: FrontDeskWorld = {
    sandbox,
    relay,
    desk,
    state,
    account,
    link,
    relayLink,
    get,
    async publicBooking({ eventSlug, start, name, hostId, account: at = account }) {
      const res = await fetch(`${sandbox.url}/_sandbox/book`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          eventTypeId: eventType(eventSlug, at).id,
          start,
          attendee: {
            name,
            email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
            timeZone: at.timeZone,
          },
          ...(hostId !== undefined ? { hostId } : {}),
        }),
      })
      if (res.status !== 201)
        throw new Error(`sandbox booking answered ${res.status}: ${await res.text()}`)
      return ((await res.json()) as { data: { uid: string } }).data
    },
    async freeSlots(eventSlug, days = 7, at = account) {
      const { now } = (await (await fetch(`${sandbox.url}/_sandbox/clock`)).json()) as {
        now: string
      }
      const end = new Date(Date.parse(now) + days * 86_400_000).toISOString()
      const res = await fetch(
        `${sandbox.url}/v2/slots?eventTypeId=${eventType(eventSlug, at).id}&start=${now}&end=${end}`,
        { headers: { 'cal-api-version': '2024-09-04' } },
      )
      const { data } = (await res.json()) as { data: Record<string, { start: string }[]> }
      return Object.values(data)
        .flat()
        .map((s) => new Date(s.start).toISOString())
    },
    hostTakes(eventSlug, staffName, start) {
      const host = account.staff.find((s) => s.name === staffName)
      if (!host) throw new Error(`the sandbox has no staff member ${staffName}`)
      const type = sandbox.sandbox.store.eventTypes.get(eventType(eventSlug).id)!
      return !!sandbox.sandbox.slots.pickHost(type, Date.parse(start), [host.id])
    },
    async calcomBookings() {
      const res = await fetch(`${sandbox.url}/v2/bookings?take=250`, {
        headers: { authorization: `Bearer ${account.apiKey}`, 'cal-api-version': '2024-08-13' },
      })
      if (!res.ok) throw new Error(`Cal.com bookings answered ${res.status}: ${await res.text()}`)
      return ((await res.json()) as { data: never[] }).data
    },
    otherBranchDesk() {
      const second = state.accounts[1]!
      other ??= connectedDesk(second, sandbox.url).then((d) => ({ desk: d, account: second }))
      return other
    },
    async appointmentAtDesk(uid, at = desk) {
      return until(
        `appointment ${uid} at the desk`,
        async () => {
          const res = await deskFetch(at, `/api/appointments/${uid}`)
          return res.ok ? ((await res.json()) as { appointment: Appointment }).appointment : false
        },
        20_000,
      )
    },
    async close() {
      await (await other?.catch(() => undefined))?.desk.dispose()
      await desk.dispose()
      await relayLink?.close()
      await relay.close()
      await link?.close()
      await sandbox.close()
    },
  }
  return world
}

/** The branch-zone day an appointment starts on. */
export function dayOf(instant: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant))
}

/** Opens the desk's page at a hash route and waits for the shell. */
export async function openDesk(page: Page, world: FrontDeskWorld, hash: string) {
  await page.setViewportSize({ width: 1366, height: 768 })
  await page.goto(`${world.desk.url}/?token=${world.desk.token}#${hash}`)
  await expect(page.locator('[data-app-state="ready"]')).toBeVisible()
}

/** The desk's staff member who is Cal.com host `hostId`. */
export async function staffOfHost(world: FrontDeskWorld, day: string, hostName: string) {
  const view = await world.get<DayView>(`/api/appointments?date=${day}`)
  return view.staff.find((s: Staff) => s.name === hostName)
}
