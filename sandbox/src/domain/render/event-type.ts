import type { EventType } from '../model.js'
import type { SandboxStore } from '../store.js'

const bookingFields = [
  {
    type: 'name',
    label: 'Your name',
    placeholder: '',
    isDefault: true,
    slug: 'name',
    required: true,
    disableOnPrefill: false,
  },
  {
    type: 'email',
    label: 'Email address',
    placeholder: '',
    isDefault: true,
    slug: 'email',
    required: true,
    hidden: false,
    disableOnPrefill: false,
  },
  {
    type: 'textarea',
    label: 'Additional notes',
    placeholder: 'Please share anything that will help prepare for our meeting.',
    isDefault: true,
    slug: 'notes',
    required: false,
    hidden: false,
    disableOnPrefill: false,
  },
]

/** `EventTypeOutput_2024_06_14`. `users` lists the hosts (the branch's staff) by username. */
export function renderEventType(store: SandboxStore, et: EventType, appUrl: string) {
  const owner = store.accounts.get(et.ownerId)
  return {
    id: et.id,
    lengthInMinutes: et.lengthInMinutes,
    title: et.title,
    slug: et.slug,
    description: et.description,
    locations: et.locations,
    bookingFields,
    disableGuests: false,
    slotInterval: et.slotInterval,
    minimumBookingNotice: et.minimumBookingNotice,
    beforeEventBuffer: et.beforeEventBuffer,
    afterEventBuffer: et.afterEventBuffer,
    recurrence: null,
    metadata: {},
    price: et.price,
    currency: et.currency,
    lockTimeZoneToggleOnBookingPage: false,
    seatsPerTimeSlot: null,
    forwardParamsSuccessRedirect: null,
    successRedirectUrl: null,
    isInstantEvent: false,
    seatsShowAvailabilityCount: null,
    scheduleId: owner?.defaultScheduleId ?? null,
    ...(et.requiresConfirmation
      ? { confirmationPolicy: { type: 'always', blockUnconfirmedBookingsInBooker: true } }
      : {}),
    hidden: et.hidden,
    bookingRequiresAuthentication: false,
    ownerId: et.ownerId,
    users: et.hostIds.map((id) => store.staff.get(id)?.username ?? String(id)),
    bookingUrl: `${appUrl}/${owner?.username ?? 'unknown'}/${et.slug}`,
  }
}
