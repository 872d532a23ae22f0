import { describe, expect, it } from 'vitest'
import { SYNC_PROBLEMS } from '../../../../shared/api/sync-problems'
import { DESK_EVENT_TRIGGER } from '../../../../shared/relay/desk-events'
import { DESK_WEBHOOK_TRIGGERS } from '../../../../shared/calcom/webhook-triggers'
import { MESSAGES } from '../../app/i18n/messages'
import { problemWords, reconcileTriggerWords, triggerWords } from './sync-words'

describe('sync health words', () => {
  it('names every trigger the desk maps, in both languages', () => {
    for (const trigger of DESK_WEBHOOK_TRIGGERS) {
      const { id } = triggerWords(trigger)
      expect(id).toBe(`syncHealth.trigger.${trigger}`)
      expect(MESSAGES.es[id]).not.toBe(MESSAGES.en[id])
    }
  })

  it('names the desks’ own shared changes in words, not by their code', () => {
    const { id } = triggerWords(DESK_EVENT_TRIGGER)
    expect(id).toBe('syncHealth.trigger.FRONTDESK_DESK_EVENT')
    expect(MESSAGES.en[id]).not.toContain('FRONTDESK')
    expect(MESSAGES.es[id]).not.toBe(MESSAGES.en[id])
  })

  it('names an unknown trigger or reconcile by its code rather than saying nothing', () => {
    expect(triggerWords('BOOKING_TELEPORTED')).toEqual({
      id: 'syncHealth.trigger.other',
      values: { trigger: 'BOOKING_TELEPORTED' },
    })
    expect(reconcileTriggerWords('interval').id).toBe('syncHealth.reconcileTrigger.interval')
    expect(reconcileTriggerWords('lunar').values).toEqual({ trigger: 'lunar' })
  })

  it('has what happened and what to do for every problem', () => {
    for (const problem of SYNC_PROBLEMS) {
      expect(MESSAGES.en).toHaveProperty(`syncHealth.problem.${problem}`)
      expect(MESSAGES.en).toHaveProperty(`syncHealth.problem.${problem}.todo`)
    }
    expect(problemWords('relay', 'RELAY_UNREACHABLE').todo.id).toBe(
      'syncHealth.problem.RELAY_UNREACHABLE.todo',
    )
    expect(problemWords('calcom', 'INVALID_GRANT').what.id).toBe(
      'syncHealth.problem.CALCOM_SIGN_IN',
    )
  })
})

describe('recent problems', () => {
  it('shows a run of the same error once, with how many times, newest first', async () => {
    const { groupRepeats } = await import('./RecentProblems')
    const cut = (at: string) => ({
      at,
      source: 'relay' as const,
      code: 'RELAY_UNREACHABLE',
      message: 'The relay could not be reached: fetch failed',
    })
    const grouped = groupRepeats([
      cut('2026-03-10T10:00:03Z'),
      cut('2026-03-10T10:00:02Z'),
      cut('2026-03-10T10:00:01Z'),
      { ...cut('2026-03-10T09:00:00Z'), source: 'reconcile', code: 'NETWORK' },
      cut('2026-03-10T08:00:00Z'),
    ])
    expect(grouped.map((g) => [g.at, g.code, g.times])).toEqual([
      ['2026-03-10T10:00:03Z', 'RELAY_UNREACHABLE', 3],
      ['2026-03-10T09:00:00Z', 'NETWORK', 1],
      ['2026-03-10T08:00:00Z', 'RELAY_UNREACHABLE', 1],
    ])
  })
})
