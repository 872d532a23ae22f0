import { randomBytes } from 'node:crypto'
import { badRequest, forbidden, notFound } from './errors.js'
import type { Booking, BookingStatus, EventType } from './model.js'
import type { SlotFinder } from './slots.js'
import type { SandboxStore } from './store.js'

/** A change to a booking; the webhook emitter turns each one into deliveries. */
export type BookingChange =
  | { trigger: 'BOOKING_CREATED' | 'BOOKING_REJECTED'; booking: Booking }
  | {
      trigger: 'BOOKING_REQUESTED'
      booking: Booking
      /** set when the request is a reschedule that needs confirmation */
      previous?: Booking
      rescheduledBy?: string | null
    }
  | { trigger: 'BOOKING_PAID'; booking: Booking; paymentId: number }
  | {
      trigger: 'BOOKING_RESCHEDULED'
      booking: Booking
      previous: Booking
      rescheduledBy: string | null
    }
  | { trigger: 'BOOKING_CANCELLED'; booking: Booking; requestReschedule: boolean }
  | {
      trigger: 'BOOKING_NO_SHOW_UPDATED'
      booking: Booking
      attendees: Array<{ email: string; noShow: boolean }>
    }

export interface NewBooking {
  eventType: EventType
  start: string
  attendee: {
    name: string
    email: string
    timeZone: string
    phoneNumber?: string
    language?: string
  }
  guests?: string[]
  location?: string
  metadata?: Record<string, string | number | boolean>
  bookingFieldsResponses?: Record<string, unknown>
  /** the booker's additional notes (`bookingFieldsResponses.notes`) */
  notes?: string
  /** restricts the hosts who may take it (Cal.com's `routing.teamMemberIds`) */
  hostIds?: number[]
  source: Booking['creationSource']
}

/** Who acts: a signed-in account (API key, OAuth token) or the public booking page. */
export type Actor = { userId: number; email: string } | null

export const SLOT_TAKEN = 'User either already has booking at this time or is not available'
const MINUTE = 60_000

export function newBookingUid(): string {
  return randomBytes(16).toString('base64url').slice(0, 22)
}

export class BookingService {
  private readonly listeners: Array<(change: BookingChange) => void> = []
  private paymentIds = 900

  constructor(
    private readonly store: SandboxStore,
    private readonly slots: SlotFinder,
    private readonly now: () => number,
  ) {}

  onChange(listener: (change: BookingChange) => void): void {
    this.listeners.push(listener)
  }

  private emit(change: BookingChange): void {
    for (const listener of this.listeners) listener(change)
  }

  private nowIso(): string {
    return new Date(this.now()).toISOString()
  }

  get(uid: string, actor: Actor | undefined): Booking {
    const booking = this.store.bookings.get(uid)
    if (!booking) throw notFound(`Booking with uid=${uid} was not found in the database`)
    // Signed-in callers only reach their own bookings; the attendee's links work without sign-in.
    if (actor && booking.accountId !== actor.userId) {
      throw forbidden(
        `User with id=${actor.userId} does not have access to booking with uid=${uid}`,
      )
    }
    return booking
  }

  private owned(uid: string, actor: Actor): Booking {
    if (!actor) throw forbidden('This action needs the booking owner to be signed in')
    return this.get(uid, actor)
  }

  create(input: NewBooking, opts: { emit?: boolean } = {}): Booking {
    const startMs = Date.parse(input.start)
    if (Number.isNaN(startMs)) throw badRequest('start must be a valid ISO 8601 date string')
    if (startMs < this.now()) throw badRequest('Attempting to book a meeting in the past.')
    const host = this.slots.pickHost(input.eventType, startMs, input.hostIds)
    if (!host) throw badRequest(SLOT_TAKEN)
    const booking = this.insert(
      input,
      startMs,
      host.id,
      input.eventType.requiresConfirmation ? 'pending' : 'accepted',
    )
    if (opts.emit !== false) {
      this.emit({
        trigger: booking.status === 'pending' ? 'BOOKING_REQUESTED' : 'BOOKING_CREATED',
        booking,
      })
    }
    return booking
  }

  /** Writes a booking without availability checks (used by the seed for past days too). */
  insert(input: NewBooking, startMs: number, hostId: number, status: BookingStatus): Booking {
    const et = input.eventType
    const host = this.store.staff.get(hostId)
    const now = this.nowIso()
    const uid = newBookingUid()
    const booking: Booking = {
      id: this.store.nextBookingId(),
      uid,
      accountId: et.ownerId,
      hostId,
      eventTypeId: et.id,
      title: `${et.title} between ${host?.name ?? 'Host'} and ${input.attendee.name}`,
      description: input.notes ?? '',
      status,
      start: new Date(startMs).toISOString(),
      end: new Date(startMs + et.lengthInMinutes * MINUTE).toISOString(),
      attendees: [
        {
          id: this.store.nextAttendeeId(),
          name: input.attendee.name,
          email: input.attendee.email,
          timeZone: input.attendee.timeZone,
          language: input.attendee.language ?? 'en',
          ...(input.attendee.phoneNumber ? { phoneNumber: input.attendee.phoneNumber } : {}),
          absent: false,
        },
      ],
      guests: input.guests ?? [],
      location: input.location ?? defaultLocation(et),
      metadata: input.metadata ?? {},
      bookingFieldsResponses: {
        name: input.attendee.name,
        email: input.attendee.email,
        guests: input.guests ?? [],
        ...(input.bookingFieldsResponses ?? {}),
      },
      absentHost: false,
      paid: false,
      icsUid: `${uid}@sandbox.cal.local`,
      iCalSequence: 0,
      createdAt: now,
      updatedAt: now,
      creationSource: input.source,
    }
    this.store.bookings.set(uid, booking)
    return booking
  }

  cancel(
    uid: string,
    actor: Actor | undefined,
    reason?: string,
    requestReschedule = false,
  ): Booking {
    const booking = this.get(uid, actor)
    if (booking.status === 'cancelled' || booking.status === 'rejected') {
      throw badRequest('This booking has already been cancelled.')
    }
    booking.status = 'cancelled'
    booking.cancellationReason = requestReschedule
      ? `Please reschedule. ${reason ?? ''}`.trim()
      : reason
    booking.cancelledByEmail = actor?.email ?? booking.attendees[0]?.email
    booking.iCalSequence += 1
    booking.updatedAt = this.nowIso()
    this.emit({ trigger: 'BOOKING_CANCELLED', booking, requestReschedule })
    return booking
  }

  reschedule(
    uid: string,
    actor: Actor | undefined,
    input: { start: string; rescheduledBy?: string; reschedulingReason?: string },
  ): Booking {
    const old = this.get(uid, actor)
    if (old.rescheduledToUid) {
      throw badRequest(
        `Can't reschedule booking with uid=${uid} because it has been rescheduled to booking with uid=${old.rescheduledToUid}. You can reschedule the new booking instead.`,
      )
    }
    if (old.status === 'cancelled' || old.status === 'rejected') {
      throw badRequest(
        `Can't reschedule booking with uid=${uid} because it has been ${old.status}.`,
      )
    }
    const et = this.store.eventTypes.get(old.eventTypeId)
    if (!et) throw notFound(`Event type with id=${old.eventTypeId} was not found`)
    const startMs = Date.parse(input.start)
    if (Number.isNaN(startMs)) throw badRequest('start must be a valid ISO 8601 date string')
    if (startMs < this.now()) throw badRequest('Attempting to book a meeting in the past.')
    // The same host keeps the client when free; otherwise any free host of the event type.
    const host =
      this.slots.pickHost(et, startMs, [old.hostId], old.uid) ??
      this.slots.pickHost(et, startMs, undefined, old.uid)
    if (!host) throw badRequest(SLOT_TAKEN)
    const attendee = old.attendees[0]
    const ownerActs = actor?.userId === old.accountId
    const fresh = this.insert(
      {
        eventType: et,
        start: input.start,
        attendee: attendee ?? { name: 'Guest', email: 'guest@example.com', timeZone: 'UTC' },
        guests: old.guests,
        location: old.location,
        metadata: old.metadata,
        bookingFieldsResponses: old.bookingFieldsResponses,
        notes: old.description,
        source: old.creationSource,
      },
      startMs,
      host.id,
      // Cal.com's getRequiresConfirmationFlags: the organizer's own reschedule is always
      // accepted; anyone else's needs confirmation again when the event type requires it.
      ownerActs || !et.requiresConfirmation ? 'accepted' : 'pending',
    )
    const by = input.rescheduledBy ?? actor?.email
    fresh.title = old.title
    fresh.rescheduledFromUid = old.uid
    fresh.reschedulingReason = input.reschedulingReason
    fresh.rescheduledByEmail = by
    fresh.icsUid = old.icsUid
    fresh.iCalSequence = old.iCalSequence + 1
    fresh.paid = old.paid
    old.status = 'cancelled'
    old.rescheduledToUid = fresh.uid
    old.reschedulingReason = input.reschedulingReason
    old.rescheduledByEmail = by
    old.updatedAt = this.nowIso()
    // Not confirmed by default ⇒ BOOKING_REQUESTED (carrying the reschedule fields), as Cal.com.
    this.emit({
      trigger: fresh.status === 'pending' ? 'BOOKING_REQUESTED' : 'BOOKING_RESCHEDULED',
      booking: fresh,
      previous: old,
      rescheduledBy: by ?? null,
    })
    return fresh
  }

  confirm(uid: string, actor: Actor): Booking {
    const booking = this.owned(uid, actor)
    if (booking.status !== 'pending') {
      throw badRequest(`Booking with uid=${uid} is not pending: it is ${booking.status}`)
    }
    booking.status = 'accepted'
    booking.updatedAt = this.nowIso()
    this.emit({ trigger: 'BOOKING_CREATED', booking })
    return booking
  }

  decline(uid: string, actor: Actor, reason?: string): Booking {
    const booking = this.owned(uid, actor)
    if (booking.status !== 'pending') {
      throw badRequest(`Booking with uid=${uid} is not pending: it is ${booking.status}`)
    }
    booking.status = 'rejected'
    booking.rejectionReason = reason
    booking.updatedAt = this.nowIso()
    this.emit({ trigger: 'BOOKING_REJECTED', booking })
    return booking
  }

  markAbsent(
    uid: string,
    actor: Actor,
    input: { host?: boolean; attendees?: Array<{ email: string; absent: boolean }> },
  ): Booking {
    const booking = this.owned(uid, actor)
    if (Date.parse(booking.start) > this.now()) {
      throw badRequest(
        'Bookings can only be marked as absent after their scheduled start time. Current time is before the booking start time.',
      )
    }
    const changed: Array<{ email: string; noShow: boolean }> = []
    for (const mark of input.attendees ?? []) {
      const attendee = booking.attendees.find(
        (a) => a.email.toLowerCase() === mark.email.toLowerCase(),
      )
      if (!attendee)
        throw badRequest(`Attendee with email ${mark.email} is not an attendee of booking ${uid}`)
      attendee.absent = mark.absent
      changed.push({ email: attendee.email, noShow: mark.absent })
    }
    // Cal.com can only set the host flag to true here.
    if (input.host === true) booking.absentHost = true
    booking.updatedAt = this.nowIso()
    if (changed.length > 0)
      this.emit({ trigger: 'BOOKING_NO_SHOW_UPDATED', booking, attendees: changed })
    return booking
  }

  pay(uid: string): Booking {
    const booking = this.get(uid, undefined)
    if (booking.paid) throw badRequest(`Booking with uid=${uid} is already paid`)
    booking.paid = true
    booking.updatedAt = this.nowIso()
    this.emit({ trigger: 'BOOKING_PAID', booking, paymentId: ++this.paymentIds })
    return booking
  }
}

function defaultLocation(et: EventType): string {
  const first = et.locations[0]
  if (!first) return ''
  if (first.type === 'address') return first.address
  if (first.type === 'phone') return first.phone
  return 'integrations:daily'
}
