// Every local API route the UI calls, with the schemas of what it takes and answers. The typed
// client in the renderer is built from this table, so a call cannot send a body the route
// refuses or read an answer the route does not give; route-table.test.ts checks each entry
// against the server's own OpenAPI document.
import { Type, type Static, type TSchema } from '@sinclair/typebox'
import { ClientSuggestion, ClientSuggestionsQuery } from './client-suggestions'
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
} from './clients'
import {
  RemoveCancellationPolicyBody,
  ServiceParams,
  ServicePolicy,
  ServicePolicyList,
  SetCancellationPolicyBody,
} from './cancellation-policy'
import { AddBranchBody, BranchList, BranchSummary } from './branches'
import { ConnectAttempt } from './connect-attempt'
import { DeskInfo } from './desk-info'
import { SyncEventPage, SyncEventQuery } from './sync-logs'
import { OpeningHours, OpeningHoursQuery } from './opening-hours'
import { Overview, OverviewQuery } from './overview'
import {
  ComputerSettings,
  ComputerSettingsView,
  DecideBody,
  DecideResult,
  DesktopOptIn,
  DesktopOptInBody,
  HistoryList,
  PendingDesktop,
  ProposalList,
  ProposalParams,
  PutRulesBody,
  PutRulesResult,
  RulesView,
  ShownParams,
  ShownResult,
} from './notifications'
import {
  AddPersonBody,
  AuditLog,
  AuditQuery,
  BranchParams,
  BranchRenamed,
  ChangePersonBody,
  RenameBranchBody,
  CreateBusinessBody,
  JoinBusinessBody,
  JoinCode,
  JoinCodeBody,
  PersonChange,
  PersonIdParams,
  Team,
  PeopleList,
  SessionState,
  SignInBody,
  SignInSettings,
} from './people'
import {
  ActionResult,
  ApiLogEntry,
  ApiLogQuery,
  Appointment,
  AppointmentDetail,
  BookBody,
  Branch,
  CancelBody,
  ConnectBody,
  ConnectResult,
  DayQuery,
  DaySlots,
  DayView,
  DeclineBody,
  DiscardBody,
  AnotherTimeBody,
  EmptyBody,
  EventTypeInfo,
  Health,
  NoShowBody,
  OutboxEntry,
  OutboxQuery,
  ReconcileBody,
  ReconcileOutcome,
  RescheduleBody,
  SlotsQuery,
  Staff,
  SyncHealth,
  VisitBody,
} from './schemas'

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  /** With `:name` placeholders filled from `params`. */
  path: string
  params?: TSchema
  query?: TSchema
  body?: TSchema
  response: TSchema
  /** Takes an `Idempotency-Key` header (one per form submission). */
  idempotent?: boolean
  /**
   * Answered by the app for all its branches (DESIGN.md §9), never by one branch's core: the
   * client never puts the chosen branch's `/b/<key>` before it.
   */
  app?: true
}

const UidParams = Type.Object({ uid: Type.String() })
const IdParams = Type.Object({ id: Type.Integer() })

export const ROUTES = {
  health: { method: 'GET', path: '/api/health', response: Health },
  desk: { method: 'GET', path: '/api/desk', response: DeskInfo },
  people: { method: 'GET', path: '/api/people', response: PeopleList },
  session: { method: 'GET', path: '/api/session', response: SessionState },
  signIn: { method: 'POST', path: '/api/session', body: SignInBody, response: SessionState },
  signOut: { method: 'DELETE', path: '/api/session', response: SessionState },
  activity: {
    method: 'POST',
    path: '/api/session/activity',
    body: EmptyBody,
    response: SessionState,
  },
  signInSettings: { method: 'GET', path: '/api/settings/sign-in', response: SignInSettings },
  setSignInSettings: {
    method: 'PUT',
    path: '/api/settings/sign-in',
    body: SignInSettings,
    response: SignInSettings,
  },
  joinBusiness: {
    method: 'POST',
    path: '/api/business/join',
    body: JoinBusinessBody,
    response: PeopleList,
  },
  audit: { method: 'GET', path: '/api/audit', query: AuditQuery, response: AuditLog },
  createBusiness: {
    method: 'POST',
    path: '/api/business',
    body: CreateBusinessBody,
    response: PeopleList,
  },
  team: { method: 'GET', path: '/api/business/people', response: Team },
  addPerson: {
    method: 'POST',
    path: '/api/business/people',
    body: AddPersonBody,
    response: PersonChange,
  },
  changePerson: {
    method: 'PATCH',
    path: '/api/business/people/:personId',
    params: PersonIdParams,
    body: ChangePersonBody,
    response: PersonChange,
  },
  renameBranch: {
    method: 'PUT',
    path: '/api/business/branches/:channelId',
    params: BranchParams,
    body: RenameBranchBody,
    response: BranchRenamed,
  },
  joinCode: {
    method: 'POST',
    path: '/api/business/join-codes',
    body: JoinCodeBody,
    response: JoinCode,
  },
  notificationRules: { method: 'GET', path: '/api/notifications/rules', response: RulesView },
  cancellationPolicies: {
    method: 'GET',
    path: '/api/cancellation-policies',
    response: ServicePolicyList,
  },
  setCancellationPolicy: {
    method: 'PUT',
    path: '/api/cancellation-policies/:eventTypeId',
    params: ServiceParams,
    body: SetCancellationPolicyBody,
    response: ServicePolicy,
  },
  removeCancellationPolicy: {
    method: 'DELETE',
    path: '/api/cancellation-policies/:eventTypeId',
    params: ServiceParams,
    body: RemoveCancellationPolicyBody,
    response: ServicePolicy,
  },
  putNotificationRules: {
    method: 'PUT',
    path: '/api/notifications/rules',
    body: PutRulesBody,
    response: PutRulesResult,
  },
  proposals: { method: 'GET', path: '/api/notifications/proposals', response: ProposalList },
  approveProposal: {
    method: 'POST',
    path: '/api/notifications/proposals/:id/approve',
    params: ProposalParams,
    body: DecideBody,
    response: DecideResult,
  },
  rejectProposal: {
    method: 'POST',
    path: '/api/notifications/proposals/:id/reject',
    params: ProposalParams,
    body: DecideBody,
    response: DecideResult,
  },
  notificationHistory: {
    method: 'GET',
    path: '/api/notifications/history',
    response: HistoryList,
  },
  desktopOptIn: { method: 'GET', path: '/api/notifications/desktop', response: DesktopOptIn },
  setDesktopOptIn: {
    method: 'PUT',
    path: '/api/notifications/desktop',
    body: DesktopOptInBody,
    response: DesktopOptIn,
  },
  desktopPending: {
    method: 'GET',
    path: '/api/notifications/desktop/pending',
    response: PendingDesktop,
  },
  desktopShown: {
    method: 'POST',
    path: '/api/notifications/desktop/:id/shown',
    params: ShownParams,
    body: EmptyBody,
    response: ShownResult,
  },
  computerSettings: {
    method: 'GET',
    path: '/api/settings/computer',
    response: ComputerSettingsView,
  },
  setComputerSettings: {
    method: 'PUT',
    path: '/api/settings/computer',
    body: ComputerSettings,
    response: ComputerSettingsView,
  },
  branch: { method: 'GET', path: '/api/branch', response: Branch },
  connect: {
    method: 'POST',
    path: '/api/branch/connect',
    body: ConnectBody,
    response: ConnectResult,
  },
  connectAttempt: { method: 'GET', path: '/api/branch/connect/attempt', response: ConnectAttempt },
  connectCancel: { method: 'POST', path: '/api/branch/connect/cancel', response: Branch },
  disconnect: { method: 'POST', path: '/api/branch/disconnect', response: Branch },
  sync: { method: 'GET', path: '/api/sync', response: SyncHealth },
  apiLog: {
    method: 'GET',
    path: '/api/api-log',
    query: ApiLogQuery,
    response: Type.Array(ApiLogEntry),
  },
  syncEvents: {
    method: 'GET',
    path: '/api/sync/events',
    query: SyncEventQuery,
    response: SyncEventPage,
  },
  reconcile: {
    method: 'POST',
    path: '/api/sync/reconcile',
    body: ReconcileBody,
    response: ReconcileOutcome,
  },
  day: { method: 'GET', path: '/api/appointments', query: DayQuery, response: DayView },
  openingHours: {
    method: 'GET',
    path: '/api/opening-hours',
    query: OpeningHoursQuery,
    response: OpeningHours,
  },
  appointment: {
    method: 'GET',
    path: '/api/appointments/:uid',
    params: UidParams,
    response: AppointmentDetail,
  },
  book: {
    method: 'POST',
    path: '/api/appointments',
    body: BookBody,
    response: ActionResult,
    idempotent: true,
  },
  reschedule: {
    method: 'POST',
    path: '/api/appointments/:uid/reschedule',
    params: UidParams,
    body: RescheduleBody,
    response: ActionResult,
  },
  cancel: {
    method: 'POST',
    path: '/api/appointments/:uid/cancel',
    params: UidParams,
    body: CancelBody,
    response: ActionResult,
  },
  noShow: {
    method: 'POST',
    path: '/api/appointments/:uid/no-show',
    params: UidParams,
    body: NoShowBody,
    response: ActionResult,
  },
  confirm: {
    method: 'POST',
    path: '/api/appointments/:uid/confirm',
    params: UidParams,
    // The desk takes an empty JSON object here, not an absent body.
    body: EmptyBody,
    response: ActionResult,
  },
  decline: {
    method: 'POST',
    path: '/api/appointments/:uid/decline',
    params: UidParams,
    body: DeclineBody,
    response: ActionResult,
  },
  visit: {
    method: 'POST',
    path: '/api/appointments/:uid/visit',
    params: UidParams,
    body: VisitBody,
    response: ActionResult,
  },
  slots: { method: 'GET', path: '/api/slots', query: SlotsQuery, response: DaySlots },
  outbox: {
    method: 'GET',
    path: '/api/outbox',
    query: OutboxQuery,
    response: Type.Array(OutboxEntry),
  },
  outboxRetry: {
    method: 'POST',
    path: '/api/outbox/:id/retry',
    params: IdParams,
    // As confirm: the desk answers an absent body "body must be object", so Send again sends {}.
    body: EmptyBody,
    response: OutboxEntry,
  },
  outboxDiscard: {
    method: 'POST',
    path: '/api/outbox/:id/discard',
    params: IdParams,
    body: DiscardBody,
    response: OutboxEntry,
  },
  outboxAnotherTime: {
    method: 'POST',
    path: '/api/outbox/:id/another-time',
    params: IdParams,
    body: AnotherTimeBody,
    response: ActionResult,
  },
  eventTypes: { method: 'GET', path: '/api/event-types', response: Type.Array(EventTypeInfo) },
  staff: { method: 'GET', path: '/api/staff', response: Type.Array(Staff) },
  pendingConfirmations: {
    method: 'GET',
    path: '/api/pending-confirmations',
    response: Type.Array(Appointment),
  },
  clientSuggestions: {
    method: 'GET',
    path: '/api/clients/suggestions',
    query: ClientSuggestionsQuery,
    response: Type.Array(ClientSuggestion),
  },
  clients: { method: 'GET', path: '/api/clients', query: ClientListQuery, response: ClientPage },
  dayClients: {
    method: 'GET',
    path: '/api/clients/of-day',
    query: DayQuery,
    response: DayClients,
  },
  clientCard: {
    method: 'GET',
    path: '/api/clients/:id',
    params: ClientIdParams,
    response: ClientCard,
  },
  addClientNote: {
    method: 'POST',
    path: '/api/clients/:id/notes',
    params: ClientIdParams,
    body: AddClientNoteBody,
    response: ClientNote,
  },
  changeClientNote: {
    method: 'PATCH',
    path: '/api/clients/:id/notes/:noteId',
    params: ClientNoteParams,
    body: ChangeClientNoteBody,
    response: ClientNote,
  },
  removeClientNote: {
    method: 'DELETE',
    path: '/api/clients/:id/notes/:noteId',
    params: ClientNoteParams,
    response: Type.Object({ removed: Type.String() }),
  },
  mergeClients: {
    method: 'POST',
    path: '/api/clients/:id/merge',
    params: ClientIdParams,
    body: MergeClientsBody,
    response: ClientCard,
  },
  branches: { method: 'GET', path: '/api/branches', response: BranchList, app: true },
  addBranch: {
    method: 'POST',
    path: '/api/branches',
    body: AddBranchBody,
    response: BranchSummary,
    app: true,
  },
  overview: {
    method: 'GET',
    path: '/api/overview',
    query: OverviewQuery,
    response: Overview,
    app: true,
  },
} as const satisfies Record<string, RouteSpec>

export type RouteName = keyof typeof ROUTES
type Spec<N extends RouteName> = (typeof ROUTES)[N]
type Part<S, K extends string> = S extends Record<K, infer T extends TSchema> ? Static<T> : never

/** What a call to route N takes: only the parts the route declares. */
export type RouteInput<N extends RouteName> = ([Part<Spec<N>, 'params'>] extends [never]
  ? { params?: never }
  : { params: Part<Spec<N>, 'params'> }) &
  ([Part<Spec<N>, 'query'>] extends [never]
    ? { query?: never }
    : { query: Part<Spec<N>, 'query'> }) &
  ([Part<Spec<N>, 'body'>] extends [never] ? { body?: never } : { body: Part<Spec<N>, 'body'> }) &
  (Spec<N> extends { idempotent: true } ? { idempotencyKey?: string } : { idempotencyKey?: never })

/** What route N answers on success. */
export type RouteOutput<N extends RouteName> = Static<Spec<N>['response']>
