import { describe, expect, it } from 'vitest'
import { answerProblem } from './answer-problem'
import { EnrollResponseSchema, EventsResponseSchema, ResyncAnswerSchema } from './log-answers'

// The one check the desk applies to the relay's answers and the relay's tests apply to what it
// writes: what it lets through and the words it says of what it does not.
describe('an answer of the relay, checked', () => {
  const page = (receivedAt: string) => ({
    events: [{ seq: 1, receivedAt, contentType: 'application/json', body: '{}' }],
    nextAfter: 1,
  })

  it('fits its schema, a field a newer relay added included', () => {
    expect(answerProblem(EventsResponseSchema, page('2026-03-02T10:00:00.000Z'))).toBeUndefined()
    expect(
      answerProblem(EventsResponseSchema, { ...page('2026-03-02T10:00:00Z'), more: true }),
    ).toBeUndefined()
  })

  it('holds its times to ones that exist: no 30 February, no leap second', () => {
    for (const time of ['2026-02-30T10:00:00Z', '2026-06-30T23:59:60Z']) {
      expect(answerProblem(EventsResponseSchema, page(time))).toBe(
        '/events/0/receivedAt must be an ISO 8601 time that exists',
      )
    }
  })

  it('names the place and the rule, never the value it found', () => {
    const token = 'dt_secret-token-value'
    expect(answerProblem(EnrollResponseSchema, { channelId: 'ch_1', deviceToken: token })).toBe(
      '/deviceId is missing',
    )
    // A token where a code belongs: said as the rule it breaks, the token left out.
    const wrong = answerProblem(ResyncAnswerSchema, { code: token })
    expect(wrong).toBe('/code must be "RESYNC_REQUIRED"')
    expect(wrong).not.toContain(token)
    expect(answerProblem(EventsResponseSchema, 'Bad gateway')).toBe('the answer must be object')
  })
})
