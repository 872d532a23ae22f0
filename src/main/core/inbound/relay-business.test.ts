// A relay refusal of a field the desk forwarded (the business set-up, a person's details) reaches
// the UI as a VALIDATION with a reason it can word and the field as the desk's body names it,
// never only as the relay's English sentence. The refusal is a real relay's answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startInProcessRelay, type InProcessRelay } from '../../../../test/support/in-process-relay'
import { ValidationError } from '../errors/validation-error'
import { refusal } from './relay-business'

let relay: InProcessRelay

// The relay never reaches Cal.com here: a body it refuses is refused before anyone is asked.
beforeAll(async () => {
  relay = await startInProcessRelay({ calcomUrl: 'http://127.0.0.1:9' })
})
afterAll(() => relay.close())

describe('a relay refusal of a field', () => {
  it('is a VALIDATION the UI can word, naming the field as the desk names it', async () => {
    const res = await fetch(`${relay.url}/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ calcom: { apiKey: 'cal_test_x' }, deviceName: '' }),
    })
    expect(res.status).toBe(400)
    const error = await refusal(res)
    expect(error).toBeInstanceOf(ValidationError)
    expect(error).toMatchObject({ code: 'VALIDATION', reason: 'invalid', field: 'deviceName' })
  })
})
