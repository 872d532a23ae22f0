import { describe, expect, it } from 'vitest'
import { zoneCity } from './zone-city'

describe('a time zone as a person says it', () => {
  it('is the city of its IANA id', () => {
    expect(zoneCity('America/Toronto')).toBe('Toronto')
    expect(zoneCity('Europe/Lisbon')).toBe('Lisbon')
  })

  it('takes the last segment of a nested id, with spaces for underscores', () => {
    expect(zoneCity('America/Argentina/Buenos_Aires')).toBe('Buenos Aires')
    expect(zoneCity('America/Indiana/Knox')).toBe('Knox')
    expect(zoneCity('America/Port_of_Spain')).toBe('Port of Spain')
  })

  it('keeps an id with no city as it is', () => {
    expect(zoneCity('UTC')).toBe('UTC')
    // Etc/GMT+5 is UTC−5: its last segment alone would read the wrong way round.
    expect(zoneCity('Etc/GMT+5')).toBe('Etc/GMT+5')
  })
})
