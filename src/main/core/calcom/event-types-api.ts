import { Type } from '@sinclair/typebox'
import type { CalcomApiVersions } from './api-versions'
import type { CalcomCredential } from './calcom-credential'
import type { CalcomResult } from './calcom-errors'
import type { CalcomTransport } from './http-transport'
import { EventType } from './response-schemas'

/** `/v2/event-types` (cal-api-version 2024-06-14). */
export function eventTypesApi(
  transport: CalcomTransport,
  credential: CalcomCredential,
  versions: CalcomApiVersions,
) {
  const version = versions.eventTypes
  return {
    /**
     * The caller's own event types (hidden ones included, as the owner sees them). `closing`:
     * aborted, the read is dropped or cut off.
     */
    list(closing?: AbortSignal): Promise<CalcomResult<EventType[]>> {
      return transport.call(credential, {
        method: 'GET',
        path: '/v2/event-types',
        version,
        schema: Type.Array(EventType),
        signal: closing,
        cutOff: closing,
      })
    },
    get(eventTypeId: number): Promise<CalcomResult<EventType>> {
      return transport.call(credential, {
        method: 'GET',
        path: `/v2/event-types/${eventTypeId}`,
        version,
        schema: EventType,
      })
    },
  }
}
