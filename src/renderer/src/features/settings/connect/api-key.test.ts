import { describe, expect, it } from 'vitest'
import { apiKeyProblem } from './api-key'

describe('apiKeyProblem', () => {
  it('accepts live and test keys, ignoring the spaces a paste brings along', () => {
    expect(apiKeyProblem('cal_live_0123456789abcdef')).toBeNull()
    expect(apiKeyProblem('  cal_test_0123456789abcdef\n')).toBeNull()
  })

  it('names what is wrong with anything else, as a code', () => {
    expect(apiKeyProblem('   ')).toBe('API_KEY_EMPTY')
    expect(apiKeyProblem('sk_live_0123456789abcdef')).toBe('API_KEY_NOT_CALCOM')
    expect(apiKeyProblem('cal_live_0123 456789')).toBe('API_KEY_HAS_SPACES')
    expect(apiKeyProblem('cal_live')).toBe('API_KEY_TOO_SHORT')
    expect(apiKeyProblem(`cal_live_${'a'.repeat(600)}`)).toBe('API_KEY_TOO_LONG')
  })
})
