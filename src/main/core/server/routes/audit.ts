// The audit log, filtered by day (branch zone) and person: owners and admins only.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AuditLog, AuditQuery } from '../../../../shared/api/people'
import { ApiError } from '../../../../shared/api/schemas'
import { DeskError } from '../../errors/desk-error'
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
          throw new DeskError('VALIDATION', `date ${err.message}`, 'date')
        throw err
      }
      return {
        date: range.date,
        entries: services.audit.list({
          from: range.startsAt,
          to: range.endsAt,
          personId: request.query.personId,
          limit: MAX_ENTRIES,
        }),
      }
    },
  )
}
export default audit
