// The offline banner: what is out of reach, what still works, what waits.
export const en = {
  'offline.calcom': 'Cal.com cannot be reached right now.',
  'offline.relay': 'Online bookings are not reaching this desk right now.',
  'offline.desk': 'This screen has lost the desk. Trying again…',
  'offline.stillWorks':
    'You can keep working: bookings, check-ins and changes are saved here and sent when the connection returns.',
  'offline.waiting':
    '{count, plural, =0 {Nothing is waiting to sync.} one {# change is waiting to sync.} other {# changes are waiting to sync.}}',
}
