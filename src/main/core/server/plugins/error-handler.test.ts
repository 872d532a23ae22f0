// Every schema keyword Ajv can refuse an input with reaches the UI as a reason it can word
// (validation-reasons.ts) and the field it is about, never only as an English sentence. A Fastify
// app with the local API's Ajv options, error handler and strict input, and one route whose body
// and query use each keyword.
import { Type } from '@sinclair/typebox'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VISIBLE_TEXT } from '../../../../shared/api/schemas'
import type { ValidationReason } from '../../../../shared/api/validation-reasons'
import errorHandler from './error-handler'
import strictInput from './strict-input'

let app: FastifyInstance

const Body = Type.Object(
  {
    name: Type.String({ pattern: VISIBLE_TEXT, maxLength: 10 }),
    code: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
    pin: Type.Optional(Type.String({ minLength: 4 })),
    email: Type.Optional(Type.String({ format: 'email' })),
    start: Type.Optional(Type.String({ format: 'date-time' })),
    day: Type.Optional(Type.String({ format: 'date' })),
    state: Type.Optional(Type.Unsafe<string>({ type: 'string', enum: ['ARRIVED', 'SEATED'] })),
    confirm: Type.Optional(Type.Literal(true)),
    minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 120 })),
    branches: Type.Optional(Type.Array(Type.String(), { minItems: 1, maxItems: 2 })),
    attendee: Type.Optional(
      Type.Object({ timeZone: Type.Optional(Type.String()) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
)

beforeAll(async () => {
  app = Fastify({ ajv: { customOptions: { removeAdditional: false } } })
  await app.register(errorHandler)
  await app.register(strictInput)
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/api/probe',
    {
      schema: {
        body: Body,
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ exclusiveMinimum: 0, exclusiveMaximum: 100 })) },
          { additionalProperties: false },
        ),
      },
    },
    async () => ({ ok: true }),
  )
  await app.ready()
})
afterAll(() => app.close())

async function refusal(body: unknown, query = '') {
  const res = await app.inject({
    method: 'POST',
    url: `/api/probe${query}`,
    payload: body as object,
  })
  expect(res.statusCode, res.body).toBe(400)
  return res.json<{
    error: { code: string; reason: string; field: string; params?: unknown; message: string }
  }>().error
}

const ok = { name: 'Ada' }
const cases: {
  keyword: string
  body: unknown
  query?: string
  reason: ValidationReason
  field: string
  params?: Record<string, number>
}[] = [
  { keyword: 'required', body: {}, reason: 'required', field: 'name' },
  {
    keyword: 'additionalProperties',
    body: { ...ok, attendee: { timezone: 'Europe/Lisbon' } },
    reason: 'unknown_field',
    field: 'attendee.timezone',
  },
  {
    keyword: 'maxLength',
    body: { name: 'Bartholomew Jones' },
    reason: 'too_long',
    field: 'name',
    params: { max: 10 },
  },
  {
    keyword: 'minLength',
    body: { ...ok, pin: '12' },
    reason: 'too_short',
    field: 'pin',
    params: { min: 4 },
  },
  { keyword: 'pattern (visible text)', body: { name: '\u200b ' }, reason: 'blank', field: 'name' },
  { keyword: 'pattern', body: { ...ok, code: 'ab1' }, reason: 'bad_format', field: 'code' },
  {
    keyword: 'format (email)',
    body: { ...ok, email: 'ada at example' },
    reason: 'not_an_email',
    field: 'email',
  },
  {
    keyword: 'format (date-time)',
    body: { ...ok, start: 'tomorrow at 3' },
    reason: 'not_a_date',
    field: 'start',
  },
  {
    keyword: 'format (date)',
    body: { ...ok, day: '2026-13-01' },
    reason: 'not_a_date',
    field: 'day',
  },
  {
    keyword: 'enum',
    body: { ...ok, state: 'DANCING' },
    reason: 'not_allowed_value',
    field: 'state',
  },
  {
    keyword: 'const',
    body: { ...ok, confirm: false },
    reason: 'not_allowed_value',
    field: 'confirm',
  },
  { keyword: 'type', body: { ...ok, minutes: 'ten' }, reason: 'wrong_type', field: 'minutes' },
  {
    keyword: 'minimum',
    body: { ...ok, minutes: 0 },
    reason: 'too_small',
    field: 'minutes',
    params: { min: 1 },
  },
  {
    keyword: 'maximum',
    body: { ...ok, minutes: 600 },
    reason: 'too_large',
    field: 'minutes',
    params: { max: 120 },
  },
  {
    keyword: 'exclusiveMinimum',
    body: ok,
    query: '?limit=0',
    reason: 'too_small',
    field: 'limit',
    params: { min: 0 },
  },
  {
    keyword: 'exclusiveMaximum',
    body: ok,
    query: '?limit=100',
    reason: 'too_large',
    field: 'limit',
    params: { max: 100 },
  },
  {
    keyword: 'minItems',
    body: { ...ok, branches: [] },
    reason: 'too_few',
    field: 'branches',
    params: { min: 1 },
  },
  {
    keyword: 'maxItems',
    body: { ...ok, branches: ['a', 'b', 'c'] },
    reason: 'too_many',
    field: 'branches',
    params: { max: 2 },
  },
  {
    keyword: 'a lone surrogate (strict input)',
    body: { name: 'Ada \udc00' },
    reason: 'bad_text',
    field: 'name',
  },
]

describe('a refused input, as the UI reads it', () => {
  for (const c of cases) {
    it(`says ${c.keyword} as the reason ${c.reason} about ${c.field}`, async () => {
      const error = await refusal(c.body, c.query)
      expect(error).toMatchObject({ code: 'VALIDATION', reason: c.reason, field: c.field })
      expect(error.params).toEqual(c.params)
      // The English detail stays for API users and logs.
      expect(error.message).toContain(c.field)
    })
  }
})
