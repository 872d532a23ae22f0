// The rules that make clients of bookings (client-identity.ts), on their own.
import { describe, expect, it } from 'vitest'
import {
  emailKey,
  identityKeys,
  lookupKeys,
  nameKey,
  phoneKey,
  phoneSearchForms,
  resolveClient,
} from './client-identity'
import { ftsQuery } from './client-search-query'

describe('identity keys of an attendee', () => {
  it('takes an email whatever its case and spaces', () => {
    expect(emailKey(' Ana.Lopez@Example.COM ')).toBe('e:ana.lopez@example.com')
    expect(emailKey('not an email')).toBeNull()
    expect(emailKey(null)).toBeNull()
  })

  it('takes a phone however it was written, country code or not', () => {
    const toronto = ['+1 (416) 555-0100', '416-555-0100', '1 416 555 0100', '4165550100']
    expect(new Set(toronto.map(phoneKey))).toEqual(new Set(['p:165550100']))
    const madrid = ['+34 612 345 678', '612345678', '0034 612-34-56-78']
    expect(new Set(madrid.map(phoneKey))).toEqual(new Set(['p:612345678']))
    // Too few digits to be anyone's phone.
    expect(phoneKey('555-01')).toBeNull()
  })

  it('takes a name without accents, case or extra spaces', () => {
    expect(nameKey('  José   GARCÍA ')).toBe(nameKey('jose garcia'))
    expect(nameKey('Núñez')).toBe('n:nunez')
    expect(nameKey('***')).toBeNull()
  })
})

describe('which client a booking belongs to', () => {
  const owners = new Map([
    ['e:ana@example.com', 1],
    ['p:612345678', 2],
    ['n:jose garcia', 3],
  ])
  const ownerOf = (key: string) => owners.get(key)

  it('is the owner of its email first, whatever the name says', () => {
    const keys = identityKeys({ name: 'ANA lópez', email: 'Ana@example.com', phone: '612345678' })
    expect(resolveClient(keys, ownerOf)).toBe(1)
  })

  it('is the owner of its phone when the email is new (a changed email)', () => {
    const keys = identityKeys({
      name: 'Ana',
      email: 'ana.new@example.com',
      phone: '+34 612 345 678',
    })
    expect(resolveClient(keys, ownerOf)).toBe(2)
  })

  it('is found by name, accents aside, only when it has no email and no phone', () => {
    expect(
      resolveClient(identityKeys({ name: 'José García', email: null, phone: null }), ownerOf),
    ).toBe(3)
    const withEmail = identityKeys({ name: 'José García', email: 'other@example.com', phone: null })
    expect(lookupKeys(withEmail)).toEqual(['e:other@example.com'])
    expect(resolveClient(withEmail, ownerOf)).toBeNull()
  })
})

describe('what a typed search looks for', () => {
  it('prefix-matches every word, and reads digits alone as a phone', () => {
    expect(ftsQuery('jose gar')).toBe('"jose"* "gar"*')
    expect(ftsQuery('ana.lo@')).toBe('"ana"* "lo"*')
    expect(ftsQuery('+1 (416) 555')).toBe('phones : "1416555"*')
    expect(ftsQuery('  ')).toBeNull()
    expect(ftsQuery('"')).toBeNull()
  })

  it('indexes a phone under each start a receptionist may type', () => {
    expect(phoneSearchForms('+1 (416) 555-0100')).toEqual([
      '14165550100',
      '4165550100',
      '165550100',
      '5550100',
    ])
  })
})
