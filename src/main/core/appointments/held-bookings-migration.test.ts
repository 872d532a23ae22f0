// A desk updated from a version that kept held bookings as `held:` keys in applied_events finds
// them in held_bookings, still waiting for the outbox, and its event keys untouched.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { openDatabase } from '../db/open-database'
import { DRIZZLE, migrationsBefore } from '../db/migrations-before.test-support'
import { HeldBookingStore } from './held-booking-store'

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-held-migration-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

it('moves held: keys out of applied_events into held_bookings', () => {
  const file = join(dir, 'frontdesk.db')
  const old = openDatabase(file, migrationsBefore(dir, '0003_held_bookings'))
  old.$client
    .prepare('insert into applied_events (event_key) values (?), (?), (?)')
    .run('held:uid-a', 'held:uid-b', 'BOOKING_CREATED:uid-c:1')
  old.$client.close()

  const db = openDatabase(file, DRIZZLE)
  try {
    expect(new HeldBookingStore(db).uids().sort()).toEqual(['uid-a', 'uid-b'])
    const keys = db.$client.prepare('select event_key as k from applied_events').all()
    expect(keys).toEqual([{ k: 'BOOKING_CREATED:uid-c:1' }])
  } finally {
    db.$client.close()
  }
})
