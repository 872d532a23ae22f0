// Available slots from Cal.com, cached in slots_cache for five minutes per (event type, whose free
// times, branch day, zone). Any booking change of an event type makes its cached days old at once
// (the desk's internal events tell of every appointment change, whoever made it: desk actions, the
// outbox, the inbox), and so does any change to the branch's reference data (`branchChanged`: a
// refresh or connecting wrote a service's new length, notice or buffers, a staff member, opening
// hours), which moves Cal.com's free times without any booking. Old rows are kept, not deleted:
// they are what is served stale while Cal.com cannot be asked. Only days already past are dropped
// (on keeping a new answer): nothing in them can be booked any more.
// When Cal.com cannot be asked, the last answer is served marked `stale`, with its age, less the
// times Cal.com would no longer take on the desk's clock (begun, or inside the service's minimum
// booking notice: stale-slots.ts), so the walk-in's next free time and every picker offer only
// what the queued booking can still get.
//
// However many clients ask for the same uncached day at once, Cal.com is asked once: they all
// wait for that one call (a flight). A client that leaves stops waiting, and when the last one
// has left, a call still queued in the rate governor is dropped rather than sent. Cal.com answers
// for an event type (any of its hosts), so one flight serves every staff member the desk knows by
// Cal.com id: their day is that answer less the times the desk knows them busy (staff-busy.ts).
// A member whose username the desk knows is asked for by their own event type of the service
// (their own free times: working hours, days off, calendars, which the event type's answer for
// any host hides; host-naming.ts); that answer is kept in slots_cache under their username, made
// old and served stale exactly as the event type's. A member Cal.com also books by id falls back
// to the event type's day (less what the desk knows them busy at) when Cal.com has no such
// service under their name, or cannot be asked and none of theirs is kept. One known by username
// only has no answer then (SLOTS_UNAVAILABLE, as for a day with nothing kept): the event type's
// is other people's free times, never theirs, and the desk has no id to book them by otherwise.
import { DateTime } from 'luxon'
import type { Logger } from 'pino'
import { branchDay, dayOf, InvalidDayError, type DayRange } from '../time/branch-day'
import type { BranchStore } from '../branch/branch-store'
import type { CalcomError } from '../calcom/calcom-errors'
import type { SlotsEventType } from '../calcom/slots-api'
import type { CallPriority } from '../calcom/rate-governor'
import type { BranchConnection } from '../connect/branch-connection'
import type { AppointmentStore } from '../appointments/appointment-store'
import type { EventTypeStore } from '../event-types/event-type-store'
import type { StaffStore } from '../staff/staff-store'
import { ANY_HOST, SlotsCacheStore, type CachedSlots, type SlotsKey } from './slots-cache-store'
import type { DeskDb } from '../db/open-database'
import type { DeskEvents } from '../events/desk-events'
import { clashAt, neededSpan, staffBusy } from './staff-busy'
import { stillBookable } from './stale-slots'
import { DeskError } from '../errors/desk-error'
import { hostNaming, staffNotBookable, type NamedMember } from './host-naming'
import { ValidationError } from '../errors/validation-error'
import type { DeskErrorParams } from '../../../shared/api/error-codes'

export const SLOTS_TTL_MS = 5 * 60_000

export interface DaySlots {
  /** The desk's event type id. */
  eventTypeId: number
  /** Asked for one staff member: the slots they are not known to be busy at. */
  staffId?: number
  date: string
  timeZone: string
  /** Slot starts, UTC ISO, ascending. */
  slots: string[]
  /** True when Cal.com could not be asked and this is the last answer it gave. */
  stale: boolean
  fetchedAt: string
  ageSeconds: number
}

export interface SlotsCacheDeps {
  db: DeskDb
  events: DeskEvents
  branches: BranchStore
  appointments: AppointmentStore
  eventTypes: EventTypeStore
  staff: StaffStore
  connection: BranchConnection
  logger: Logger
  ttlMs?: number
  /** The desk's clock (a test's or a demo's day); Date.now when omitted. */
  now?: () => number
}

/** `not_bookable`: Cal.com cannot be asked for the chosen staff member for this service. */
export type SlotCheck = 'available' | 'unavailable' | 'unknown' | 'not_bookable'

/** What Cal.com is asked for: an event type (any host), or one member's own event type. */
interface Asked {
  /** The desk's event type id. */
  eventTypeId: number
  /** ANY_HOST for the event type, else the member's username. */
  staffUsername: string
  query: SlotsEventType
}

type Fetched = { ok: true; value: CachedSlots } | { ok: false; error: CalcomError | Error }

/** One Cal.com call for a day, and how many callers still wait for it. */
interface Flight {
  askedAt: number
  waiting: number
  /** Aborted when the last caller has left. */
  abandon: AbortController
  answer: Promise<Fetched>
}

const LEFT = Symbol('the caller left')

export class SlotsCache {
  readonly #d: SlotsCacheDeps
  readonly #ttlMs: number
  readonly #now: () => number
  /** Cached answers fetched before this (per event type) are no longer fresh. */
  readonly #outdatedBefore = new Map<number, number>()
  /** Cached answers of every event type fetched before this are no longer fresh. */
  #allOutdatedBefore = 0
  /** Answers from before this process started may miss changes made while it was down. */
  readonly #startedAt: number
  readonly #flights = new Map<string, Flight>()
  readonly #unsubscribe: () => void
  readonly #store: SlotsCacheStore

  constructor(deps: SlotsCacheDeps) {
    this.#d = deps
    this.#store = new SlotsCacheStore(deps.db)
    this.#ttlMs = deps.ttlMs ?? SLOTS_TTL_MS
    this.#now = deps.now ?? Date.now
    this.#startedAt = this.#now()
    const offs = [
      deps.events.on('appointmentsChanged', ({ uids }) => {
        if (uids.length > 0) this.#outdateFor(uids)
      }),
      // Connecting, or a refresh that changed something (a few times a day at most): each day asked
      // again costs one Cal.com read.
      deps.events.on('branchChanged', () => (this.#allOutdatedBefore = this.#now() + 1)),
    ]
    this.#unsubscribe = () => offs.forEach((off) => off())
  }

  dispose(): void {
    this.#unsubscribe()
  }

  /**
   * A branch day's slots of one event type (with `staffId`, of that staff member): fresh from the
   * cache or Cal.com, else stale. Once `signal` aborts the caller no longer waits (499).
   */
  async day(
    eventTypeId: number,
    date: string,
    opts: { staffId?: number; signal?: AbortSignal } = {},
  ): Promise<DaySlots> {
    const { eventType, range } = this.#resolve(eventTypeId, date)
    const member = opts.staffId === undefined ? undefined : this.#staffMember(opts.staffId)
    const naming = member && hostNaming(member)
    if (member && naming?.by === 'nothing') throw staffNotBookable(member.name, eventType.title)
    const answer =
      member && naming?.by === 'username'
        ? await this.#ownDay(eventType, member, naming.username, range, opts.signal)
        : member?.calcomUsername
          ? await this.#linkedMemberDay(eventType, member.calcomUsername, range, opts.signal)
          : await this.#eventTypeDay(eventType, range, opts.signal)
    if (!member) return answer
    const busy = staffBusy(
      this.#d.appointments,
      member.branchId,
      member.id,
      range.startsAt,
      range.endsAt,
    )
    return {
      ...answer,
      staffId: member.id,
      slots: answer.slots.filter((s) => !clashAt(busy, eventType, Date.parse(s))),
    }
  }

  /** The event type's day: fresh from the cache or Cal.com, else stale. */
  async #eventTypeDay(
    eventType: DeskEventType,
    range: DayRange,
    signal: AbortSignal | undefined,
  ): Promise<DaySlots> {
    const asked = this.#ofEventType(eventType)
    const cached = this.#store.get(keyOf(asked, range))
    if (cached && this.#isFresh(eventType.id, cached.fetchedAt)) return this.#answer(cached, false)
    const fetched = await this.#shared(asked, range, 'read', { signal })
    if (fetched === LEFT) throw new DeskError('CLIENT_LEFT', 'The client stopped waiting.')
    if (fetched.ok) return this.#answer(fetched.value, false)
    if (cached) return this.#stale(cached, eventType.minimumNoticeMinutes)
    throw new DeskError(
      'SLOTS_UNAVAILABLE',
      `Cal.com could not be asked for slots (${fetched.error.message}) and none are cached for ${range.date}.`,
    )
  }

  /**
   * The day of a member Cal.com books by id whose username the desk knows: their own free times
   * (their own event type of the service, asked by username: their working hours and calendars,
   * which the event type's answer, any host's, does not tell). When Cal.com has no such service
   * under their name, or cannot be asked and none of theirs is kept, the event type's day, as
   * before: they are still booked by id, and the desk takes out what it knows them busy at.
   */
  async #linkedMemberDay(
    eventType: DeskEventType,
    username: string,
    range: DayRange,
    signal: AbortSignal | undefined,
  ): Promise<DaySlots> {
    const asked = this.#ofMember(eventType, username)
    const cached = this.#store.get(keyOf(asked, range))
    if (cached && this.#isFresh(eventType.id, cached.fetchedAt)) return this.#answer(cached, false)
    const fetched = await this.#shared(asked, range, 'read', { signal })
    if (fetched === LEFT) throw new DeskError('CLIENT_LEFT', 'The client stopped waiting.')
    if (fetched.ok) return this.#answer(fetched.value, false)
    if (!isNotFound(fetched.error) && cached)
      return this.#stale(cached, eventType.minimumNoticeMinutes)
    return this.#eventTypeDay(eventType, range, signal)
  }

  /** A member's own day, asked by their username (host-naming.ts). */
  async #ownDay(
    eventType: DeskEventType,
    member: NamedMember & { name: string },
    username: string,
    range: DayRange,
    signal: AbortSignal | undefined,
  ): Promise<DaySlots> {
    const asked = this.#ofMember(eventType, username)
    const cached = this.#store.get(keyOf(asked, range))
    if (cached && this.#isFresh(eventType.id, cached.fetchedAt)) return this.#answer(cached, false)
    const fetched = await this.#shared(asked, range, 'read', { signal })
    if (fetched === LEFT) throw new DeskError('CLIENT_LEFT', 'The client stopped waiting.')
    if (fetched.ok) return this.#answer(fetched.value, false)
    if (isNotFound(fetched.error)) throw staffNotBookable(member.name, eventType.title)
    if (cached) return this.#stale(cached, eventType.minimumNoticeMinutes)
    // Nothing of theirs kept. The event type's last answer is not theirs: it offers times of
    // anyone on the service, which a booking naming them (their own event type) would not get.
    throw new DeskError(
      'SLOTS_UNAVAILABLE',
      `Cal.com could not be asked for ${member.name}'s slots (${fetched.error.message}) and none of theirs are cached for ${range.date}.`,
    )
  }

  /**
   * Whether `startMs` is a free slot — of staff member `staffId` when given and Cal.com has their
   * own event type of the service (asked by username), else of the event type — asked of Cal.com
   * now (not the cache: a booking must not rest on a five-minute-old answer). 'unknown' when
   * Cal.com cannot be asked within `timeoutMs`; 'not_bookable' when Cal.com has no such service
   * under the username of a member known by nothing else. It is a receptionist's action: it draws
   * on the budget reads leave free.
   */
  async check(
    eventTypeId: number,
    startMs: number,
    opts: { staffId?: number; timeoutMs?: number } = {},
  ): Promise<SlotCheck> {
    const branch = this.#d.branches.current()
    const eventType = this.#eventType(eventTypeId)
    if (!eventType) return 'unknown'
    const member = opts.staffId === undefined ? undefined : this.#staffMember(opts.staffId)
    const naming = member && hostNaming(member)
    if (naming?.by === 'nothing') return 'not_bookable'
    const range = branchDay(dayOf(startMs, branch.timeZone), branch.timeZone)
    const signal = AbortSignal.timeout(opts.timeoutMs ?? 3_000)
    const ask = async (asked: Asked): Promise<SlotCheck | 'not_found'> => {
      // One attempt: with Cal.com unreachable the receptionist's booking goes ahead unchecked at
      // once (the outbox sends it when Cal.com is back, and Cal.com's refusal would show then),
      // instead of waiting out the transport's read retries.
      const result = await this.#shared(asked, range, 'action', { retries: 0, signal })
      if (result === LEFT) return 'unknown'
      if (!result.ok) return isNotFound(result.error) ? 'not_found' : 'unknown'
      return result.value.slots.some((s) => Date.parse(s) === startMs) ? 'available' : 'unavailable'
    }
    if (naming?.by === 'username') {
      const own = await ask(this.#ofMember(eventType, naming.username))
      return own === 'not_found' ? 'not_bookable' : own
    }
    // A member booked by id with a username: their own free times first (#linkedMemberDay).
    if (member?.calcomUsername) {
      const own = await ask(this.#ofMember(eventType, member.calcomUsername))
      if (own !== 'not_found') return own
    }
    const any = await ask(this.#ofEventType(eventType))
    return any === 'not_found' ? 'unknown' : any
  }

  /** The event type's slots (any host). */
  #ofEventType(eventType: DeskEventType): Asked {
    return {
      eventTypeId: eventType.id,
      staffUsername: ANY_HOST,
      query: { eventTypeId: eventType.calcomId },
    }
  }

  /** A member's own slots for the service, by username. */
  #ofMember(eventType: DeskEventType, username: string): Asked {
    return {
      eventTypeId: eventType.id,
      staffUsername: username,
      query: { eventTypeSlug: eventType.slug, username },
    }
  }

  /**
   * Why staff member `staffId` cannot take `eventTypeId` at `startMs`, from what the desk knows
   * of their appointments; undefined when nothing known is in the way (Cal.com still decides on
   * their working hours when it takes the booking). `exceptUid`: the booking being moved, which
   * is not in its own way.
   */
  staffConflict(
    eventTypeId: number,
    staffId: number,
    startMs: number,
    exceptUid?: string,
  ): { message: string; params: DeskErrorParams['STAFF_UNAVAILABLE'] } | undefined {
    const eventType = this.#eventType(eventTypeId)
    if (!eventType) return undefined
    const member = this.#staffMember(staffId)
    const { from, to } = neededSpan(eventType, startMs)
    const clash = clashAt(
      staffBusy(this.#d.appointments, member.branchId, member.id, from, to).filter(
        (b) => b.uid !== exceptUid,
      ),
      eventType,
      startMs,
    )
    if (!clash) return undefined
    const zone = this.#d.branches.current().timeZone
    const time = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('HH:mm')
    const day = DateTime.fromMillis(clash.startsAt, { zone }).toISODate()
    const buffer = clash.from < clash.startsAt || clash.to > clash.endsAt
    return {
      message:
        `${member.name} is not free for ${eventType.title} at ${time(startMs)}: ` +
        `${member.name} has ${clash.title} on ${day} ${time(clash.startsAt)}–${time(clash.endsAt)}` +
        (buffer ? ' (with its buffer time)' : '') +
        '. Choose another time, another staff member, or let Cal.com pick whoever is free.',
      // The same facts for the UI to say in the reader's language.
      params: {
        staff: member.name,
        service: eventType.title,
        start: new Date(startMs).toISOString(),
        clash: clash.title,
        clashStart: new Date(clash.startsAt).toISOString(),
        clashEnd: new Date(clash.endsAt).toISOString(),
        buffer,
      },
    }
  }

  #resolve(eventTypeId: number, date: string) {
    const branch = this.#d.branches.current()
    let range: DayRange
    try {
      range = branchDay(date, branch.timeZone)
    } catch (err) {
      if (err instanceof InvalidDayError)
        throw new ValidationError('date', 'not_a_date', `date ${err.message}`)
      throw err
    }
    const eventType = this.#eventType(eventTypeId)
    if (!eventType) {
      throw new DeskError(
        'NOT_FOUND',
        `This branch has no event type ${eventTypeId}`,
        'eventTypeId',
      )
    }
    return { eventType, range }
  }

  #staffMember(id: number) {
    const branch = this.#d.branches.current()
    const member = this.#d.staff.activeById(branch.id, id)
    if (!member)
      throw new DeskError('NOT_FOUND', `This branch has no active staff member ${id}`, 'staffId')
    return member
  }

  #eventType(id: number) {
    const branch = this.#d.branches.current()
    return this.#d.eventTypes.byId(branch.id, id)
  }

  #isFresh(eventTypeId: number, fetchedAt: number): boolean {
    return fetchedAt >= this.#outdated(eventTypeId) && this.#now() - fetchedAt < this.#ttlMs
  }

  #outdated(eventTypeId: number): number {
    return Math.max(
      this.#startedAt,
      this.#allOutdatedBefore,
      this.#outdatedBefore.get(eventTypeId) ?? 0,
    )
  }

  /**
   * Cal.com's answer for a day, from the call already under way for it when there is one (asked
   * after the event type's last booking change), else from a new call. LEFT once `signal` aborts.
   */
  #shared(
    asked: Asked,
    range: DayRange,
    priority: CallPriority,
    opts: { retries?: number; signal?: AbortSignal },
  ): Promise<Fetched | typeof LEFT> {
    const { signal } = opts
    const { eventTypeId } = asked
    if (signal?.aborted) return Promise.resolve(LEFT)
    // A check is an action: it neither waits behind reads nor lends its call to them.
    const k = keyOf(asked, range)
    const key = `${priority}:${k.eventTypeId}:${k.staffUsername}:${k.date}:${k.timeZone}`
    let flight = this.#flights.get(key)
    if (!flight || flight.abandon.signal.aborted || flight.askedAt < this.#outdated(eventTypeId)) {
      const abandon = new AbortController()
      const started: Flight = {
        askedAt: this.#now(),
        waiting: 0,
        abandon,
        answer: this.#fetch(asked, range, {
          retries: opts.retries,
          priority,
          signal: abandon.signal,
        }).finally(() => {
          if (this.#flights.get(key) === started) this.#flights.delete(key)
        }),
      }
      this.#flights.set(key, started)
      flight = started
    }
    const joined = flight
    joined.waiting += 1
    return new Promise((resolve, reject) => {
      let done = false
      const settle = () => {
        if (done) return false
        done = true
        joined.waiting -= 1
        signal?.removeEventListener('abort', leave)
        return true
      }
      const leave = () => {
        if (!settle()) return
        if (joined.waiting === 0) joined.abandon.abort()
        resolve(LEFT)
      }
      signal?.addEventListener('abort', leave, { once: true })
      joined.answer.then(
        (answer) => settle() && resolve(answer),
        (err: unknown) => settle() && reject(err),
      )
    })
  }

  async #fetch(
    asked: Asked,
    range: DayRange,
    opts: { retries?: number; priority?: CallPriority; signal?: AbortSignal } = {},
  ): Promise<Fetched> {
    const client = this.#d.connection.client()
    if (!client) return { ok: false, error: new Error('the branch is not connected to Cal.com') }
    const askedAt = this.#now()
    const { eventTypeId } = asked
    const result = await client.slots.available(
      {
        ...asked.query,
        start: new Date(range.startsAt).toISOString(),
        end: new Date(range.endsAt - 1).toISOString(),
        timeZone: range.timeZone,
      },
      opts,
    )
    if (!result.ok) {
      // A cancelled call is one nobody waits for any more: nothing to report.
      if (result.error.code !== 'CANCELLED')
        this.#d.logger.info(
          { code: result.error.code, eventTypeId, who: asked.staffUsername || 'any host' },
          'slots not available from Cal.com',
        )
      return { ok: false, error: result.error }
    }
    const slots = Object.values(result.value)
      .flat()
      .map((s) => Date.parse(s.start))
      .filter((t) => !Number.isNaN(t) && t >= range.startsAt && t < range.endsAt)
      .sort((a, b) => a - b)
      .map((t) => new Date(t).toISOString())
    const row: CachedSlots = { ...keyOf(asked, range), fetchedAt: askedAt, slots }
    this.#keep(row)
    return { ok: true, value: row }
  }

  /** Keeps Cal.com's answer for when it cannot be asked; drops the days already past. */
  #keep(row: CachedSlots): void {
    const now = this.#now()
    this.#store.dropPast(
      row.timeZone,
      dayOf(now, row.timeZone),
      // Local days differ by up to two across the world's zones (UTC-12 to UTC+14).
      dayOf(now - 2 * DAY_MS, row.timeZone),
    )
    this.#store.put(row)
  }

  #answer(row: CachedSlots, stale: boolean): DaySlots {
    return {
      eventTypeId: row.eventTypeId,
      date: row.date,
      timeZone: row.timeZone,
      slots: row.slots,
      stale,
      fetchedAt: new Date(row.fetchedAt).toISOString(),
      ageSeconds: Math.max(0, Math.floor((this.#now() - row.fetchedAt) / 1000)),
    }
  }

  /** The last answer, less what Cal.com would no longer take now (stale-slots.ts). */
  #stale(row: CachedSlots, noticeMinutes: number | null): DaySlots {
    const last = this.#answer(row, true)
    return { ...last, slots: stillBookable(last.slots, this.#now(), noticeMinutes) }
  }

  #outdateFor(uids: readonly string[]): void {
    const now = this.#now()
    for (const id of this.#d.appointments.eventTypeIdsOf(uids))
      this.#outdatedBefore.set(id, now + 1)
  }
}

type DeskEventType = NonNullable<ReturnType<EventTypeStore['byId']>>

const DAY_MS = 86_400_000

/** One answer's key: the event type, whose slots (any host's or a username's), the day and zone. */
function keyOf(asked: Asked, day: { date: string; timeZone: string }): SlotsKey {
  return {
    eventTypeId: asked.eventTypeId,
    staffUsername: asked.staffUsername,
    date: day.date,
    timeZone: day.timeZone,
  }
}

/** Cal.com has no such event type: here, no such service under the member's username. */
const isNotFound = (error: CalcomError | Error) =>
  'code' in error && (error as CalcomError).code === 'NOT_FOUND'
