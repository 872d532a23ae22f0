import { createIntl } from 'react-intl'
import { describe, expect, it } from 'vitest'
import { MESSAGES } from '../../app/i18n/messages'
import { canWalkIn, defaultWalkInService, noticeWords, shownService } from './walk-in-services'

// The sandbox's Toronto services, by title as the desk lists them, with their Cal.com notice.
const bridal = { id: 1, title: 'Bridal hair trial', minimumNoticeMinutes: 48 * 60 }
const consultation = { id: 2, title: 'Colour consultation (video)', minimumNoticeMinutes: 120 }
const fullColour = { id: 3, title: 'Full colour', minimumNoticeMinutes: 24 * 60 }
const haircut = { id: 4, title: 'Haircut & style', minimumNoticeMinutes: 60 }
const services = [bridal, consultation, fullColour, haircut]

const timeZone = 'America/Toronto'
/** A Tuesday, 11:02 in Toronto. */
const morning = { now: new Date('2026-03-10T15:02:00Z'), today: '2026-03-10', timeZone }

describe('which services a walk-in can be booked for', () => {
  it('those whose notice still lets them start today, in the branch zone', () => {
    expect(services.filter((s) => canWalkIn(s, morning))).toEqual([consultation, haircut])
    // 19:30 in Toronto (23:30 UTC): an hour's notice still ends today there, not in UTC.
    const evening = { now: new Date('2026-03-10T23:30:00Z'), today: '2026-03-10', timeZone }
    expect(canWalkIn(haircut, evening)).toBe(true)
    expect(canWalkIn(consultation, evening)).toBe(true)
    // 23:30 in Toronto: an hour's notice lands tomorrow.
    const lateNight = { now: new Date('2026-03-11T03:30:00Z'), today: '2026-03-10', timeZone }
    expect(canWalkIn(haircut, lateNight)).toBe(false)
    expect(canWalkIn({ id: 9, minimumNoticeMinutes: 0 }, lateNight)).toBe(true)
  })

  it('any whose notice the desk does not know yet: Cal.com’s slots still say who is free', () => {
    expect(canWalkIn({ id: 9, minimumNoticeMinutes: null }, morning)).toBe(true)
  })
})

describe('the service a walk-in opens on', () => {
  it('is the walk-in service with the shortest notice, not the first by title', () => {
    expect(defaultWalkInService(services, morning)).toBe(haircut)
  })

  it('keeps the list’s order between equal notices, and prefers a known notice to an unknown one', () => {
    const blowDry = { id: 5, title: 'Blow-dry', minimumNoticeMinutes: 0 }
    const trim = { id: 6, title: 'Trim', minimumNoticeMinutes: 0 }
    const unknown = { id: 7, title: 'Beard', minimumNoticeMinutes: null }
    expect(defaultWalkInService([unknown, blowDry, trim], morning)).toBe(blowDry)
    // A desk that has not read the notices since it began keeping them opens on the first.
    const notRead = services.map((s) => ({ ...s, minimumNoticeMinutes: null }))
    expect(defaultWalkInService(notRead, morning)).toBe(notRead[0])
  })

  it('is none when every service needs more notice than today has left', () => {
    expect(defaultWalkInService([bridal, fullColour], morning)).toBeNull()
    expect(defaultWalkInService([], morning)).toBeNull()
  })
})

describe('the service the form shows', () => {
  it('is the walk-in’s until one is picked, whichever the kind', () => {
    expect(shownService(services, null, 'walk-in', morning)).toBe(haircut)
    expect(shownService(services, null, 'phone', morning)).toBe(haircut)
  })

  it('is what was picked for a phone booking, even one a walk-in cannot have, until Walk-in is chosen', () => {
    expect(shownService(services, bridal.id, 'phone', morning)).toBe(bridal)
    expect(shownService(services, bridal.id, 'walk-in', morning)).toBe(haircut)
    expect(shownService(services, consultation.id, 'walk-in', morning)).toBe(consultation)
  })

  it('for a phone booking is the first when no service can be a walk-in today; for a walk-in, none', () => {
    expect(shownService([bridal, fullColour], null, 'phone', morning)).toBe(bridal)
    expect(shownService([bridal, fullColour], null, 'walk-in', morning)).toBeNull()
    // A service that is gone (hidden since) is not shown.
    expect(shownService([haircut], bridal.id, 'phone', morning)).toBe(haircut)
  })
})

describe('a notice in words', () => {
  const say = (locale: 'en' | 'es', minutes: number) => {
    const intl = createIntl({ locale, messages: MESSAGES[locale] })
    const { id, values } = noticeWords(minutes)
    return intl.formatMessage({ id }, values)
  }

  it('is said in the unit it was most likely set in, in English and Spanish', () => {
    expect(say('en', 48 * 60)).toBe('needs 48 hours’ notice')
    expect(say('en', 60)).toBe('needs 1 hour’s notice')
    expect(say('en', 90)).toBe('needs 90 minutes’ notice')
    expect(say('en', 7 * 24 * 60)).toBe('needs 7 days’ notice')
    expect(say('es', 48 * 60)).toBe('necesita 48 horas de antelación')
    expect(say('es', 1)).toBe('necesita 1 minuto de antelación')
    expect(say('es', 3 * 24 * 60)).toBe('necesita 3 días de antelación')
  })
})
