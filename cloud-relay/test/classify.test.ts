// Which notification kind each of Cal.com's real webhook bodies is (test/fixtures/calcom/
// webhook-examples, vendored with their provenance in test/fixtures/calcom/README.md): every
// booking kind of DESIGN.md §8 is recognised from what Cal.com really sends, and
// what notifies no one (a meeting ended, a no-show unmarked) is nothing.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { classifyDelivery } from '../src/notifications/classify.js'

const EXAMPLES = join(import.meta.dirname, '../../test/fixtures/calcom/webhook-examples')

const delivery = (file: string, seq = 1) => ({
  channelId: 'ch_test',
  seq,
  contentType: 'application/json',
  body: readFileSync(join(EXAMPLES, file)),
  receivedAt: new Date('2024-01-01T12:00:01.000Z'),
})

describe('the notification kind of Cal.com’s real deliveries', () => {
  it.each([
    ['booking_created.json', 'booking.created'],
    ['booking_requested.json', 'booking.requested'],
    ['booking_rescheduled.json', 'booking.rescheduled'],
    ['booking_cancelled.json', 'booking.cancelled'],
    ['booking_no_show_updated.json', 'booking.no_show'],
    ['booking_paid.json', 'booking.paid'],
    ['booking_rejected.json', 'booking.rejected'],
  ])('%s is %s, with the booking it is about', (file, kind) => {
    const source = classifyDelivery(delivery(file), [])
    expect(source?.kind).toBe(kind)
    expect(source?.branchId).toBe('ch_test')
    expect(source?.booking?.uid ?? source?.booking?.attendee).toBeTruthy()
  })

  it.each(['meeting_ended.json', 'booking_no_show_updated_unmarked.json'])(
    '%s notifies no one',
    (file) => {
      expect(classifyDelivery(delivery(file), [])).toBeUndefined()
    },
  )

  it('the same change delivered again in a fresh envelope is the same source', () => {
    const first = classifyDelivery(delivery('booking_created.json', 1), [])
    const again = classifyDelivery(delivery('booking_created.json', 2), [])
    expect(again?.sourceKey).toBe(first?.sourceKey)
  })
})
