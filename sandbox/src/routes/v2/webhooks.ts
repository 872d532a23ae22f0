import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { badRequest, conflict, forbidden, notFound } from '../../domain/errors.js'
import type { Webhook } from '../../domain/model.js'
import { renderWebhook } from '../../domain/render/account.js'
import { requireCaller } from '../../plugins/auth.js'

// `enum WebhookTriggerEvents` (REFERENCE.md §4.1)
export const TRIGGERS = [
  'BOOKING_CREATED',
  'BOOKING_PAYMENT_INITIATED',
  'BOOKING_PAID',
  'BOOKING_RESCHEDULED',
  'BOOKING_REQUESTED',
  'BOOKING_CANCELLED',
  'BOOKING_REJECTED',
  'BOOKING_NO_SHOW_UPDATED',
  'FORM_SUBMITTED',
  'MEETING_ENDED',
  'MEETING_STARTED',
  'RECORDING_READY',
  'INSTANT_MEETING',
  'RECORDING_TRANSCRIPTION_GENERATED',
  'OOO_CREATED',
  'AFTER_HOSTS_CAL_VIDEO_NO_SHOW',
  'AFTER_GUESTS_CAL_VIDEO_NO_SHOW',
  'FORM_SUBMITTED_NO_EVENT',
  'DELEGATION_CREDENTIAL_ERROR',
] as const

const fields = {
  payloadTemplate: Type.Optional(Type.String()),
  active: Type.Boolean(),
  subscriberUrl: Type.String({ minLength: 1 }),
  triggers: Type.Array(Type.Union(TRIGGERS.map((t) => Type.Literal(t)))),
  secret: Type.Optional(Type.String()),
  version: Type.Optional(Type.Literal('2021-10-20')),
}
const CreateBody = Type.Object(fields, { additionalProperties: false })
const UpdateBody = Type.Partial(Type.Object(fields), { additionalProperties: false })
const IdParams = Type.Object({ webhookId: Type.String({ minLength: 1 }) })

function checkUrl(url: string): void {
  try {
    const parsed = new URL(url)
    if (!['http:', 'https:'].includes(parsed.protocol)) throw new Error('protocol')
  } catch {
    throw badRequest('subscriberUrl must be a URL address', {
      errors: [{ property: 'subscriberUrl' }],
    })
  }
}

const webhooks: FastifyPluginAsyncTypebox = async (app) => {
  const { store } = app.sandbox

  const owned = (id: string, userId: number): Webhook => {
    const webhook = store.webhooks.get(id)
    if (!webhook) throw notFound(`Webhook with id ${id} not found`)
    if (webhook.userId !== userId)
      throw forbidden(`User with id=${userId} is not the owner of webhook with id ${id}`)
    return webhook
  }
  const duplicate = (userId: number, url: string, except?: string) =>
    store.webhooksOf(userId).some((w) => w.subscriberUrl === url && w.id !== except)

  app.post('/webhooks', { schema: { body: CreateBody } }, async (request, reply) => {
    const caller = requireCaller(request)
    const body = request.body
    checkUrl(body.subscriberUrl)
    if (duplicate(caller.userId, body.subscriberUrl))
      throw conflict('Webhook with this subscriber url already exists for this user')
    const webhook: Webhook = {
      id: randomUUID(),
      userId: caller.userId,
      subscriberUrl: body.subscriberUrl,
      triggers: [...body.triggers],
      active: body.active,
      secret: body.secret ?? null,
      payloadTemplate: body.payloadTemplate ?? null,
      version: body.version ?? '2021-10-20',
      createdAt: app.sandbox.clock.now().toISOString(),
    }
    store.webhooks.set(webhook.id, webhook)
    return reply.code(201).send({ status: 'success', data: renderWebhook(webhook) })
  })

  app.get(
    '/webhooks',
    {
      schema: {
        querystring: Type.Object({
          take: Type.Optional(Type.Integer({ minimum: 1, maximum: 250 })),
          skip: Type.Optional(Type.Integer({ minimum: 0 })),
        }),
      },
    },
    async (request) => {
      const caller = requireCaller(request)
      const { take = 250, skip = 0 } = request.query
      const list = store.webhooksOf(caller.userId).slice(skip, skip + take)
      return { status: 'success', data: list.map(renderWebhook) }
    },
  )

  app.get('/webhooks/:webhookId', { schema: { params: IdParams } }, async (request) => {
    const caller = requireCaller(request)
    return {
      status: 'success',
      data: renderWebhook(owned(request.params.webhookId, caller.userId)),
    }
  })

  app.patch(
    '/webhooks/:webhookId',
    { schema: { params: IdParams, body: UpdateBody } },
    async (request) => {
      const caller = requireCaller(request)
      const webhook = owned(request.params.webhookId, caller.userId)
      const body = request.body
      if (body.subscriberUrl !== undefined) {
        checkUrl(body.subscriberUrl)
        if (duplicate(caller.userId, body.subscriberUrl, webhook.id)) {
          throw conflict('Webhook with this subscriber url already exists for this user')
        }
        webhook.subscriberUrl = body.subscriberUrl
      }
      if (body.triggers !== undefined) webhook.triggers = [...body.triggers]
      if (body.active !== undefined) webhook.active = body.active
      if (body.secret !== undefined) webhook.secret = body.secret
      if (body.payloadTemplate !== undefined) webhook.payloadTemplate = body.payloadTemplate
      if (body.version !== undefined) webhook.version = body.version
      return { status: 'success', data: renderWebhook(webhook) }
    },
  )

  app.delete('/webhooks/:webhookId', { schema: { params: IdParams } }, async (request) => {
    const caller = requireCaller(request)
    const webhook = owned(request.params.webhookId, caller.userId)
    store.webhooks.delete(webhook.id)
    return { status: 'success', data: renderWebhook(webhook) }
  })
}

export default webhooks
