import { describe, expect, it } from 'vitest'
import { defaultRules } from './rules.js'
import { describeChange, diffRules } from './rules-diff.js'

describe('the readable diff of a rules proposal', () => {
  it('is empty when nothing changed', () => {
    expect(diffRules(defaultRules(), defaultRules())).toEqual([])
  })

  it('names each changed setting with its before and after, in English and Spanish', () => {
    const before = defaultRules()
    const after = defaultRules()
    after.kinds['booking.paid'].channels = ['desktop', 'email']
    after.kinds['booking.no_show'].recipients = { roles: ['owner', 'admin'], people: [] }
    after.quietHours = null
    const changes = diffRules(before, after)
    expect(changes.map((c) => c.path)).toEqual([
      'kinds/booking.no_show/recipients',
      'kinds/booking.paid/channels',
      'quietHours',
    ])
    expect(changes.map((c) => describeChange(c, 'en'))).toEqual([
      'booking.no_show — who: owners → owners, admins',
      'booking.paid — how: desktop → desktop, email',
      'Quiet hours: 21:00–08:00 → nothing',
    ])
    expect(describeChange(changes[0]!, 'es')).toBe(
      'booking.no_show — a quién: propietarios → propietarios, administradores',
    )
  })

  it('shows cancellation policies added, changed and removed', () => {
    const before = defaultRules()
    before.cancellationPolicies = [
      { branchId: 'ch_a', eventTypeId: 1, windowHours: 24, text: 'A day ahead, please.' },
      { branchId: 'ch_a', eventTypeId: 2, windowHours: 12, text: 'Half a day.' },
    ]
    const after = defaultRules()
    after.cancellationPolicies = [
      { branchId: 'ch_a', eventTypeId: 1, windowHours: 48, text: 'Two days ahead, please.' },
      { branchId: 'ch_b', eventTypeId: 7, windowHours: 6, text: 'Six hours.' },
    ]
    expect(diffRules(before, after).map((c) => describeChange(c))).toEqual([
      'Cancellation policy (ch_a / 1): 24 h: “A day ahead, please.” → 48 h: “Two days ahead, please.”',
      'Cancellation policy (ch_b / 7): nothing → 6 h: “Six hours.”',
      'Cancellation policy (ch_a / 2): 12 h: “Half a day.” → nothing',
    ])
  })

  it('turning a kind off and coalescing read as words', () => {
    const after = defaultRules()
    after.kinds['booking.requested'].enabled = false
    after.kinds['booking.requested'].coalesceMinutes = 0
    expect(diffRules(defaultRules(), after).map((c) => describeChange(c))).toEqual([
      'booking.requested — notify: on → off',
      'booking.requested — group bursts: 5 min → no coalescing',
    ])
  })
})
