// Clients derived from a real desk's bookings (SQLite file, the desk's own events): the merge
// rules, the FTS search, merges by hand kept when clients are derived again, notes that follow.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AppointmentStatus } from '../../../shared/domain/appointment-status'
import { startTempDesk, type TempDesk } from '../../../../test/support/temp-desk'
import { listClients } from './client-list'

let desk: TempDesk
let branchId: number
beforeEach(async () => {
  desk = await startTempDesk()
  branchId = desk.services.branches.current().id
})
afterEach(() => desk.dispose())

let n = 0
function book(
  attendee: { name: string; email?: string | null; phone?: string | null },
  opts: { start?: string; status?: AppointmentStatus; uid?: string } = {},
) {
  const uid = opts.uid ?? `b-${++n}`
  const start = opts.start ?? new Date(Date.UTC(2026, 0, 1, 9) + n * 3_600_000).toISOString()
  desk.services.appointments.upsert(
    {
      uid,
      branchId,
      title: 'Haircut',
      start,
      end: new Date(Date.parse(start) + 30 * 60_000).toISOString(),
      status: opts.status ?? 'SCHEDULED',
      attendee,
    },
    'calcom',
  )
  return uid
}

const search = (q: string, page = 1, pageSize = 20) =>
  listClients(desk.services.clients, branchId, q, page, pageSize)
const names = (q: string) => search(q).clients.map((c) => c.name)
const clientOf = (uid: string) => desk.services.clients.attendeeOf(uid)!.clientId!

describe('clients derived from bookings', () => {
  it('is one client for one email, whatever the spelling of the name; the latest spelling shows', () => {
    const a = book({ name: 'Ana Lopez', email: 'ana@example.com' })
    const b = book({ name: 'ANA LÓPEZ', email: 'Ana@Example.com' })
    expect(clientOf(a)).toBe(clientOf(b))
    expect(search('').clients).toEqual([
      expect.objectContaining({ name: 'ANA LÓPEZ', email: 'Ana@Example.com', bookings: 2 }),
    ])
  })

  it('keeps a client whose email changed but whose phone matched, and finds them by either email', () => {
    const a = book({ name: 'Rosa Díaz', email: 'rosa@old.example', phone: '+34 612 345 678' })
    const b = book({ name: 'Rosa Díaz', email: 'rosa@new.example', phone: '612-345-678' })
    expect(clientOf(a)).toBe(clientOf(b))
    expect(names('rosa@old')).toEqual(['Rosa Díaz'])
    expect(names('rosa@new')).toEqual(['Rosa Díaz'])
    // A later booking with only the old email is still her.
    expect(clientOf(book({ name: 'R. Díaz', email: 'ROSA@old.example' }))).toBe(clientOf(a))
  })

  it('matches phones however they were typed', () => {
    const a = book({ name: 'Tom', phone: '+1 (416) 555-0100' })
    const b = book({ name: 'Thomas', phone: '416.555.0100' })
    expect(clientOf(a)).toBe(clientOf(b))
  })

  it('merges name-only bookings on the name without accents, never bookings that carry contacts', () => {
    const a = book({ name: 'José García' })
    const b = book({ name: 'jose  garcia' })
    expect(clientOf(a)).toBe(clientOf(b))
    const c = book({ name: 'José García', email: 'other.jose@example.com' })
    expect(clientOf(c)).not.toBe(clientOf(a))
  })

  it('follows a booking whose attendee changed to the client it now names', () => {
    const uid = book({ name: 'Walk In' })
    const before = clientOf(uid)
    book({ name: 'Lena Park', email: 'lena@example.com' }, { uid, start: '2026-01-01T09:00:00Z' })
    expect(clientOf(uid)).not.toBe(before)
    expect(names('lena')).toEqual(['Lena Park'])
  })
})

describe('searching clients (FTS5)', () => {
  beforeEach(() => {
    book({ name: 'José Núñez', email: 'jnunez@example.com', phone: '+1 (416) 555-0100' })
    book({ name: 'Joselyn Park', email: 'jpark@example.com' })
    book({ name: 'María Fernández', phone: '612 345 678' })
  })

  it('finds "José" from "jose" and "Jose", and the other way round', () => {
    expect(new Set(names('jose'))).toEqual(new Set(['José Núñez', 'Joselyn Park']))
    expect(names('Jose Nu')).toEqual(['José Núñez'])
    expect(names('NUÑEZ')).toEqual(['José Núñez'])
    expect(names('maria fern')).toEqual(['María Fernández'])
  })

  it('finds as the receptionist types: a prefix of any word, an email, a phone', () => {
    expect(names('j')).toHaveLength(2)
    expect(names('jos nu')).toEqual(['José Núñez'])
    expect(names('jpark@')).toEqual(['Joselyn Park'])
    expect(names('416 555')).toEqual(['José Núñez'])
    expect(names('555-01')).toEqual(['José Núñez'])
    expect(names('612')).toEqual(['María Fernández'])
    expect(names('zzz')).toEqual([])
  })

  it('pages the answer, latest booking first', () => {
    const first = search('', 1, 2)
    expect(first.clients.map((c) => c.name)).toEqual(['María Fernández', 'Joselyn Park'])
    expect(first.hasMore).toBe(true)
    const second = search('', 2, 2)
    expect(second.clients.map((c) => c.name)).toEqual(['José Núñez'])
    expect(second.hasMore).toBe(false)
  })
})

describe('merging two clients by hand', () => {
  it('makes one client of two, notes included, and keeps it when clients are derived again', () => {
    const { clientDirectory, clients } = desk.services
    const a = book({ name: 'Liam Chen', email: 'liam@example.com' })
    const b = book({ name: 'L. Chen', phone: '600 111 222' })
    const [into, from] = [clientOf(a), clientOf(b)]
    clientDirectory.addNote(from, 'alert', 'Allergic to latex')
    clientDirectory.merge(into, from)
    expect(clientOf(b)).toBe(into)
    expect(clients.byId(from)).toBeUndefined()
    expect(clients.notesOf(into).map((x) => x.text)).toEqual(['Allergic to latex'])
    // A new booking under the merged-away phone is the same person.
    expect(clientOf(book({ name: 'Liam', phone: '+34 600-111-222' }))).toBe(into)

    clientDirectory.rebuild(branchId)
    const again = clientOf(a)
    expect(clientOf(b)).toBe(again)
    expect(search('chen').clients).toEqual([
      expect.objectContaining({ bookings: 3, alerts: ['Allergic to latex'] }),
    ])
  })

  it('refuses to merge a client with itself or with one that does not exist', () => {
    const id = clientOf(book({ name: 'Solo', email: 'solo@example.com' }))
    expect(() => desk.services.clientDirectory.merge(id, id)).toThrow(/itself/)
    expect(() => desk.services.clientDirectory.merge(id, 999_999)).toThrow(/No client/)
  })
})
