import { describe, expect, it } from 'vitest'
import { apiKeyProblem } from './api-key'

describe('apiKeyProblem', () => {
  it('accepts live and test keys, ignoring the spaces a paste brings along', () => {
    expect(apiKeyProblem('cal_live_0123456789abcdef')).toBeNull()
    expect(apiKeyProblem('  cal_test_0123456789abcdef\n')).toBeNull()
  })

  it('names what is wrong with anything else', () => {
    expect(apiKeyProblem('   ')).toMatch(/Paste the Cal.com API key/)
    expect(apiKeyProblem('sk_live_0123456789abcdef')).toMatch(/start with cal_/)
    expect(apiKeyProblem('cal_live_0123 456789')).toMatch(/no spaces/)
    expect(apiKeyProblem('cal_live')).toMatch(/too short/)
    expect(apiKeyProblem(`cal_live_${'a'.repeat(600)}`)).toMatch(/at most 512/)
  })
})
