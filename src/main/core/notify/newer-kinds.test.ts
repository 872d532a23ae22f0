import { describe, expect, it } from 'vitest'
import { defaultRules } from '../../../shared/notifications/rules'
import { answerProblem } from '../../../shared/relay/answer-problem'
import {
  DesktopPollAnswerSchema,
  NotificationRulesResponseSchema,
} from '../../../shared/relay/notification-answers'
import type { DesktopNotification } from '../../../shared/relay/relay-contract'
import { showablePage, splitKinds, withNewerKinds } from './newer-kinds'

const notification = (seq: number, kind: string): DesktopNotification => ({
  seq,
  personId: 'per_1',
  kind: kind as DesktopNotification['kind'],
  branchId: null,
  title: `Title ${seq}`,
  body: `Body ${seq}`,
  bookingUid: null,
  count: 1,
  createdAt: '2026-03-10T14:00:00.000Z',
})

describe('a page of desktop notifications from a newer relay', () => {
  it('is understood with a kind this desk does not know, and still checked in every other way', () => {
    const page = (notifications: unknown[], nextAfter: unknown = 9) => ({
      notifications,
      nextAfter,
    })
    const unknown = { ...notification(5, 'booking.waitlisted'), title: 7, extra: true }
    expect(
      answerProblem(DesktopPollAnswerSchema, page([notification(4, 'booking.created'), unknown])),
    ).toBeUndefined()
    expect(
      answerProblem(
        DesktopPollAnswerSchema,
        page([{ ...notification(4, 'booking.created'), count: 0 }]),
      ),
    ).toBe('/notifications/0/count must be >= 1')
    expect(answerProblem(DesktopPollAnswerSchema, page([{ seq: 5 }]))).toBe(
      '/notifications/0/kind is missing',
    )
    expect(answerProblem(DesktopPollAnswerSchema, page([], -1))).toBe('/nextAfter must be >= 0')
    expect(answerProblem(DesktopPollAnswerSchema, { notifications: [] })).toBe(
      '/nextAfter is missing',
    )
  })

  it('keeps the kinds this desk shows, in order, names each kind skipped once, and moves past all', () => {
    const page = showablePage({
      notifications: [
        notification(4, 'booking.created'),
        { ...notification(5, 'booking.waitlisted'), extra: true } as never,
        notification(6, 'rules.proposal'),
        notification(7, 'booking.waitlisted'),
        { kind: 'client.birthday' },
      ],
      nextAfter: 8,
    })
    expect(page.notifications.map((n) => n.seq)).toEqual([4, 6])
    expect(page.skippedKinds).toEqual(['booking.waitlisted', 'client.birthday'])
    expect(page.nextAfter).toBe(8)
  })

  it('skips nothing of a page this desk knows all of', () => {
    const page = showablePage({ notifications: [notification(1, 'summary.daily')], nextAfter: 1 })
    expect(page).toEqual({
      notifications: [notification(1, 'summary.daily')],
      nextAfter: 1,
      skippedKinds: [],
    })
  })
})

describe('the rules of a newer relay', () => {
  const waitlisted = { enabled: true, channels: ['sms'], whatever: { nested: 1 } }
  const fromRelay = () => {
    const rules = defaultRules()
    return { ...rules, kinds: { ...rules.kinds, 'booking.waitlisted': waitlisted } } as never
  }

  it('are understood beside the kinds this desk knows, which are checked as strictly as before', () => {
    const answer = (rules: unknown) => ({
      version: 3,
      rules,
      email: { enabled: false },
      pendingProposals: 0,
    })
    expect(answerProblem(NotificationRulesResponseSchema, answer(fromRelay()))).toBeUndefined()
    const bad = fromRelay() as ReturnType<typeof defaultRules>
    bad.kinds['booking.created'] = { ...bad.kinds['booking.created'], coalesceMinutes: -1 }
    expect(answerProblem(NotificationRulesResponseSchema, answer(bad))).toBe(
      '/rules/kinds/booking.created/coalesceMinutes must be >= 0',
    )
    const missing = fromRelay() as { kinds: Record<string, unknown> }
    delete missing.kinds['summary.daily']
    expect(answerProblem(NotificationRulesResponseSchema, answer(missing))).toBe(
      '/rules/kinds/summary.daily is missing',
    )
  })

  it('are split into the document this desk knows and the newer kinds as they came', () => {
    const { rules, newer } = splitKinds(fromRelay())
    expect(rules).toEqual(defaultRules())
    expect(newer).toEqual({ 'booking.waitlisted': waitlisted })
  })

  it('go back with a change unchanged, and never stand for a kind this desk knows', () => {
    const edited = defaultRules()
    edited.kinds['booking.created'].enabled = false
    const sent = withNewerKinds(edited, {
      'booking.waitlisted': waitlisted,
      'booking.created': { enabled: true },
    })
    expect(sent.kinds['booking.created'].enabled).toBe(false)
    expect((sent.kinds as Record<string, unknown>)['booking.waitlisted']).toEqual(waitlisted)
    expect(splitKinds(sent)).toEqual({ rules: edited, newer: { 'booking.waitlisted': waitlisted } })
  })
})
