// Realistic Cal.com deliveries for the benchmarks: the documented BOOKING_CREATED example with
// a unique uid, a fresh createdAt and filled-in responses, compact JSON of 3–4 KB.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const example = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../test/fixtures/calcom/webhook-examples/booking_created.json'),
    'utf8',
  ),
) as { triggerEvent: string; createdAt: string; payload: Record<string, unknown> }

let n = 0
export function realisticBody(tag = ''): string {
  n += 1
  return JSON.stringify({
    ...example,
    createdAt: new Date().toISOString(),
    payload: {
      ...example.payload,
      uid: `bench-${process.pid}-${n}-${tag}`,
      bookingId: n,
      description:
        'Full colour service with consultation. The client asked for a strand test before the appointment and would like to keep the length. ' +
        'Bring the previous colour card; the stylist noted formula 6.3 with 20 vol last time. Parking is available behind the salon. ' +
        'Reminder sent by SMS 24 hours before; reschedule link included in the confirmation email. Allow 15 minutes for the consultation.',
      metadata: {
        videoCallUrl: null,
        frontdeskMutationId: `m-${n}`,
        source: 'web',
        campaign: 'spring-2026',
      },
      additionalNotes:
        'Please use the side entrance; allergic to latex. Prefers the 2nd floor room.',
      userFieldsResponses: {
        phone: { label: 'Phone', value: '+44 20 7946 0958' },
        service: { label: 'Service', value: 'Cut, colour and blow-dry (long hair)' },
        notes: { label: 'Notes', value: 'Returning client, last visit in January.' },
      },
    },
  })
}

/** The unique booking uid realisticBody() put in a body: the bench's key for one delivery. */
export const tagOf = (body: string): string => /"uid":"(bench-[^"]+)"/.exec(body)?.[1] ?? ''
