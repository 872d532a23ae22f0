import { describe, expect, it } from 'vitest'
import { parseRoute, paths } from './routes'

describe('parseRoute', () => {
  it('reads a day, and a day with an appointment open in the drawer', () => {
    expect(parseRoute('/day/2026-03-10')).toEqual({
      name: 'day',
      date: '2026-03-10',
      appointmentUid: null,
    })
    expect(parseRoute('/day/2026-03-10/appointment/abc-123')).toEqual({
      name: 'day',
      date: '2026-03-10',
      appointmentUid: 'abc-123',
    })
  })

  it('reads the lists and settings', () => {
    expect(parseRoute('/attention')).toEqual({ name: 'attention' })
    expect(parseRoute('/pending')).toEqual({ name: 'pending' })
    expect(parseRoute('/settings')).toEqual({ name: 'settings' })
    expect(parseRoute('/sync-health')).toEqual({ name: 'sync-health' })
  })

  it('reads the printed day sheet of a day, and no other', () => {
    expect(parseRoute(paths.print('2026-03-10'))).toEqual({ name: 'print', date: '2026-03-10' })
    expect(parseRoute('/print/2026-02-30')).toEqual({ name: 'not-found' })
    expect(parseRoute('/print')).toEqual({ name: 'not-found' })
    expect(parseRoute('/print/2026-03-10/extra')).toEqual({ name: 'not-found' })
  })

  it('reads the client list and a client card', () => {
    expect(parseRoute(paths.clients)).toEqual({ name: 'clients' })
    expect(parseRoute(paths.client(42))).toEqual({ name: 'client', id: 42 })
    expect(parseRoute('/clients/0')).toEqual({ name: 'not-found' })
    expect(parseRoute('/clients/abc')).toEqual({ name: 'not-found' })
  })

  it('sends an empty address to today', () => {
    expect(parseRoute('/')).toEqual({ name: 'today' })
    expect(parseRoute('')).toEqual({ name: 'today' })
  })

  it('refuses days that do not exist and addresses it does not know', () => {
    expect(parseRoute('/day/2026-02-30')).toEqual({ name: 'not-found' })
    expect(parseRoute('/day/tomorrow')).toEqual({ name: 'not-found' })
    expect(parseRoute('/day/2026-03-10/appointment')).toEqual({ name: 'not-found' })
    expect(parseRoute('/settings/extra')).toEqual({ name: 'not-found' })
    expect(parseRoute('/day/2026-03-10/appointment/%E0%A4%A')).toEqual({ name: 'not-found' })
  })

  it('round-trips the paths it builds, uids with any characters included', () => {
    const uid = 'local-7f3/ü x'
    expect(parseRoute(paths.appointment('2026-03-10', uid))).toEqual({
      name: 'day',
      date: '2026-03-10',
      appointmentUid: uid,
    })
    expect(parseRoute(paths.day('2026-12-31'))).toEqual({
      name: 'day',
      date: '2026-12-31',
      appointmentUid: null,
    })
  })

  it('reads the notification screens and an appointment by uid alone (a notification’s click)', () => {
    expect(parseRoute(paths.notifications())).toEqual({ name: 'notifications', tab: 'rules' })
    expect(parseRoute(paths.notifications('proposals'))).toEqual({
      name: 'notifications',
      tab: 'proposals',
    })
    expect(parseRoute(paths.notifications('history'))).toEqual({
      name: 'notifications',
      tab: 'history',
    })
    expect(parseRoute('/notifications/other')).toEqual({ name: 'not-found' })
    expect(parseRoute(paths.appointmentByUid('bk/ü 1'))).toEqual({
      name: 'appointment',
      uid: 'bk/ü 1',
    })
  })

  it("reads the owner's overview of today and of this week", () => {
    expect(parseRoute(paths.overview())).toEqual({ name: 'overview', range: 'today' })
    expect(parseRoute(paths.overview('week'))).toEqual({ name: 'overview', range: 'week' })
    expect(parseRoute('/overview/month')).toEqual({ name: 'not-found' })
  })
})
