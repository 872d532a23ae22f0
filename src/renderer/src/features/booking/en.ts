// New booking (walk-in, phone booking).
export const en = {
  'booking.new': 'New booking',
  'booking.newKey': 'New booking (N)',
  'booking.title': 'New booking',
  'booking.kind': 'Kind of booking',
  'booking.walkIn': 'Walk-in',
  'booking.phone': 'Phone booking',
  'booking.service': 'Service',
  'booking.servicePlaceholder': 'Choose a service',
  'booking.staff': 'With',
  'booking.anyone': 'Anyone free',
  'booking.date': 'Day',
  'booking.slots': 'Free times',
  'booking.slotsLoading': 'Asking Cal.com for free times…',
  'booking.noSlots': 'No free time on this day.',
  'booking.memberSlotsUnavailable':
    '{name}’s free times cannot be read from Cal.com right now, and this desk has none of theirs saved for that day.',
  'booking.memberSlotsUnavailable.anyone':
    '{name}’s free times cannot be read from Cal.com right now, and this desk has none of theirs saved for that day. “Anyone free” has times: choose it to see who is free.',
  'booking.showAnyone': 'Show Anyone free',
  'booking.stale':
    'Offline: these times are Cal.com’s last answer, {hours, plural, =0 {{minutes, plural, one {# minute} other {# minutes}}} one {# hour} other {# hours}} old. A time may have gone since: Cal.com has the final say once the booking reaches it.',
  'booking.nextFree': 'Next free time: {time}',
  'booking.nextFreeIn':
    'Next free time: {time} ({hours, plural, =0 {in {minutes} min} other {{minutes, plural, =0 {in {hours} h} other {in {hours} h {minutes} min}}}})',
  'booking.noneFreeToday': 'Nobody is free for this service for the rest of today.',
  'booking.needsNoticeMinutes':
    'needs {minutes, plural, one {# minute’s} other {# minutes’}} notice',
  'booking.needsNoticeHours': 'needs {hours, plural, one {# hour’s} other {# hours’}} notice',
  'booking.needsNoticeDays': 'needs {days, plural, one {# day’s} other {# days’}} notice',
  'booking.noServices':
    'This branch has no services to book yet. They come from its Cal.com account: Settings shows whether it is connected.',
  'booking.noWalkInService':
    'No service can be booked as a walk-in today: each needs more notice. Make a phone booking instead.',
  'booking.client': 'Client name',
  'booking.clientHint': 'Type to find a past client, or a new name.',
  'booking.clientTypeMore': 'Type two letters to find a past client.',
  'booking.clientSearching': 'Looking for past clients…',
  'booking.clientNoMatch': 'No past client by that name: a new client will be added.',
  'booking.phoneNumber': 'Phone',
  'booking.email': 'Email',
  'booking.notes': 'Notes',
  'booking.submit': 'Book',
  'booking.submitting': 'Booking…',
  'booking.cancel': 'Close',
  'booking.pickSlot': 'Choose a free time.',
  'booking.noWalkInTime':
    'Nobody is free for this service now. Choose another service or person, or make a phone booking for later.',
  'booking.needName': 'Enter the client’s name.',
  'booking.booked': 'Booked {name} at {time}.',
  'booking.bookedOffline': 'Booked {name} at {time}. Waiting to sync with Cal.com.',
  'error.SLOT_UNAVAILABLE':
    'Cal.com no longer has this time free: someone else took it. Choose another time.',
  'error.DUPLICATE_BOOKING': 'This client already has this booking at this time.',
}
