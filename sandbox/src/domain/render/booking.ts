import type { Booking } from '../model.js'
import type { SandboxStore } from '../store.js'

/** `BookingOutput_2024_08_13`: statuses lowercase, optional fields only when set. */
export function renderBooking(store: SandboxStore, b: Booking) {
  const host = store.staff.get(b.hostId)
  const account = store.accounts.get(b.accountId)
  const et = store.eventTypes.get(b.eventTypeId)
  const optional = {
    cancellationReason: b.cancellationReason,
    cancelledByEmail: b.cancelledByEmail,
    reschedulingReason: b.reschedulingReason,
    rescheduledByEmail: b.rescheduledByEmail,
    rescheduledFromUid: b.rescheduledFromUid,
    rescheduledToUid: b.rescheduledToUid,
  }
  return {
    id: b.id,
    uid: b.uid,
    title: b.title,
    description: b.description,
    hosts: host
      ? [
          {
            id: host.id,
            name: host.name,
            email: host.email,
            displayEmail: host.email,
            username: host.username,
            timeZone: account?.timeZone ?? 'UTC',
          },
        ]
      : [],
    status: b.status,
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    start: b.start,
    end: b.end,
    duration: Math.round((Date.parse(b.end) - Date.parse(b.start)) / 60_000),
    eventTypeId: b.eventTypeId,
    eventType: { id: b.eventTypeId, slug: et?.slug ?? '' },
    ...(b.location.startsWith('integrations:') ? { meetingUrl: videoUrl(b) } : {}),
    location: b.location.startsWith('integrations:') ? videoUrl(b) : b.location,
    absentHost: b.absentHost,
    createdAt: b.createdAt,
    updatedAt: b.updatedAt,
    metadata: b.metadata,
    icsUid: b.icsUid,
    attendees: b.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      displayEmail: a.email,
      timeZone: a.timeZone,
      language: a.language,
      absent: a.absent,
      ...(a.phoneNumber ? { phoneNumber: a.phoneNumber } : {}),
    })),
    guests: b.guests,
    bookingFieldsResponses: b.bookingFieldsResponses,
  }
}

export const videoUrl = (b: Booking) => `https://app.cal.com/video/${b.uid}`
