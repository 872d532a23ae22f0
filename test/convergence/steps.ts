// Runs one scenario step against the world. Each actor goes the way it would in life: members of
// the public through the sandbox's booking pages, the business owner through Cal.com's API with the
// branch's API key (straight to Cal.com, not through the desk's links), the receptionist through
// the desk's local API, and the network and Cal.com faults through the links and the sandbox's
// control API. A refusal (slot gone, booking already cancelled, Cal.com down) is a normal outcome
// of a random scenario and is only logged; an unexpected answer from the desk fails the seed.
import { DateTime } from 'luxon'
import type { Booking as SandboxBooking } from '../../sandbox/src/domain/model'
import { deskFetch, type TempDesk } from '../support/temp-desk'
import type { SlotChoice, Step } from './scenario'
import type { World } from './world'

export interface RunLog {
  lines: string[]
  /** Outbox ids of the desk bookings each desk accepted (202): the first desk's, the second's. */
  deskCreates: [number[], number[]]
}

const BOOKINGS_VERSION = { 'cal-api-version': '2024-08-13' }

const at = <T>(items: readonly T[], fraction: number): T | undefined =>
  items.length ? items[Math.min(items.length - 1, Math.floor(fraction * items.length))] : undefined

function sandboxNowMs(w: World): number {
  return w.sandbox.sandbox.clock.nowMs()
}

function eventTypesOf(w: World) {
  return [...w.sandbox.sandbox.store.eventTypesOf(w.account.userId)].sort((a, b) =>
    a.slug.localeCompare(b.slug),
  )
}

/** Free starts of an event type on the branch's day `day` days after the sandbox's today. */
function freeSlots(w: World, eventTypeId: number, day: number, excludeUid?: string): number[] {
  const et = w.sandbox.sandbox.store.eventTypes.get(eventTypeId)
  if (!et) return []
  const from = DateTime.fromMillis(sandboxNowMs(w), { zone: w.account.timeZone })
    .startOf('day')
    .plus({ days: day })
  const lower = Math.max(from.toMillis(), sandboxNowMs(w))
  return w.sandbox.sandbox.slots.available(et, lower, from.plus({ days: 1 }).toMillis(), excludeUid)
}

function slotFor(w: World, choice: SlotChoice) {
  const et = at(eventTypesOf(w), choice.eventType)!
  const start = at(freeSlots(w, et.id, choice.day), choice.slot)
  return { et, start: start === undefined ? undefined : new Date(start).toISOString() }
}

/** The branch's bookings on the sandbox matching `which`, in a stable order. */
function sandboxBookings(w: World, which: (b: SandboxBooking) => boolean): SandboxBooking[] {
  return [...w.sandbox.sandbox.store.bookings.values()]
    .filter((b) => b.accountId === w.account.userId && which(b))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id - b.id)
}
const live = (b: SandboxBooking) =>
  (b.status === 'accepted' || b.status === 'pending') && Date.parse(b.end) > 0

/** The desk's appointments in the given statuses, in a stable order. */
function deskRows(w: World, statuses: string[], at: TempDesk = w.desk) {
  const branchId = at.services.branches.current().id
  return at.services.appointments
    .rowsOf(branchId)
    .filter((a) => statuses.includes(a.status))
    .sort((a, b) => a.startsAt - b.startsAt || a.attendeeName.localeCompare(b.attendeeName))
}

/** Outbox entries of one desk that need attention, oldest first. */
export function needingAttention(target: TempDesk) {
  return target.services.outbox.list(['needs_attention'])
}

async function call(
  url: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(url, {
      method: init.method ?? 'POST',
      headers: { 'content-type': 'application/json', ...init.headers },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
    return { status: res.status, text: await res.text() }
  } catch (err) {
    return { status: 0, text: (err as Error).message }
  }
}

export class DeskAnswerError extends Error {}

export async function desk(target: TempDesk, path: string, body: unknown, log: RunLog) {
  const res = await deskFetch(target, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  const text = await res.text()
  log.lines.push(
    `  desk ${target.url} ${path} -> ${res.status} ${res.status >= 300 ? text.slice(0, 160) : ''}`,
  )
  // Refusals the receptionist can meet (state changed meanwhile, slot taken) are fine; anything
  // else from the desk's own API is a bug.
  if (![200, 202, 409].includes(res.status)) {
    throw new DeskAnswerError(`desk ${path} answered ${res.status}: ${text}`)
  }
  return { status: res.status, json: res.status < 300 ? (JSON.parse(text) as unknown) : null }
}

/**
 * A desk-owned change at one desk, through its local API. Besides the refusals `desk` accepts, a
 * 404 is a normal outcome: the other desk removed the note a moment before.
 */
async function deskOwned(
  target: TempDesk,
  method: string,
  path: string,
  body: unknown,
  log: RunLog,
): Promise<void> {
  const res = await deskFetch(target, path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  })
  const text = await res.text()
  log.lines.push(
    `  ${method} ${path} -> ${res.status} ${res.status >= 300 ? text.slice(0, 160) : ''}`,
  )
  if (![200, 404, 409].includes(res.status))
    throw new DeskAnswerError(`desk ${method} ${path} answered ${res.status}: ${text}`)
}

/** The clients of the desk's appointments, ordered by identity key (the same at every desk). */
function deskClients(target: TempDesk) {
  const { clients, appointments, branches } = target.services
  const ids = new Set<number>()
  for (const a of appointments.rowsOf(branches.current().id)) {
    const id = clients.attendeeOf(a.uid)?.clientId
    if (typeof id === 'number') ids.add(id)
  }
  return [...ids]
    .map((id) => clients.byId(id))
    .filter((c) => c !== undefined)
    .sort((a, b) => a.clientKey.localeCompare(b.clientKey))
}

async function runDeskNote(
  w: World,
  step: Extract<Step, { kind: 'deskNote' }>,
  log: RunLog,
): Promise<void> {
  const target = step.desk === 0 ? w.desk : w.desk2
  const clients = deskClients(target)
  if (step.op === 'add') {
    const client = at(clients, step.pick)
    if (!client) return void log.lines.push('  no client at that desk yet')
    return deskOwned(
      target,
      'POST',
      `/api/clients/${client.id}/notes`,
      { kind: step.alert ? 'alert' : 'note', text: `Note ${step.text}` },
      log,
    )
  }
  const notes = clients
    .flatMap((c) =>
      target.services.clients
        .notesOf(c.id)
        .filter((n) => n.removedAt === null)
        .map((n) => ({ clientId: c.id, id: n.id })),
    )
    .sort((a, b) => a.id.localeCompare(b.id))
  const note = at(notes, step.pick)
  if (!note) return void log.lines.push('  no note at that desk')
  const path = `/api/clients/${note.clientId}/notes/${note.id}`
  return step.op === 'edit'
    ? deskOwned(target, 'PATCH', path, { text: `Edited ${step.text}` }, log)
    : deskOwned(target, 'DELETE', path, undefined, log)
}

export async function runStep(w: World, step: Step, log: RunLog): Promise<void> {
  // The receptionist's Cal.com actions happen at the first desk unless the step names the second.
  const acting = 'desk' in step && step.desk === 1 ? w.desk2 : w.desk
  const sb = w.sandbox.url
  const owner = { authorization: `Bearer ${w.account.apiKey}`, ...BOOKINGS_VERSION }
  const note = (s: string): void => void log.lines.push(`  ${s}`)
  switch (step.kind) {
    case 'publicBook': {
      const { et, start } = slotFor(w, step.at)
      if (!start) return note(`no free ${et.slug} slot`)
      const r = await call(`${sb}/_sandbox/book`, {
        body: {
          start,
          eventTypeId: et.id,
          attendee: {
            name: `Client ${step.client}`,
            email: `client${step.client}@example.com`,
            timeZone: w.account.timeZone,
          },
          pay: step.pay,
        },
      })
      return note(`public book ${et.slug} ${start} -> ${r.status}`)
    }
    case 'publicCancel':
    case 'requestReschedule':
    case 'ownerCancel':
    case 'ownerConfirm':
    case 'ownerDecline':
    case 'publicPay': {
      const candidates = sandboxBookings(w, (b) => {
        if (step.kind === 'ownerConfirm' || step.kind === 'ownerDecline')
          return b.status === 'pending'
        if (step.kind === 'publicPay')
          return (
            b.status === 'accepted' &&
            !b.paid &&
            (w.sandbox.sandbox.store.eventTypes.get(b.eventTypeId)?.price ?? 0) > 0
          )
        return live(b)
      })
      const b = at(candidates, step.pick)
      if (!b) return note('nothing to act on')
      const path = {
        publicCancel: [
          `/_sandbox/bookings/${b.uid}/cancel`,
          { cancellationReason: 'Client cancelled' },
        ],
        requestReschedule: [
          `/_sandbox/bookings/${b.uid}/request-reschedule`,
          { reason: 'Staff ill' },
        ],
        publicPay: [`/_sandbox/bookings/${b.uid}/pay`, undefined],
        ownerCancel: [`/v2/bookings/${b.uid}/cancel`, { cancellationReason: 'Owner cancelled' }],
        ownerConfirm: [`/v2/bookings/${b.uid}/confirm`, undefined],
        ownerDecline: [`/v2/bookings/${b.uid}/decline`, { reason: 'Owner declined' }],
      }[step.kind] as [string, unknown]
      const r = await call(`${sb}${path[0]}`, {
        body: path[1],
        headers: path[0].startsWith('/v2') ? owner : {},
      })
      return note(`${step.kind} ${b.uid} -> ${r.status}`)
    }
    case 'publicReschedule':
    case 'ownerReschedule': {
      const b = at(sandboxBookings(w, live), step.pick)
      if (!b) return note('nothing to reschedule')
      const start = at(freeSlots(w, b.eventTypeId, step.day, b.uid), step.slot)
      if (start === undefined) return note('no free slot')
      const iso = new Date(start).toISOString()
      const r =
        step.kind === 'publicReschedule'
          ? await call(`${sb}/_sandbox/bookings/${b.uid}/reschedule`, { body: { start: iso } })
          : await call(`${sb}/v2/bookings/${b.uid}/reschedule`, {
              body: { start: iso, reschedulingReason: 'Owner moved it' },
              headers: owner,
            })
      return note(`${step.kind} ${b.uid} -> ${iso} ${r.status}`)
    }
    case 'deskBook': {
      const { et, start } = slotFor(w, step.at)
      if (!start) return note(`no free ${et.slug} slot`)
      const branchId = acting.services.branches.current().id
      const deskEt = acting.services.eventTypes.list(branchId).find((e) => e.calcomId === et.id)
      if (!deskEt) throw new DeskAnswerError(`the desk has no event type ${et.slug}`)
      const hosts = acting.services.staff
        .rowsOf(branchId)
        .filter((s) => s.calcomHostId !== null && et.hostIds.includes(s.calcomHostId))
        .sort((a, b) => a.calcomHostId! - b.calcomHostId!)
      const member = step.withStaff ? at(hosts, step.at.slot) : undefined
      const r = await desk(
        acting,
        '/api/appointments',
        {
          eventTypeId: deskEt.id,
          ...(member ? { staffId: member.id } : {}),
          start,
          attendee: {
            name: `Walk-in ${step.client}`,
            ...(step.withEmail ? { email: `walkin${step.client}@example.com` } : {}),
          },
          walkIn: true,
        },
        log,
      )
      if (r.status === 202)
        log.deskCreates[acting === w.desk ? 0 : 1].push((r.json as { outboxId: number }).outboxId)
      return
    }
    case 'deskReschedule': {
      const a = at(deskRows(w, ['SCHEDULED', 'PENDING'], acting), step.pick)
      if (!a) return note('nothing to reschedule at the desk')
      const calcomEt = a.eventTypeId
        ? acting.services.eventTypes.byId(acting.services.branches.current().id, a.eventTypeId)
        : undefined
      if (!calcomEt) return note('appointment without event type')
      const start = at(freeSlots(w, calcomEt.calcomId, step.day, a.uid), step.slot)
      if (start === undefined) return note('no free slot')
      await desk(
        acting,
        `/api/appointments/${a.uid}/reschedule`,
        { start: new Date(start).toISOString() },
        log,
      )
      return
    }
    case 'deskCancel': {
      const a = at(deskRows(w, ['SCHEDULED', 'PENDING'], acting), step.pick)
      if (!a) return note('nothing to cancel at the desk')
      await desk(
        acting,
        `/api/appointments/${a.uid}/cancel`,
        { reason: 'Cancelled at the desk' },
        log,
      )
      return
    }
    case 'deskNoShow': {
      const now = sandboxNowMs(w)
      const rows = step.absent
        ? deskRows(w, ['SCHEDULED', 'COMPLETED'], acting).filter((a) => a.startsAt <= now)
        : deskRows(w, ['NO_SHOW'], acting)
      const a = at(rows, step.pick)
      if (!a) return note('nobody to mark')
      await desk(acting, `/api/appointments/${a.uid}/no-show`, { absent: step.absent }, log)
      return
    }
    case 'deskConfirm':
    case 'deskDecline': {
      const a = at(deskRows(w, ['PENDING'], acting), step.pick)
      if (!a) return note('nothing pending at the desk')
      const action = step.kind === 'deskConfirm' ? 'confirm' : 'decline'
      await desk(
        acting,
        `/api/appointments/${a.uid}/${action}`,
        action === 'decline' ? { reason: 'Fully booked' } : {},
        log,
      )
      return
    }
    case 'deskResolve': {
      const entry = at(needingAttention(acting), step.pick)
      if (!entry) return note('nothing needs attention')
      const action = step.discard ? 'discard' : 'retry'
      await desk(
        acting,
        `/api/outbox/${entry.id}/${action}`,
        step.discard ? { confirm: true } : {},
        log,
      )
      return
    }
    case 'clock': {
      const r = await call(`${sb}/_sandbox/clock`, { body: { advanceMs: step.minutes * 60_000 } })
      return note(`clock +${step.minutes} min -> ${r.text}`)
    }
    case 'cut':
      // The branch's line: both desks lose it.
      for (const link of step.link === 'calcom'
        ? [w.calcomLink, w.calcomLink2]
        : [w.relayLink, w.relayLink2])
        link.cut(step.mode)
      return
    case 'restore':
      for (const link of step.link === 'calcom'
        ? [w.calcomLink, w.calcomLink2]
        : [w.relayLink, w.relayLink2])
        link.restore()
      return
    case 'loseAnswers':
      return w.calcomLink.loseAnswers(step.count)
    case 'webhookFault': {
      const r = await call(`${sb}/_sandbox/faults/webhooks`, {
        body: {
          mode: step.mode,
          count: step.count,
          ...(step.mode === 'delay' ? { delayMs: 300 } : {}),
        },
      })
      return note(`webhook fault -> ${r.status}`)
    }
    case 'apiFault': {
      const r = await call(`${sb}/_sandbox/faults/api`, {
        body: {
          mode: step.mode,
          count: step.count,
          pathPrefix: step.bookingsOnly ? '/v2/bookings' : '/v2',
          ...(step.mode === 'hang' ? { hangMs: 400 } : {}),
        },
      })
      return note(`api fault -> ${r.status}`)
    }
    case 'restart':
      return w.restartDesk(step.desk ?? 0)
    case 'deskVisit': {
      const target = step.desk === 0 ? w.desk : w.desk2
      const rows = deskRows(w, ['SCHEDULED', 'PENDING', 'COMPLETED', 'NO_SHOW'], target)
      const a = at(rows, step.pick)
      if (!a) return note('nobody to check in at that desk')
      return deskOwned(
        target,
        'POST',
        `/api/appointments/${encodeURIComponent(a.uid)}/visit`,
        { state: step.state, ...(step.notes !== undefined ? { notes: step.notes } : {}) },
        log,
      )
    }
    case 'deskNote':
      return runDeskNote(w, step, log)
    case 'pause':
      await new Promise((r) => setTimeout(r, step.ms))
      return
  }
}
