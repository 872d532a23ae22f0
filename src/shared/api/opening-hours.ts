// `GET /api/opening-hours?date=`: the hours the day grid covers, from the account's cached Cal.com
// schedules (every schedule's hours that day, overrides included), read in the branch zone.
import { Type, type Static } from '@sinclair/typebox'

export const OpeningHoursQuery = Type.Object(
  {
    date: Type.String({
      pattern: '^\\d{4}-\\d{2}-\\d{2}$',
      description: 'A calendar day in the branch time zone, YYYY-MM-DD, within 10 years of today',
    }),
  },
  { additionalProperties: false },
)
export type OpeningHoursQuery = Static<typeof OpeningHoursQuery>

export const OpeningHours = Type.Object({
  date: Type.String(),
  timeZone: Type.String({ description: 'The branch zone the minutes are read in' }),
  /** Null when no schedule opens that day (or none is cached yet). */
  opensAtMinute: Type.Union([Type.Integer({ minimum: 0, maximum: 1440 }), Type.Null()], {
    description: 'Minutes after the branch-zone midnight when the first schedule opens',
  }),
  closesAtMinute: Type.Union([Type.Integer({ minimum: 0, maximum: 1440 }), Type.Null()], {
    description: 'Minutes after the branch-zone midnight when the last schedule closes',
  }),
})
export type OpeningHours = Static<typeof OpeningHours>
