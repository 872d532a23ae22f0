// A believable morning at the first sandbox branch, made through the desk's own API and the
// sandbox's public booking page, as a receptionist and the branch's clients would make it: on top
// of the sandbox's seeded bookings (some pending, paid, cancelled), visits done, one in service,
// one arrived, a walk-in, and a phone booking whose slot a client took on Cal.com while the desk
// was offline — it needs attention.
import { randomUUID } from 'node:crypto'
import type { ActionResult, Appointment, DayView, OutboxEntry } from '../../src/shared/api/schemas'
import type { FrontDeskWorld } from '../../e2e/front-desk-world'
import { deskFetch } from '../../test/support/temp-desk'
import { until } from '../../test/support/until'

export interface SeededDay {
  date: string
  /** The appointment whose drawer is shown: in service, with a history. */
  inService: Appointment
}

async function post<T>(world: FrontDeskWorld, path: string, body: unknown): Promise<T> {
  const res = await deskFetch(world.desk, path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: JSON.stringify(body),
  })
  if (res.status >= 300) throw new Error(`POST ${path} answered ${res.status}: ${await res.text()}`)
  return (await res.json()) as T
}

const live = (a: Appointment) => a.status === 'SCHEDULED'

export async function seedBelievableDay(
  world: FrontDeskWorld,
  date: string,
  now: string,
): Promise<SeededDay> {
  const nowMs = Date.parse(now)
  const day = await world.get<DayView>(`/api/appointments?date=${date}`)
  const ended = day.appointments.filter((a) => live(a) && Date.parse(a.end) <= nowMs)
  const ongoing = day.appointments.filter(
    (a) => live(a) && Date.parse(a.start) <= nowMs && Date.parse(a.end) > nowMs,
  )
  const next = day.appointments.filter(
    (a) => live(a) && Date.parse(a.start) > nowMs && Date.parse(a.start) < nowMs + 3_600_000,
  )
  const inService = ongoing[0] ?? ended[ended.length - 1]
  if (!inService) throw new Error(`the sandbox seeded nothing before ${now} on ${date}`)
  const visit = (a: Appointment, state: 'ARRIVED' | 'IN_SERVICE' | 'DONE') =>
    post<ActionResult>(world, `/api/appointments/${a.uid}/visit`, { state })
  for (const a of ended.filter((a) => a !== inService)) await visit(a, 'DONE')
  await visit(inService, 'ARRIVED')
  await visit(inService, 'IN_SERVICE')
  if (next[0]) await visit(next[0], 'ARRIVED')

  const { haircut, staff, freeStarts, takes } = await bookable(world, date)

  const walkIn = await bookWalkIn(world, date, now, 'Tomás Reyes')

  // Booked at the desk while Cal.com was out of reach; meanwhile a client took the same time
  // with the same stylist on Cal.com's page. When the link returns Cal.com refuses it.
  const link = world.link
  if (!link) throw new Error('the world needs its Cal.com link')
  const later = freeStarts.filter((s) => Date.parse(s) >= nowMs + 2 * 3_600_000 && s !== walkIn)
  const clash = later.find((s) => staff.some((m) => takes(m.name, s)))
  if (clash) {
    const member = staff.find((m) => takes(m.name, clash))!
    const host = world.account.staff.find((s) => s.name === member.name)!
    link.down()
    const booked = await post<ActionResult>(world, '/api/appointments', {
      eventTypeId: haircut.id,
      staffId: member.id,
      start: clash,
      attendee: { name: 'Nadia Okafor', phone: '+1 416 555 0142' },
    })
    const taken = await world.publicBooking({
      eventSlug: 'haircut',
      start: clash,
      name: 'Hugo Lindqvist',
      hostId: host.id,
    })
    await world.appointmentAtDesk(taken.uid)
    link.up()
    await until(
      'Cal.com refused the desk’s booking of a taken time',
      async () => {
        const entries = await world.get<OutboxEntry[]>('/api/outbox?state=needs_attention')
        return entries.some((e) => e.bookingUid === booked.appointment.uid)
      },
      60_000,
    )
  }
  await until(
    'every other change reached Cal.com',
    async () =>
      (await world.get<OutboxEntry[]>('/api/outbox?state=pending&state=in_flight')).length === 0,
    60_000,
  )
  return { date, inService }
}

/** What a haircut can be booked with on `date`: its desk id, the staff, Cal.com's free times. */
async function bookable(world: FrontDeskWorld, date: string, slug = 'haircut') {
  const haircut = (await world.get<Array<{ id: number; slug: string }>>('/api/event-types')).find(
    (t) => t.slug === slug,
  )
  if (!haircut) throw new Error(`the branch has no ${slug} event type`)
  const day = await world.get<DayView>(`/api/appointments?date=${date}`)
  const freeStarts = (await world.freeSlots(slug, 3)).filter((s) => dayOfStart(s, day) === date)
  const takes = (name: string, start: string) => world.hostTakes(slug, name, start)
  return { haircut, staff: day.staff, freeStarts, takes }
}

/** A walk-in with the first stylist free after now; its start, or null when nobody is free. */
export async function bookWalkIn(
  world: FrontDeskWorld,
  date: string,
  now: string,
  name: string,
  /** The seeded morning leaves few haircuts free: later walk-ins take another service. */
  slug = 'haircut',
): Promise<string | null> {
  const { haircut, staff, freeStarts, takes } = await bookable(world, date, slug)
  const start = freeStarts.find(
    (s) => Date.parse(s) >= Date.parse(now) && staff.some((m) => takes(m.name, s)),
  )
  if (!start) return null
  const member = staff.find((m) => takes(m.name, start))!
  await post(world, '/api/appointments', {
    eventTypeId: haircut.id,
    staffId: member.id,
    start,
    attendee: { name },
    walkIn: true,
  })
  return start
}

/** The branch day a start falls on. */
function dayOfStart(start: string, day: DayView): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: day.timeZone }).format(new Date(start))
}

/**
 * A walk-in whose first send to Cal.com is still on its way: the sandbox holds the call (as a
 * slow Cal.com would), so the card shows "waiting to sync" while everything is online. The
 * desk's own timeout (15 s) gives up on it, the sandbox lets go a second later, and the retry
 * gets through; take the picture before.
 */
export async function holdAWalkInInFlight(
  world: FrontDeskWorld,
  date: string,
  now: string,
): Promise<void> {
  const fault = await fetch(`${world.sandbox.url}/_sandbox/faults/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    // Every bookings call for a while (a reconcile may come first), until releaseHeldCalls.
    body: JSON.stringify({ mode: 'hang', count: 50, pathPrefix: '/v2/bookings', hangMs: 16_000 }),
  })
  if (!fault.ok) throw new Error(`the sandbox refused the fault: ${fault.status}`)
  await bookWalkIn(world, date, now, 'Priya Shah')
  await until('the walk-in on its way to Cal.com', async () =>
    (await world.get<OutboxEntry[]>('/api/outbox?state=in_flight')).some((e) => e.op === 'create'),
  )
}

/** Cal.com answers again: the held calls end with their hold, the retries get through. */
export async function releaseHeldCalls(world: FrontDeskWorld): Promise<void> {
  const res = await fetch(`${world.sandbox.url}/_sandbox/faults`, { method: 'DELETE' })
  if (!res.ok) throw new Error(`the sandbox kept its faults: ${res.status}`)
}

/** Waits until a change failed to reach Cal.com and waits to try again: what the banner reads. */
export async function cannotReachCalcom(world: FrontDeskWorld): Promise<void> {
  await until('a change waiting to try Cal.com again', async () => {
    const queued = await world.get<OutboxEntry[]>('/api/outbox')
    return queued.some((e) => e.state === 'pending' && e.attempts > 0)
  })
}

/** Waits until every change made at the desk reached Cal.com. */
export async function allSynced(world: FrontDeskWorld): Promise<void> {
  await until(
    'every change reached Cal.com',
    async () =>
      (await world.get<OutboxEntry[]>('/api/outbox?state=pending&state=in_flight')).length === 0,
    90_000,
  )
}

/** The business at this desk: the owner (PIN 4321) and two people, for the sign-in and Team. */
export async function setUpBusiness(world: FrontDeskWorld): Promise<void> {
  await post(world, '/api/business', {
    name: 'Maple & Vine',
    owner: { name: 'Olga Lindqvist', email: 'olga@example.com', language: 'en', pin: '4321' },
  })
  const people = await world.get<{ people: Array<{ id: string }> }>('/api/people')
  await post(world, '/api/session', { personId: people.people[0]!.id, pin: '4321' })
  for (const [name, role, language] of [
    ['Ada Moreau', 'admin', 'en'],
    ['Rita Alvarez', 'receptionist', 'es'],
    ['Sam Osei', 'receptionist', 'en'],
  ] as const) {
    await post(world, '/api/business/people', {
      pin: '4321',
      person: {
        name,
        email: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
        language,
        pin: '5555',
        role,
      },
    })
  }
}

/** The haircut's cancellation policy, set by the owner (signed in by setUpBusiness). */
export async function setHaircutPolicy(world: FrontDeskWorld): Promise<void> {
  const types = await world.get<Array<{ id: number; slug: string }>>('/api/event-types')
  const haircut = types.find((t) => t.slug === 'haircut')
  if (!haircut) throw new Error('no haircut service to give a cancellation policy')
  const res = await deskFetch(world.desk, `/api/cancellation-policies/${haircut.id}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      pin: '4321',
      windowHours: 24,
      text: 'Please let us know a day ahead. Later cancellations are charged half the price.',
    }),
  })
  if (res.status >= 300) throw new Error(`setting the policy answered ${res.status}`)
}
