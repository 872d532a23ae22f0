// A realistic stream of Cal.com deliveries for one branch: the real example bodies
// (test/fixtures/calcom/webhook-examples) re-stamped for many distinct bookings, each booking
// going through a life — created or requested; rescheduled, cancelled, rejected, paid; meeting
// ended; no-show — with the bookings' events interleaved as a busy account's would be. Each
// booking's events carry increasing createdAt, as Cal.com's do, so nothing is left in doubt (no
// fetch).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { SandboxState } from '../../sandbox/src/index'

type Json = Record<string, unknown>
const EXAMPLES = join(import.meta.dirname, '../../test/fixtures/calcom/webhook-examples')
const example = (name: string) =>
  JSON.parse(readFileSync(join(EXAMPLES, `${name}.json`), 'utf8')) as Json

const T = {
  created: example('booking_created'),
  requested: example('booking_requested'),
  rescheduled: example('booking_rescheduled'),
  cancelled: example('booking_cancelled'),
  rejected: example('booking_rejected'),
  paid: example('booking_paid'),
  noShow: example('booking_no_show_updated'),
  ended: example('meeting_ended'),
}

type Account = SandboxState['accounts'][number]
type Stage = 'accepted' | 'pending' | 'ended'

interface Life {
  uid: string
  id: number
  start: number
  lengthMin: number
  eventTypeId: number
  host: Account['staff'][number]
  attendee: { name: string; email: string }
  stage: Stage
  paid: boolean
}

/** Deterministic, so two runs measure the same stream. */
function prng(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const FIRST = ['Ava', 'Noah', 'Mia', 'Liam', 'Zoë', 'Omar', 'Ines', 'Kenji', 'Priya', 'Lukas']
const LAST = ['Martin', 'Chen', 'Okafor', 'Silva', 'Novak', 'Haddad', 'Larsen', 'Ito', 'Rossi']

export interface GeneratedEvent {
  trigger: string
  body: string
}

/**
 * `count` deliveries for `account`. About 500 bookings are "open" at any time; new ones keep
 * arriving. Trigger mix (roughly): created 35 %, requested 5 %, rescheduled 12 %, cancelled 10 %,
 * rejected 2 %, paid 3 %, meeting ended 25 %, no-show 8 %.
 */
export function* calcomEvents(
  account: Account,
  count: number,
  seed = 7,
): Generator<GeneratedEvent> {
  const rand = prng(seed)
  const pick = <X>(xs: readonly X[]): X => xs[Math.floor(rand() * xs.length)]!
  const types = account.eventTypes
  const open: Life[] = []
  let nextId = 1_000_000
  let clock = Date.parse('2026-03-01T08:00:00Z')
  const tzOf = account.timeZone

  const organizer = (l: Life) => ({
    ...((T.created.payload as Json).organizer as Json),
    id: l.host.id,
    name: l.host.name,
    email: l.host.email,
    username: l.host.username,
    timeZone: tzOf,
  })
  const attendees = (l: Life) => [
    {
      ...(((T.created.payload as Json).attendees as Json[])[0] as Json),
      name: l.attendee.name,
      email: l.attendee.email,
      firstName: l.attendee.name.split(' ')[0],
      lastName: l.attendee.name.split(' ')[1],
      timeZone: tzOf,
    },
  ]
  const iso = (ms: number) => new Date(ms).toISOString()
  const enveloped = (tpl: Json, trigger: string, l: Life, extra: Json): string =>
    JSON.stringify({
      ...tpl,
      triggerEvent: trigger,
      createdAt: iso(clock),
      payload: {
        ...(tpl.payload as Json),
        uid: l.uid,
        bookingId: l.id,
        eventTypeId: l.eventTypeId,
        title: `${types.find((t) => t.id === l.eventTypeId)?.title ?? 'Visit'} with ${l.attendee.name}`,
        startTime: iso(l.start),
        endTime: iso(l.start + l.lengthMin * 60_000),
        length: l.lengthMin,
        organizer: organizer(l),
        attendees: attendees(l),
        metadata: { videoCallUrl: `https://app.example.com/video/${l.uid}` },
        responses: {
          ...((tpl.payload as Json).responses as Json | undefined),
          name: { label: 'Your name', value: l.attendee.name },
          email: { label: 'Email address', value: l.attendee.email },
        },
        ...extra,
      },
    })

  const fresh = (): Life => {
    const type = pick(types)
    const hostId = pick(type.hostIds.length ? type.hostIds : account.staff.map((s) => s.id))
    const day = Math.floor(rand() * 120)
    const name = `${pick(FIRST)} ${pick(LAST)}`
    nextId += 1
    return {
      uid: `bench${seed}-${nextId.toString(36)}-${Math.floor(rand() * 1e9).toString(36)}`,
      id: nextId,
      start:
        Date.parse('2026-03-02T14:00:00Z') + day * 86_400_000 + Math.floor(rand() * 16) * 1_800_000,
      lengthMin: type.lengthInMinutes,
      eventTypeId: type.id,
      host: account.staff.find((s) => s.id === hostId) ?? account.staff[0]!,
      attendee: {
        name,
        email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${nextId}@example.com`,
      },
      stage: 'accepted',
      paid: false,
    }
  }

  for (let n = 0; n < count; n++) {
    clock += 1 + Math.floor(rand() * 2_000)
    if (open.length < 500 && (open.length < 50 || rand() < 0.4)) {
      const l = fresh()
      if (rand() < 0.12) {
        l.stage = 'pending'
        yield {
          trigger: 'BOOKING_REQUESTED',
          body: enveloped(T.requested, 'BOOKING_REQUESTED', l, { status: 'PENDING' }),
        }
      } else {
        yield {
          trigger: 'BOOKING_CREATED',
          body: enveloped(T.created, 'BOOKING_CREATED', l, { status: 'ACCEPTED' }),
        }
      }
      open.push(l)
      continue
    }
    const at = Math.floor(rand() * open.length)
    const l = open[at]!
    const done = () => open.splice(at, 1)
    const r = rand()
    if (l.stage === 'pending') {
      done()
      if (r < 0.5) {
        yield {
          trigger: 'BOOKING_REJECTED',
          body: enveloped(T.rejected, 'BOOKING_REJECTED', l, { status: 'REJECTED' }),
        }
      } else {
        yield {
          trigger: 'BOOKING_CANCELLED',
          body: enveloped(T.cancelled, 'BOOKING_CANCELLED', l, { status: 'CANCELLED' }),
        }
      }
    } else if (l.stage === 'accepted') {
      if (r < 0.22) {
        const old = { uid: l.uid, id: l.id, start: l.start }
        nextId += 1
        l.uid = `${old.uid.split('~')[0]}~r${nextId.toString(36)}`
        l.id = nextId
        l.start += (1 + Math.floor(rand() * 10)) * 86_400_000
        yield {
          trigger: 'BOOKING_RESCHEDULED',
          body: enveloped(T.rescheduled, 'BOOKING_RESCHEDULED', l, {
            status: 'ACCEPTED',
            rescheduleUid: old.uid,
            rescheduleId: old.id,
            rescheduleStartTime: iso(old.start),
            rescheduleEndTime: iso(old.start + l.lengthMin * 60_000),
          }),
        }
      } else if (r < 0.4) {
        done()
        yield {
          trigger: 'BOOKING_CANCELLED',
          body: enveloped(T.cancelled, 'BOOKING_CANCELLED', l, {
            status: 'CANCELLED',
            cancellationReason: pick(['Feeling unwell', 'Work came up', 'Booked twice by mistake']),
          }),
        }
      } else if (r < 0.46 && !l.paid) {
        l.paid = true
        yield {
          trigger: 'BOOKING_PAID',
          body: enveloped(T.paid, 'BOOKING_PAID', l, { status: 'ACCEPTED', paymentId: l.id }),
        }
      } else {
        l.stage = 'ended'
        yield {
          trigger: 'MEETING_ENDED',
          body: JSON.stringify({
            ...T.ended,
            id: l.id,
            uid: l.uid,
            idempotencyKey: `ended-${l.uid}`,
            userId: l.host.id,
            userPrimaryEmail: l.host.email,
            eventTypeId: l.eventTypeId,
            title: `Visit with ${l.attendee.name}`,
            startTime: iso(l.start),
            endTime: iso(l.start + l.lengthMin * 60_000),
            createdAt: iso(clock - 86_400_000),
            updatedAt: iso(clock),
            user: {
              email: l.host.email,
              name: l.host.name,
              timeZone: tzOf,
              username: l.host.username,
            },
            attendees: [
              {
                ...((T.ended.attendees as Json[])[0] as Json),
                email: l.attendee.email,
                name: l.attendee.name,
                timeZone: tzOf,
                bookingId: l.id,
                noShow: false,
              },
            ],
          }),
        }
      }
    } else {
      done()
      if (r < 0.6) {
        yield {
          trigger: 'BOOKING_NO_SHOW_UPDATED',
          body: JSON.stringify({
            ...T.noShow,
            createdAt: iso(clock),
            payload: {
              message: `${l.attendee.email} marked as no-show`,
              attendees: [{ email: l.attendee.email, noShow: true }],
              bookingUid: l.uid,
              bookingId: l.id,
            },
          }),
        }
      } else {
        n -= 1 // the visit simply went well: no event
      }
    }
  }
}
