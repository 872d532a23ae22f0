// `GET /api/desk`: what Settings shows about this desk itself — its version, where its data
// lives, and the relay and Cal.com addresses it was started with.
import { Type, type Static } from '@sinclair/typebox'

export const DeskInfo = Type.Object({
  version: Type.String(),
  dataDir: Type.String({ description: 'The folder holding frontdesk.db and logs/' }),
  relayUrl: Type.Union([Type.String(), Type.Null()], {
    description: 'FRONTDESK_RELAY_URL; null when the desk runs without a relay',
  }),
  calcomApiUrl: Type.String(),
})
export type DeskInfo = Static<typeof DeskInfo>
