import { describe, expect, it } from 'vitest'
import { realEmail } from './client-email'

describe('a client email the desk shows', () => {
  it('is none for the address Cal.com makes up when a booking has no email', () => {
    expect(realEmail('tom.s.reyes@sms.cal.com')).toBeNull()
    expect(realEmail('+14165550142@SMS.cal.com')).toBeNull()
    expect(realEmail(null)).toBeNull()
    expect(realEmail('')).toBeNull()
  })

  it('is the address itself otherwise', () => {
    expect(realEmail('lea.sharma75@example.com')).toBe('lea.sharma75@example.com')
    expect(realEmail('ana@cal.com')).toBe('ana@cal.com')
  })
})
