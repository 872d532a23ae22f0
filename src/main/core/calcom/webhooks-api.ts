import { Type } from '@sinclair/typebox'
import type { CalcomCredential } from './calcom-credential'
import type { CalcomResult } from './calcom-errors'
import type { CalcomTransport } from './http-transport'
import { Webhook } from './response-schemas'

export interface WebhookInput {
  subscriberUrl: string
  triggers: string[]
  active: boolean
  secret?: string
}

/** `/v2/webhooks`: the user's webhooks. Takes no `cal-api-version`. */
export function webhooksApi(transport: CalcomTransport, credential: CalcomCredential) {
  const path = (id: string | number) => `/v2/webhooks/${encodeURIComponent(String(id))}`
  return {
    list(signal?: AbortSignal): Promise<CalcomResult<Webhook[]>> {
      return transport.call(credential, {
        method: 'GET',
        path: '/v2/webhooks',
        query: { take: 250 },
        schema: Type.Array(Webhook),
        signal,
        cutOff: signal,
      })
    },
    create(input: WebhookInput): Promise<CalcomResult<Webhook>> {
      return transport.call(credential, {
        method: 'POST',
        path: '/v2/webhooks',
        body: input,
        schema: Webhook,
      })
    },
    update(
      id: string | number,
      changes: Partial<WebhookInput>,
      signal?: AbortSignal,
    ): Promise<CalcomResult<Webhook>> {
      return transport.call(credential, {
        method: 'PATCH',
        path: path(id),
        body: changes,
        schema: Webhook,
        signal,
      })
    },
    remove(id: string | number): Promise<CalcomResult<Webhook>> {
      return transport.call(credential, { method: 'DELETE', path: path(id), schema: Webhook })
    },
  }
}
