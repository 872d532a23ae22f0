import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  DesktopSubscriptionResponseSchema,
  NotificationHistoryResponseSchema,
  NotificationsResponseSchema,
} from '../../../src/shared/relay/notification-answers.js'
import type {
  DesktopNotification,
  DesktopSubscriptionResponse,
  NotificationHistoryResponse,
  NotificationsResponse,
} from '../../../src/shared/relay/relay-contract.js'
import { verifyActor } from '../business/actor.js'
import { errorAnswers } from '../errors.js'
import { businessOfDevice } from '../business/load.js'
import { forbidden } from '../business/people-checks.js'
import { groupMessage, languageOf } from '../notifications/messages.js'
import { DESKTOP_WAITERS } from '../plugins/notifier.js'
import type { StoredNotification } from '../storage/notification-types.js'
import type { Device } from '../storage/types.js'
import { Actor } from './business-schemas.js'

/**
 * Desktop notifications ("notify me on this computer", per person and device, with the PIN),
 * and the owner's history of every notification: sent, coalesced, suppressed, failed and why.
 */
const notifications: FastifyPluginAsyncTypebox<{ recheckMs: number }> = async (app, opts) => {
  app.put(
    '/v1/notifications/desktop',
    {
      onRequest: app.requireDevice,
      schema: {
        body: Type.Object(
          { actor: Actor, enabled: Type.Boolean() },
          { additionalProperties: false },
        ),
        response: { 200: DesktopSubscriptionResponseSchema, ...errorAnswers },
      },
    },
    async (request) => {
      const device = request.device as Device
      const business = await businessOfDevice(request)
      const now = new Date()
      const actor = await verifyActor(app.storage, business, request.body.actor, now)
      if (actor.role === 'receptionist')
        throw forbidden('Only owners and admins are notified; receptionists work from the screen.')
      await app.storage.notifications.setDesktop(actor.id, device.id, request.body.enabled, now)
      request.log.info(
        { personId: actor.id, deviceId: device.id, enabled: request.body.enabled },
        'desktop notifications set',
      )
      const out: DesktopSubscriptionResponse = {
        personId: actor.id,
        enabled: request.body.enabled,
      }
      return out
    },
  )

  const toDesktop = async (n: StoredNotification): Promise<DesktopNotification> => {
    const followers = await app.storage.notifications.followers(n.id)
    const items = [n, ...followers].map((x) => ({ kind: x.kind, ...x.facts }))
    const { title, body } = groupMessage(
      items,
      languageOf(n.facts.language),
      n.reason === 'quiet_hours',
    )
    return {
      seq: n.servedSeq as number,
      personId: n.personId,
      kind: n.kind,
      branchId: n.branchId,
      title,
      body,
      bookingUid: items.length === 1 ? n.facts.bookingUid : null,
      count: items.length,
      createdAt: n.createdAt.toISOString(),
    }
  }

  app.get(
    '/v1/notifications',
    {
      onRequest: app.requireDevice,
      schema: {
        querystring: Type.Object(
          {
            after: Type.Optional(Type.Integer({ minimum: 0 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
            wait: Type.Number({ minimum: 0, maximum: 25, default: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: NotificationsResponseSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      const device = request.device as Device
      const after = request.query.after ?? 0
      const deadline = Date.now() + request.query.wait * 1000
      let gone = false
      reply.raw.once('close', () => (gone = true))
      // Parks like /v1/events: woken when this instance makes one available, and re-reads at
      // least every recheck for those another instance made.
      for (;;) {
        const armed = app.waiters.arm(DESKTOP_WAITERS)
        const people = await app.storage.notifications.desktopPeople(device.id)
        const rows = await app.storage.notifications.desktop(
          people,
          after,
          request.query.limit ?? 100,
        )
        const left = deadline - Date.now()
        if (rows.length || left <= 0 || gone || app.waiters.closing) {
          armed.cancel()
          const list = await Promise.all(rows.map(toDesktop))
          const out: NotificationsResponse = {
            notifications: list,
            nextAfter: list.at(-1)?.seq ?? after,
          }
          return reply.send(out)
        }
        const stop = (): void => armed.cancel()
        reply.raw.once('close', stop)
        await armed.wait(Math.min(left, opts.recheckMs))
        reply.raw.off('close', stop)
      }
    },
  )

  app.get(
    '/v1/business/notifications/history',
    {
      onRequest: app.requireDevice,
      schema: {
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 200: NotificationHistoryResponseSchema, ...errorAnswers },
      },
    },
    async (request) => {
      const business = await businessOfDevice(request)
      const rows = await app.storage.notifications.history(business.id, request.query.limit ?? 200)
      const out: NotificationHistoryResponse = {
        entries: rows.map((n) => ({
          id: String(n.id),
          kind: n.kind,
          personId: n.personId,
          channel: n.channel,
          branchId: n.branchId,
          status: n.status,
          reason: n.reason,
          attempts: n.attempts,
          title: n.facts.title,
          createdAt: n.createdAt.toISOString(),
          sentAt: n.sentAt?.toISOString() ?? null,
        })),
      }
      return out
    },
  )
}

export default notifications
