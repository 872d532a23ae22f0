// The local API's cancellation policy routes (DESIGN.md §8): an owner or an admin sets the policy
// of one of this branch's services; the relay keeps it with the business and every desk copies it.
import { Type, type Static } from '@sinclair/typebox'

export const ServiceParams = Type.Object({
  eventTypeId: Type.Integer({ minimum: 1, description: 'The desk’s event type id (a service)' }),
})
export type ServiceParams = Static<typeof ServiceParams>

const ActorPin = Type.String({
  pattern: '^[0-9]{4,12}$',
  description: 'The signed-in person’s own PIN: the relay checks it',
})

export const SetCancellationPolicyBody = Type.Object(
  {
    pin: ActorPin,
    windowHours: Type.Integer({
      minimum: 0,
      maximum: 720,
      description: 'Cancelling less than this many hours before the start is late',
    }),
    text: Type.String({ minLength: 1, maxLength: 2000, description: 'Read to the client' }),
  },
  { additionalProperties: false },
)
export type SetCancellationPolicyBody = Static<typeof SetCancellationPolicyBody>

export const RemoveCancellationPolicyBody = Type.Object(
  { pin: ActorPin },
  { additionalProperties: false },
)
export type RemoveCancellationPolicyBody = Static<typeof RemoveCancellationPolicyBody>

export const ServicePolicy = Type.Object({
  policy: Type.Union([
    Type.Object({ windowHours: Type.Integer(), text: Type.String() }),
    Type.Null(),
  ]),
})
export type ServicePolicy = Static<typeof ServicePolicy>

/** `GET /api/cancellation-policies`: this branch's services, each with its policy or none. */
export const ServicePolicyList = Type.Object({
  services: Type.Array(
    Type.Object({
      eventTypeId: Type.Integer({ description: 'The desk’s event type id' }),
      title: Type.String(),
      policy: ServicePolicy.properties.policy,
    }),
  ),
})
export type ServicePolicyList = Static<typeof ServicePolicyList>
