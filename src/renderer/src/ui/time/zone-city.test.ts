import { createIntl } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../app/i18n/messages'
import { zoneCity, zoneWords } from './zone-city'

describe('a time zone as a person says it', () => {
  it('is the city of its IANA id', () => {
    expect(zoneCity('America/Toronto', 'en')).toBe('Toronto')
    expect(zoneCity('Europe/Lisbon', 'en')).toBe('Lisbon')
    expect(zoneCity('America/Mexico_City', 'en')).toBe('Mexico City')
  })

  it('takes the last segment of a nested id, with spaces for underscores', () => {
    expect(zoneCity('America/Argentina/Buenos_Aires', 'en')).toBe('Buenos Aires')
    expect(zoneCity('America/Indiana/Knox', 'en')).toBe('Knox')
    expect(zoneCity('America/Port_of_Spain', 'en')).toBe('Port of Spain')
  })

  it('keeps the accents the id drops, in English too', () => {
    expect(zoneCity('America/Sao_Paulo', 'en')).toBe('São Paulo')
    expect(zoneCity('America/Bogota', 'en')).toBe('Bogotá')
  })

  it('names the city as Spanish does, accents included', () => {
    expect(zoneCity('America/Mexico_City', 'es')).toBe('Ciudad de México')
    expect(zoneCity('America/Sao_Paulo', 'es')).toBe('São Paulo')
    expect(zoneCity('America/New_York', 'es')).toBe('Nueva York')
    expect(zoneCity('Europe/London', 'es')).toBe('Londres')
    expect(zoneCity('Europe/Lisbon', 'es')).toBe('Lisboa')
    expect(zoneCity('America/Bogota', 'es')).toBe('Bogotá')
    expect(zoneCity('America/Los_Angeles', 'es')).toBe('Los Ángeles')
  })

  it('falls back to the English city in Spanish for a zone it has no name for', () => {
    expect(zoneCity('America/Toronto', 'es')).toBe('Toronto')
    expect(zoneCity('America/Argentina/Buenos_Aires', 'es')).toBe('Buenos Aires')
    expect(zoneCity('America/Port_of_Spain', 'es')).toBe('Puerto España')
    expect(zoneCity('America/Indiana/Knox', 'es')).toBe('Knox')
  })

  it('says UTC plainly, however the id spells it', () => {
    for (const id of ['UTC', 'Etc/UTC', 'Etc/GMT', 'Etc/Universal', 'GMT'])
      for (const locale of ['en', 'es']) expect(zoneCity(id, locale), id).toBe('UTC')
  })

  it('turns an Etc/GMT offset the right way round: Etc/GMT+5 is five hours behind UTC', () => {
    expect(zoneCity('Etc/GMT+5', 'en')).toBe('UTC-5')
    expect(zoneCity('Etc/GMT-10', 'es')).toBe('UTC+10')
  })
})

const said = (timeZone: string, locale: 'en' | 'es') => {
  const intl = createIntl({ locale, messages: MESSAGES[locale] })
  const { id, values } = zoneWords(timeZone, locale)
  return intl.formatMessage({ id }, values)
}

describe('the header words for a zone', () => {
  it('are its city, in either language', () => {
    expect(said('America/Toronto', 'en')).toBe('Toronto time')
    expect(said('America/Toronto', 'es')).toBe('Hora de Toronto')
    expect(said('America/Mexico_City', 'es')).toBe('Hora de Ciudad de México')
    expect(said('America/Sao_Paulo', 'es')).toBe('Hora de São Paulo')
  })

  it('say UTC plainly: "Hora UTC", not "Hora de Etc/UTC"', () => {
    expect(said('Etc/UTC', 'en')).toBe('UTC time')
    expect(said('Etc/UTC', 'es')).toBe('Hora UTC')
    expect(said('UTC', 'es')).toBe('Hora UTC')
  })
})
