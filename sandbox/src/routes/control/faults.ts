import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { notFound } from '../../domain/errors.js'
import { renderWebhook } from '../../domain/render/account.js'

/** Fault injection and the webhook delivery log. */
const faults: FastifyPluginAsyncTypebox = async (app) => {
  const { webhooks, apiFaults, store } = app.sandbox

  app.post(
    '/faults/webhooks',
    {
      schema: {
        body: Type.Object(
          {
            mode: Type.Union([
              Type.Literal('drop'),
              Type.Literal('duplicate'),
              Type.Literal('delay'),
              Type.Literal('reorder'),
            ]),
            count: Type.Integer({ minimum: 1 }),
            delayMs: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { mode, count, delayMs } = request.body
      webhooks.addFault(mode, count, delayMs)
      return reply.code(201).send({ pending: webhooks.pendingFaults() })
    },
  )

  app.post(
    '/faults/api',
    {
      schema: {
        body: Type.Object(
          {
            mode: Type.Union([
              Type.Literal('http500'),
              Type.Literal('http429'),
              Type.Literal('http403'),
              Type.Literal('hang'),
            ]),
            count: Type.Integer({ minimum: 1 }),
            pathPrefix: Type.Optional(Type.String({ pattern: '^/v2' })),
            hangMs: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const { mode, count, pathPrefix = '/v2', hangMs = 0 } = request.body
      apiFaults.add({ mode, remaining: count, pathPrefix, hangMs })
      return reply.code(201).send({ pending: apiFaults.pending() })
    },
  )

  app.get('/faults', async () => ({ webhooks: webhooks.pendingFaults(), api: apiFaults.pending() }))

  app.delete('/faults', async () => {
    webhooks.clearFaults()
    apiFaults.clear()
    return { webhooks: [], api: [] }
  })

  // Cal.com switches a webhook off after repeated failures; this does it on demand.
  app.post(
    '/webhooks/:webhookId/disable',
    { schema: { params: Type.Object({ webhookId: Type.String() }) } },
    async (request) => {
      const webhook = store.webhooks.get(request.params.webhookId)
      if (!webhook) throw notFound(`Webhook with id ${request.params.webhookId} not found`)
      webhook.active = false
      return renderWebhook(webhook)
    },
  )

  app.post('/webhooks/flush', async () => ({ deliveries: await webhooks.flush() }))

  app.get(
    '/deliveries',
    {
      schema: {
        querystring: Type.Object({
          trigger: Type.Optional(Type.String()),
          target: Type.Optional(Type.String()),
        }),
      },
    },
    async (request) => {
      const { trigger, target } = request.query
      return {
        deliveries: webhooks.log.filter(
          (d) => (!trigger || d.trigger === trigger) && (!target || d.target === target),
        ),
      }
    },
  )

  app.delete('/deliveries', async () => {
    webhooks.log.length = 0
    return { deliveries: [] }
  })
}

export default faults
