import { expect, it } from 'vitest'
import { Me, successEnvelope } from './response-schemas'
import { shapeProblem } from './response-validation'

it('wraps each answer shape in one envelope, so its validator is compiled once, not per call', () => {
  const first = successEnvelope(Me)
  expect(successEnvelope(Me)).toBe(first)
  expect(shapeProblem(first, { status: 'success', data: {} })).toMatch(/^data /)
  expect(shapeProblem(first, { status: 'error', data: {} })).toBeDefined()
})
