import { describe, expect, it } from 'vitest'
import { matchClients, matchRank } from './client-matching'

const row = (name: string, email: string | null, phone: string | null, startsAt: number) => ({
  name,
  email,
  phone,
  startsAt,
})

describe('matching a typed fragment to past clients', () => {
  it('finds a name by the start of any word, without accents or case', () => {
    expect(matchRank(row('María José Núñez', null, null, 0), 'nun')).toBe(0)
    expect(matchRank(row('María José Núñez', null, null, 0), 'MARIA')).toBe(0)
    expect(matchRank(row('María José Núñez', null, null, 0), 'xyz')).toBeNull()
  })

  it('finds a phone by its digits however it was written', () => {
    expect(matchRank(row('Ann', null, '+1 (416) 555-0100', 0), '+1 416')).toBe(1)
    expect(matchRank(row('Ann', null, '+1 (416) 555-0100', 0), '555-01')).toBe(2)
    // Two digits say too little to suggest someone by phone.
    expect(matchRank(row('Ann', null, '+1 (416) 555-0100', 0), '41')).toBeNull()
  })

  it('counts one person by the clients’ rules: a phone with or without its country code', () => {
    const rows = [
      row('Tom Reyes', null, '+1 (416) 555-0100', 100),
      row('Tom Reyes', null, '416-555-0100', 200),
    ]
    expect(matchClients(rows, 'tom', 8)).toEqual([
      expect.objectContaining({ name: 'Tom Reyes', visits: 2, lastVisit: 200 }),
    ])
  })

  it('shows each person once, with their latest details, name matches first', () => {
    const rows = [
      row('Ann Lee', 'ann@example.com', null, 100),
      row('Ann Lee-Park', 'ANN@example.com', '555 0100', 300),
      row('Joanna Ward', 'jo@example.com', null, 400),
      row('Bob Annan', null, '555 0199', 50),
    ]
    expect(matchClients(rows, 'ann', 10)).toEqual([
      {
        name: 'Ann Lee-Park',
        email: 'ANN@example.com',
        phone: '555 0100',
        lastVisit: 300,
        visits: 2,
      },
      { name: 'Bob Annan', email: null, phone: '555 0199', lastVisit: 50, visits: 1 },
      { name: 'Joanna Ward', email: 'jo@example.com', phone: null, lastVisit: 400, visits: 1 },
    ])
    expect(matchClients(rows, 'ann', 1)).toHaveLength(1)
  })
})
