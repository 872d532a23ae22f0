// `/api/clients…`: the branch's clients (list and search), the client card, desk notes and
// alerts, merging two clients, and the clients of a day's appointments with their alerts.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  AddClientNoteBody,
  ChangeClientNoteBody,
  ClientCard,
  ClientIdParams,
  ClientListQuery,
  ClientNote,
  ClientNoteParams,
  ClientPage,
  DayClients,
  MergeClientsBody,
} from '../../../../shared/api/clients'
import { ApiError, DayQuery } from '../../../../shared/api/schemas'
import { checkDay, DAY_VIEW_YEARS } from '../../actions/date-range'
import { clientCard, toNote } from '../../clients/client-card'
import { dayClients, listClients } from '../../clients/client-list'
import { DeskError } from '../../errors/desk-error'
import { ValidationError } from '../../errors/validation-error'
import { branchDay, InvalidDayError } from '../../time/branch-day'
import type { DeskServices } from '../desk-services'
import { answering } from './actions'

const clientsRoutes: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  const { clients, clientDirectory } = services

  /** The client, if it is one of this branch's; NOT_FOUND naming the id otherwise. */
  const ensureClient = (id: number) => {
    if (clients.byId(id)?.branchId !== services.branches.current().id) {
      throw new DeskError('NOT_FOUND', `No client ${id}`, 'id')
    }
  }
  const cardOf = (id: number) => {
    ensureClient(id)
    const policyOf = services.policies.reader()
    return clientCard(clients, id, services.now(), (c) => policyOf(c)?.windowHours)!
  }

  app.get(
    '/api/clients',
    {
      config: { access: 'signedIn' },
      schema: {
        summary:
          "The branch's clients, most recent booking first; q searches names, emails, phones",
        querystring: ClientListQuery,
        response: { 200: ClientPage, 400: ApiError },
      },
    },
    async (request) => {
      const { q = '', page = 1, pageSize = 20 } = request.query
      return listClients(clients, services.branches.current().id, q, page, pageSize)
    },
  )

  app.get(
    '/api/clients/of-day',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: "Each appointment of the branch's day with its client and that client's alerts",
        querystring: DayQuery,
        response: { 200: DayClients, 400: ApiError },
      },
    },
    async (request) => {
      const branch = services.branches.current()
      await answering(() => checkDay(request.query.date, 'date', DAY_VIEW_YEARS))
      try {
        return dayClients(clients, branch.id, branchDay(request.query.date, branch.timeZone))
      } catch (err) {
        if (err instanceof InvalidDayError)
          throw new ValidationError('date', 'not_a_date', `date ${err.message}`)
        throw err
      }
    },
  )

  app.get(
    '/api/clients/:id',
    {
      config: { access: 'signedIn' },
      schema: {
        summary: 'The client card: visits, services, no-shows, late cancellations, notes, alerts',
        params: ClientIdParams,
        response: { 200: ClientCard, 404: ApiError },
      },
    },
    async (request) => cardOf(request.params.id),
  )

  app.post(
    '/api/clients/:id/notes',
    {
      config: { access: 'appointment.note' },
      schema: {
        summary: 'Add a desk note or an alert (shown on every card of the client) to a client',
        params: ClientIdParams,
        body: AddClientNoteBody,
        response: { 200: ClientNote, 400: ApiError, 404: ApiError },
      },
    },
    async (request) => {
      ensureClient(request.params.id)
      const id = clientDirectory.addNote(request.params.id, request.body.kind, request.body.text)
      return toNote(clients.note(id)!)
    },
  )

  app.patch(
    '/api/clients/:id/notes/:noteId',
    {
      config: { access: 'appointment.note' },
      schema: {
        summary: "Change a note's or alert's text",
        params: ClientNoteParams,
        body: ChangeClientNoteBody,
        response: { 200: ClientNote, 400: ApiError, 404: ApiError },
      },
    },
    async (request) => {
      const { id, noteId } = request.params
      ensureClient(id)
      clientDirectory.changeNote(id, noteId, request.body.text)
      return toNote(clients.note(noteId)!)
    },
  )

  app.delete(
    '/api/clients/:id/notes/:noteId',
    {
      config: { access: 'appointment.note' },
      schema: {
        summary: 'Remove a note or alert',
        params: ClientNoteParams,
        response: { 200: Type.Object({ removed: Type.String() }), 404: ApiError },
      },
    },
    async (request) => {
      const { id, noteId } = request.params
      ensureClient(id)
      clientDirectory.removeNote(id, noteId)
      return { removed: noteId }
    },
  )

  app.post(
    '/api/clients/:id/merge',
    {
      config: { access: 'appointment.note' },
      schema: {
        summary:
          'Fold another client (the same person) into this one, kept when clients are derived again',
        params: ClientIdParams,
        body: MergeClientsBody,
        response: { 200: ClientCard, 400: ApiError, 404: ApiError },
      },
    },
    async (request) => {
      ensureClient(request.params.id)
      clientDirectory.merge(request.params.id, request.body.from)
      return cardOf(request.params.id)
    },
  )
}
export default clientsRoutes
