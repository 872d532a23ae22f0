import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiError,
  ReconcileBody,
  ReconcileOutcome,
  SyncHealth,
} from '../../../../shared/api/schemas'
import { SyncEventPage, SyncEventQuery } from '../../../../shared/api/sync-logs'
import type { DeskServices } from '../desk-services'
import { DeskError } from '../../errors/desk-error'

const sync: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (app, { services }) => {
  app.get(
    '/api/sync',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'Sync health: connection, relay lag, last event, last reconcile, queue, errors',
        response: { 200: SyncHealth },
      },
    },
    async () => ({ ...services.sync.health(), connectionSince: connectionSince(services) }),
  )

  app.get(
    '/api/sync/events',
    {
      config: { access: 'sync.read' },
      schema: {
        summary: 'Cal.com events and reconciles handled since the desk started, newest first',
        querystring: SyncEventQuery,
        response: { 200: SyncEventPage, 400: ApiError },
      },
    },
    async (request) => services.sync.events.page(request.query as SyncEventQuery),
  )

  app.post(
    '/api/sync/reconcile',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'Reconcile with Cal.com now',
        body: ReconcileBody,
        response: { 200: ReconcileOutcome, 409: ApiError },
      },
      // A plain POST with no body means "reconcile as usual".
      preValidation: async (request) => {
        request.body ??= {}
      },
    },
    async (request) => {
      if (!services.connection.client()) {
        throw new DeskError('NOT_CONNECTED', 'Connect the branch to Cal.com first.')
      }
      return services.sync.reconcileNow({ window: request.body.window })
    },
  )
}
export default sync

/** The connection's last change (the audit log keeps connects, disconnects and refusals). */
const CONNECTION_CHANGES = new Set([
  'branch.connect',
  'branch.disconnect',
  'branch.reconnect_needed',
])

function connectionSince(services: DeskServices): string | null {
  const entries = services.audit.entries(`branch:${services.branches.current().id}`)
  const last = entries.findLast((e) => CONNECTION_CHANGES.has(e.action))
  return last ? new Date(last.at).toISOString() : null
}
