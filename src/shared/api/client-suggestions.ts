// `GET /api/clients/suggestions?q=`: people who booked at this branch before, for the new
// booking form to fill in name, phone and email as the receptionist types.
import { Type, type Static } from '@sinclair/typebox'

export const ClientSuggestionsQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Part of a name, email or phone number (at least one letter or digit)',
    }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })),
  },
  { additionalProperties: false },
)
export type ClientSuggestionsQuery = Static<typeof ClientSuggestionsQuery>

export const ClientSuggestion = Type.Object({
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  phone: Type.Union([Type.String(), Type.Null()]),
  lastVisit: Type.String({ format: 'date-time', description: 'Start of their latest booking' }),
  visits: Type.Integer({ description: 'Bookings of theirs the desk holds' }),
})
export type ClientSuggestion = Static<typeof ClientSuggestion>
