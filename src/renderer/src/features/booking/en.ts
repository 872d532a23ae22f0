// New booking (walk-in, phone booking): words the booking feature will use.
export const en = {
  'booking.new': 'New booking',
  'booking.title': 'New booking',
  'booking.walkIn': 'Walk-in',
  'booking.phone': 'Phone booking',
}
