// The audit log, filtered by day (branch zone) and person: owners and admins only.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AuditLog, AuditQuery } from '../../../../shared/api/people'
import { ApiError } from '../../../../shared/api/schemas'
import { ValidationError } from '../../errors/validation-error'
import { deskDeviceName } from '../../inbound/device-name'
import { branchDay, InvalidDayError } from '../../time/branch-day'
import type { DeskServices } from '../desk-services'

const MAX_ENTRIES = 2_000

const audit: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (app, { services }) => {
  app.get(
    '/api/audit',
    {
      config: { access: 'audit.read' },
      schema: {
        summary: 'Who did what on a day, optionally of one person (owners and admins)',
        querystring: AuditQuery,
        response: { 200: AuditLog, 400: ApiError, 401: ApiError, 403: ApiError },
      },
    },
    async (request) => {
      let range
      try {
        range = branchDay(request.query.date, services.branches.current().timeZone)
      } catch (err) {
        if (err instanceof InvalidDayError)
          throw new ValidationError('date', 'not_a_date', `date ${err.message}`)
        throw err
      }
      const appointmentOf = (target: string | null) => {
        const uid = target?.startsWith('appointment:') ? target.slice('appointment:'.length) : null
        const found = uid === null ? undefined : services.appointments.byUid(uid)
        return found ? { uid: found.uid, client: found.attendee.name, start: found.start } : null
      }
      const thisDevice = services.sync.relayIdentity().deviceId
      const entries = services.audit.list({
        from: range.startsAt,
        to: range.endsAt,
        personId: request.query.personId,
        limit: MAX_ENTRIES,
      })
      return {
        date: range.date,
        entries: entries.map((entry) => ({
          ...entry,
          deviceName:
            entry.deviceId !== null && entry.deviceId === thisDevice ? deskDeviceName() : null,
          appointment: appointmentOf(entry.target),
        })),
      }
    },
  )
}
export default audit
