// A desk updated from a version without clients (before drizzle/0006_clients.sql) starts with
// its whole booking history turned into clients, searchable at once, and nothing else changed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { afterAll, expect, it } from 'vitest'
import { startTempDesk } from '../../../../test/support/temp-desk'
import { until } from '../../../../test/support/until'
import { AppointmentStore } from '../appointments/appointment-store'
import { DRIZZLE, migrationsBefore } from '../db/migrations-before.test-support'
import { openDatabase } from '../db/open-database'
import { DeskEvents } from '../events/desk-events'
import { ClientDirectory } from './client-directory'
import { listClients } from './client-list'
import { ClientStore } from './client-store'

const dir = mkdtempSync(join(tmpdir(), 'frontdesk-clients-migration-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** A desk database as a version before clients left it, holding three bookings. */
function olderDesk(dataDir: string): string {
  const file = join(dataDir, 'frontdesk.db')
  const old = openDatabase(file, migrationsBefore(dataDir, '0006_clients'))
  old.$client
    .prepare("insert into branches (id, name, time_zone) values (1, 'Toronto', 'America/Toronto')")
    .run()
  // The older desk's own store wrote them (the appointments table is the same before 0006).
  const visit = (
    uid: string,
    at: number,
    name: string,
    email: string | null,
    phone: string | null,
  ) => ({
    uid,
    branchId: 1,
    title: 'Cut',
    start: new Date(at),
    end: new Date(at + 1_000),
    status: 'COMPLETED' as const,
    attendee: { name, email, phone },
  })
  new AppointmentStore(old, new DeskEvents()).upsertMany(
    [
      visit('u1', 1_000, 'Zoë Adams', 'zoe@example.com', null),
      visit('u2', 5_000, 'Zoe Adams', 'ZOE@example.com', '416 555 0100'),
      visit('u3', 9_000, 'Sam Bell', null, '+1 416 555 0199'),
    ],
    'calcom',
  )
  old.$client.close()
  return file
}

it('derives clients from the bookings an older desk holds, with the committed migrations', () => {
  const file = olderDesk(mkdtempSync(join(dir, 'direct-')))
  const db = openDatabase(file, DRIZZLE)
  try {
    const clients = new ClientStore(db)
    const directory = new ClientDirectory({
      clients,
      appointments: new AppointmentStore(db, new DeskEvents()),
      events: new DeskEvents(),
      logger: pino({ level: 'silent' }),
    })
    expect(directory.catchUp()).toBe(3)
    const page = listClients(clients, 1, 'zoe', 1, 20)
    expect(page.clients).toEqual([
      expect.objectContaining({ name: 'Zoe Adams', email: 'ZOE@example.com', bookings: 2 }),
    ])
    expect(listClients(clients, 1, '416555', 1, 20).clients).toHaveLength(2)
    // A second start finds nothing left to derive.
    expect(directory.catchUp()).toBe(0)
  } finally {
    db.$client.close()
  }
})

it('derives them in the background when the upgraded desk starts, and answers meanwhile', async () => {
  const dataDir = mkdtempSync(join(dir, 'desk-'))
  olderDesk(dataDir)
  const desk = await startTempDesk({ dataDir })
  try {
    const page = await until(
      'clients derived from the older bookings',
      () => {
        const found = listClients(desk.services.clients, 1, 'zoe', 1, 20)
        return found.clients.length > 0 ? found : undefined
      },
      { wake: (recheck) => desk.services.events.on('clientsChanged', recheck) },
    )
    expect(page.clients).toEqual([expect.objectContaining({ name: 'Zoe Adams', bookings: 2 })])
  } finally {
    await desk.dispose()
  }
})
