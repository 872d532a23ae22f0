import { DateTime } from 'luxon'
import type { BookingChange } from '../bookings.js'
import type { Booking } from '../model.js'
import { videoUrl } from '../render/booking.js'
import type { SandboxStore } from '../store.js'

// Bodies follow the key order of the real examples in webhook-examples/ (REFERENCE.md §4.6).

const utcOffset = (zone: string, at: string) => DateTime.fromISO(at, { zone }).offset

function parts(store: SandboxStore, b: Booking) {
  const et = store.eventTypes.get(b.eventTypeId)
  const host = store.staff.get(b.hostId)
  const account = store.accounts.get(b.accountId)
  const zone = account?.timeZone ?? 'UTC'
  const isVideo = b.location.startsWith('integrations:')
  const organizer = {
    id: host?.id ?? b.accountId,
    name: host?.name ?? account?.name ?? '',
    email: host?.email ?? account?.email ?? '',
    username: host?.username ?? account?.username ?? '',
    usernameInOrg: host?.username ?? account?.username ?? '',
    timeZone: zone,
    language: { locale: 'en' },
    timeFormat: account?.timeFormat === 24 ? 'HH:mm' : 'h:mma',
    utcOffset: utcOffset(zone, b.start),
  }
  const people = [
    ...b.attendees.map((a) => ({
      email: a.email,
      name: a.name,
      timeZone: a.timeZone,
      language: a.language,
    })),
    ...b.guests.map((g) => ({
      email: g,
      name: '',
      timeZone: b.attendees[0]?.timeZone ?? zone,
      language: 'en',
    })),
  ]
  const attendees = people.map((p) => {
    const [firstName = '', ...rest] = p.name.split(' ')
    return {
      email: p.email,
      name: p.name,
      firstName,
      lastName: rest.join(' '),
      timeZone: p.timeZone,
      language: { locale: p.language },
      utcOffset: utcOffset(p.timeZone, b.start),
    }
  })
  const first = b.attendees[0]
  const responses = {
    name: { label: 'your_name', value: first?.name ?? '', isHidden: false },
    email: { label: 'email_address', value: first?.email ?? '', isHidden: false },
    attendeePhoneNumber: {
      label: 'phone_number',
      ...(first?.phoneNumber ? { value: first.phoneNumber } : {}),
      isHidden: true,
    },
    location: { label: 'location', value: { optionValue: '', value: b.location }, isHidden: false },
    title: { label: 'what_is_this_meeting_about', isHidden: true },
    notes: {
      label: 'additional_notes',
      ...(b.description ? { value: b.description } : {}),
      isHidden: false,
    },
    guests: { label: 'additional_guests', value: b.guests, isHidden: false },
    rescheduleReason: {
      label: 'reason_for_reschedule',
      ...(b.reschedulingReason ? { value: b.reschedulingReason } : {}),
      isHidden: false,
    },
  }
  const video = isVideo
    ? {
        conferenceData: { createRequest: { requestId: b.icsUid } },
        videoCallData: { type: 'daily_video', id: b.uid, password: '', url: videoUrl(b) },
        appsStatus: [
          { appName: 'Cal Video', type: 'daily_video', success: 1, failures: 0, errors: [] },
        ],
      }
    : {}
  // Cancel / reject payloads are built by other code with plainer responses and attendees.
  const plainResponses = {
    name: { label: 'name', value: first?.name ?? '' },
    email: { label: 'email', value: first?.email ?? '' },
    ...(b.description ? { notes: { label: 'notes', value: b.description } } : {}),
    guests: { label: 'guests', value: b.guests },
    ...(b.reschedulingReason
      ? { rescheduleReason: { label: 'rescheduleReason', value: b.reschedulingReason } }
      : {}),
  }
  const plainAttendees = people.map((p) => ({
    name: p.name,
    email: p.email,
    timeZone: p.timeZone,
    phoneNumber: b.attendees.find((a) => a.email === p.email)?.phoneNumber ?? null,
    language: { locale: p.language },
    utcOffset: utcOffset(p.timeZone, b.start),
  }))
  return {
    et,
    account,
    organizer,
    attendees,
    responses,
    plainResponses,
    plainAttendees,
    video,
    isVideo,
  }
}

// Key sets per trigger, in the order of the real bodies in webhook-examples/ (REFERENCE.md §4.9).
// cancelledBy is added to plain cancels too: REFERENCE.md §4.6 lists it for BOOKING_CANCELLED.
const CANCELLED_KEYS = [
  'bookerUrl',
  'title',
  'length',
  'type',
  'additionalNotes',
  'description',
  'customInputs',
  'eventTypeId',
  'userFieldsResponses',
  'responses',
  'startTime',
  'endTime',
  'organizer',
  'attendees',
  'uid',
  'bookingId',
  'location',
  'destinationCalendar',
  'cancellationReason',
  'cancelledBy',
  'seatsPerTimeSlot',
  'seatsShowAttendees',
  'iCalUID',
  'iCalSequence',
  'hideOrganizerEmail',
  'customReplyToEmail',
  'organizationId',
  'eventTitle',
  'eventDescription',
  'requiresConfirmation',
  'price',
  'currency',
  'status',
  'requestReschedule',
]
const REQUEST_RESCHEDULE_KEYS = [
  'bookingId',
  'type',
  'title',
  'description',
  'customInputs',
  'responses',
  'userFieldsResponses',
  'startTime',
  'endTime',
  'organizer',
  'attendees',
  'uid',
  'location',
  'destinationCalendar',
  'iCalUID',
  'cancelledBy',
  'cancellationReason',
  'status',
  'eventTypeId',
  'length',
  'iCalSequence',
  'eventTitle',
  'requestReschedule',
]
const REJECTED_KEYS = [
  'type',
  'title',
  'description',
  'bookerUrl',
  'userFieldsResponses',
  'responses',
  'customInputs',
  'startTime',
  'endTime',
  'organizer',
  'attendees',
  'location',
  'uid',
  'destinationCalendar',
  'requiresConfirmation',
  'hideOrganizerEmail',
  'hideCalendarNotes',
  'hideCalendarEventDetails',
  'eventTypeId',
  'customReplyToEmail',
  'organizationId',
  'additionalNotes',
  'rejectionReason',
  'eventTitle',
  'eventDescription',
  'price',
  'currency',
  'length',
  'bookingId',
  'status',
]
const PAID_KEYS = [
  'type',
  'title',
  'description',
  'additionalNotes',
  'customInputs',
  'startTime',
  'endTime',
  'organizer',
  'attendees',
  'location',
  'destinationCalendar',
  'hideCalendarNotes',
  'requiresConfirmation',
  'eventTypeId',
  'seatsShowAttendees',
  'seatsShowAvailabilityCount',
  'schedulingType',
  'iCalUID',
  'iCalSequence',
  'uid',
  'bookingId',
  'eventTitle',
  'eventDescription',
  'price',
  'currency',
  'length',
  'paymentId',
  'metadata',
  'status',
]

function project(full: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, full[k] ?? null]))
}

function rescheduleFields(previous: Booking, rescheduledBy: string | null) {
  return {
    rescheduleId: previous.id,
    rescheduleUid: previous.uid,
    rescheduleStartTime: previous.start,
    rescheduleEndTime: previous.end,
    rescheduledBy,
  }
}

/** The `payload` of an enveloped booking trigger (everything but BOOKING_NO_SHOW_UPDATED). */
export function bookingPayload(
  store: SandboxStore,
  change: BookingChange,
  appUrl: string,
): Record<string, unknown> {
  const b = change.booking
  if (change.trigger === 'BOOKING_NO_SHOW_UPDATED') {
    return {
      message: change.attendees
        .map((a) => `${a.email} ${a.noShow ? 'marked' : 'unmarked'} as no-show`)
        .join(', '),
      attendees: change.attendees,
      bookingUid: b.uid,
      bookingId: b.id,
    }
  }
  const { et, organizer, attendees, responses, plainResponses, plainAttendees, video, isVideo } =
    parts(store, b)
  const status =
    change.trigger === 'BOOKING_CANCELLED'
      ? 'CANCELLED'
      : change.trigger === 'BOOKING_REJECTED'
        ? 'REJECTED'
        : b.status.toUpperCase()
  const metadata = { ...b.metadata, ...(isVideo ? { videoCallUrl: videoUrl(b) } : {}) }
  const payload: Record<string, unknown> = {
    bookerUrl: appUrl,
    title: b.title,
    startTime: b.start,
    endTime: b.end,
    additionalNotes: b.description,
    type: et?.slug ?? '',
    description: b.description,
    eventTypeId: b.eventTypeId,
    hideCalendarNotes: false,
    hideCalendarEventDetails: false,
    hideOrganizerEmail: false,
    schedulingType: 'ROUND_ROBIN',
    seatsPerTimeSlot: null,
    seatsShowAttendees: true,
    seatsShowAvailabilityCount: true,
    customReplyToEmail: null,
    disableRescheduling: false,
    disableCancelling: false,
    organizer,
    attendees,
    customInputs: {},
    responses,
    userFieldsResponses: {},
    location: b.location,
    destinationCalendar: null,
    iCalUID: b.icsUid,
    iCalSequence: b.iCalSequence,
    requiresConfirmation: et?.requiresConfirmation ?? false,
    oneTimePassword: null,
    organizationId: null,
    hashedLink: null,
    uid: b.uid,
    ...video,
    eventTitle: et?.title ?? '',
    eventDescription: et?.description ?? '',
    price: et?.price ?? 0,
    currency: et?.currency ?? 'usd',
    length: et?.lengthInMinutes ?? 0,
    bookingId: b.id,
  }
  switch (change.trigger) {
    case 'BOOKING_RESCHEDULED':
      delete payload.iCalUID // the real RESCHEDULED body carries iCalSequence only
      Object.assign(payload, rescheduleFields(change.previous, change.rescheduledBy))
      break
    case 'BOOKING_REQUESTED':
      // a reschedule that needs confirmation: same webhookData as RESCHEDULED, status PENDING
      if (change.previous) {
        Object.assign(payload, rescheduleFields(change.previous, change.rescheduledBy ?? null))
      }
      break
    case 'BOOKING_CANCELLED':
      return project(
        {
          ...payload,
          responses: plainResponses,
          attendees: plainAttendees,
          destinationCalendar: change.requestReschedule ? [] : null,
          cancellationReason: b.cancellationReason ?? null,
          cancelledBy: b.cancelledByEmail ?? null,
          requestReschedule: change.requestReschedule,
          status,
        },
        change.requestReschedule ? REQUEST_RESCHEDULE_KEYS : CANCELLED_KEYS,
      )
    case 'BOOKING_REJECTED':
      return project(
        {
          ...payload,
          responses: plainResponses,
          attendees: plainAttendees,
          rejectionReason: b.rejectionReason ?? null,
          status,
        },
        REJECTED_KEYS,
      )
    case 'BOOKING_PAID':
      return project(
        {
          ...payload,
          organizer: {
            id: organizer.id,
            name: organizer.name,
            email: organizer.email,
            username: organizer.username,
            timeZone: organizer.timeZone,
            language: organizer.language,
            timeFormat: organizer.timeFormat,
          },
          attendees: attendees.map((a) => ({
            name: a.name,
            email: a.email,
            timeZone: a.timeZone,
            language: a.language,
          })),
          paymentId: change.paymentId,
          metadata: {
            identifier: 'cal.com',
            bookingId: b.id,
            eventTypeId: b.eventTypeId,
            bookerEmail: b.attendees[0]?.email ?? '',
            eventTitle: et?.title ?? '',
            externalId: `pi_sandbox_${change.paymentId}`,
          },
          status: 'ACCEPTED',
        },
        PAID_KEYS,
      )
  }
  payload.metadata = metadata
  payload.status = status
  return payload
}

/** MEETING_STARTED / MEETING_ENDED: a FLAT booking row, no `payload` wrapper (REFERENCE.md §4.2). */
export function meetingRow(
  store: SandboxStore,
  b: Booking,
  trigger: 'MEETING_ENDED' | 'MEETING_STARTED',
  idempotencyKey: string,
) {
  const { account, responses, video } = parts(store, b)
  const host = store.staff.get(b.hostId)
  return {
    triggerEvent: trigger,
    id: b.id,
    uid: b.uid,
    idempotencyKey,
    userId: b.accountId,
    userPrimaryEmail: account?.email ?? '',
    eventTypeId: b.eventTypeId,
    title: b.title,
    description: b.description,
    customInputs: {},
    responses,
    startTime: b.start,
    endTime: b.end,
    location: b.location,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    status: b.status.toUpperCase(),
    paid: b.paid,
    destinationCalendarId: null,
    cancellationReason: b.cancellationReason ?? null,
    rejectionReason: b.rejectionReason ?? null,
    reassignReason: null,
    reassignById: null,
    dynamicEventSlugRef: null,
    dynamicGroupSlugRef: null,
    rescheduled: b.rescheduledToUid ? true : null,
    fromReschedule: b.rescheduledFromUid ?? null,
    recurringEventId: null,
    smsReminderNumber: null,
    scheduledJobs: [],
    metadata: b.metadata,
    isRecorded: false,
    iCalUID: b.icsUid,
    iCalSequence: b.iCalSequence,
    rating: null,
    ratingFeedback: null,
    noShowHost: b.absentHost,
    oneTimePassword: null,
    cancelledBy: b.cancelledByEmail ?? null,
    rescheduledBy: b.rescheduledByEmail ?? null,
    creationSource: b.creationSource,
    user: {
      email: account?.email ?? '',
      name: host?.name ?? account?.name ?? '',
      timeZone: account?.timeZone ?? 'UTC',
      username: account?.username ?? '',
    },
    attendees: b.attendees.map((a) => ({
      id: a.id,
      email: a.email,
      name: a.name,
      timeZone: a.timeZone,
      phoneNumber: a.phoneNumber ?? null,
      locale: a.language,
      bookingId: b.id,
      noShow: a.absent,
    })),
    payment: [],
    references: [],
    appsStatus: 'appsStatus' in video ? video.appsStatus : [],
  }
}
