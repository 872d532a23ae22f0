// The notification rules screens' routes (DESIGN.md §8), carried to the relay with the device's
// token and the signed-in person's PIN: read the rules, change them (an owner's change applies,
// an admin's becomes a proposal; receptionists are refused before the handler), list proposals,
// approve or reject one (owners), and read the owner's history of every notification.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  DecideBody,
  DecideResult,
  HistoryList,
  ProposalList,
  ProposalParams,
  PutRulesBody,
  PutRulesResult,
  RulesView,
  type NotifiablePerson,
} from '../../../../shared/api/notifications'
import { ApiError } from '../../../../shared/api/schemas'
import type { NotificationRules } from '../../../../shared/notifications/rules'
import type { RulesProposal } from '../../../../shared/relay/relay-contract'
import { DeskError } from '../../errors/desk-error'
import { splitKinds, withNewerKinds } from '../../notify/newer-kinds'
import { enrolledDevice, nameOf, signedInPerson } from '../../notify/notification-access'
import {
  decideProposal,
  fetchHistory,
  fetchProposals,
  fetchRules,
  putRules,
} from '../../notify/relay-notifications'
import type { DeskServices } from '../desk-services'

const notificationRules: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (
  app,
  { services },
) => {
  const { business, signIn, audit } = services
  const deps = { business, signIn, device: () => services.sync.relayDevice() }
  const refusals = {
    400: ApiError,
    401: ApiError,
    403: ApiError,
    404: ApiError,
    409: ApiError,
    423: ApiError,
    503: ApiError,
  }
  const proposalView = (p: RulesProposal) => ({
    id: p.id,
    baseVersion: p.baseVersion,
    rules: splitKinds(p.rules).rules,
    changes: p.changes,
    proposedBy: nameOf(business, p.proposedBy),
    reason: p.reason,
    createdAt: p.createdAt,
    state: p.state,
    decidedBy: p.decidedBy ? nameOf(business, p.decidedBy) : null,
    decidedAt: p.decidedAt,
  })

  app.get(
    '/api/notifications/rules',
    {
      config: { access: 'notifications.propose' },
      schema: {
        summary: 'The business’s notification rules, whether email is on, and who may be notified',
        response: { 200: RulesView, ...refusals },
      },
    },
    async () => {
      const device = await enrolledDevice(deps)
      const answer = await fetchRules(device)
      // A newer relay's kinds: this desk can neither show nor edit their rules (newer-kinds.ts).
      const { rules, newer } = splitKinds(answer.rules)
      const copy = business.current()
      const people: NotifiablePerson[] = business
        .people()
        .filter((p) => p.active && p.role !== 'receptionist')
        .map((p) => ({
          id: p.id,
          name: p.name,
          role: p.role as NotifiablePerson['role'],
          branches: p.branches,
        }))
      const here = device.channelId
      const branches = [here, ...(copy?.branches ?? []).filter((b) => b !== here)]
      return {
        version: answer.version,
        rules,
        emailEnabled: answer.email.enabled,
        pendingProposals: answer.pendingProposals,
        people,
        branches,
        newerKinds: Object.keys(newer).sort(),
      }
    },
  )

  app.put(
    '/api/notifications/rules',
    {
      config: { access: 'notifications.propose' },
      schema: {
        summary:
          'Change the rules: an owner’s change applies at once, an admin’s waits for the owner',
        body: PutRulesBody,
        response: { 200: PutRulesResult, ...refusals },
      },
    },
    async (request) => {
      const me = signedInPerson(signIn)
      const device = await enrolledDevice(deps)
      const { pin, baseVersion, rules, reason } = request.body
      // The relay takes the whole document: the rules of kinds only a newer relay knows go back
      // as they are at the version the change was made on (the relay refuses any other version).
      const current = await fetchRules(device)
      if (current.version !== baseVersion)
        throw new DeskError('RULES_CHANGED', 'The rules changed meanwhile: read them again')
      const answer = await putRules(
        device,
        {
          actor: { personId: me.id, pin },
          baseVersion,
          rules: withNewerKinds(rules as NotificationRules, splitKinds(current.rules).newer),
          ...(reason ? { reason } : {}),
        },
        { role: me.role, action: 'notifications.propose' },
      )
      if (answer.applied) {
        audit.record({
          action: 'notifications.rules',
          target: `business:${business.current()?.id}`,
          detail: { version: answer.version },
        })
        return { applied: true, version: answer.version, proposalId: null }
      }
      audit.record({
        action: 'notifications.propose',
        target: `proposal:${answer.id}`,
        detail: { baseVersion, changed: answer.changes.map((c) => c.path) },
      })
      return { applied: false, version: baseVersion, proposalId: answer.id }
    },
  )

  app.get(
    '/api/notifications/proposals',
    {
      config: { access: 'notifications.propose' },
      schema: {
        summary: 'Proposed rule changes, newest first, with what each changes',
        response: { 200: ProposalList, ...refusals },
      },
    },
    async () => {
      const device = await enrolledDevice(deps)
      const { proposals } = await fetchProposals(device)
      return { proposals: proposals.map(proposalView) }
    },
  )

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/notifications/proposals/:id/${decision}`,
      {
        config: { access: 'notifications.approve' },
        schema: {
          summary:
            decision === 'approve'
              ? 'Approve a proposal with the owner’s PIN (only while its base version is current)'
              : 'Reject a proposal with the owner’s PIN',
          params: ProposalParams,
          body: DecideBody,
          response: { 200: DecideResult, ...refusals },
        },
      },
      async (request) => {
        const me = signedInPerson(signIn)
        const device = await enrolledDevice(deps)
        const answer = await decideProposal(
          device,
          request.params.id,
          decision,
          { personId: me.id, pin: request.body.pin },
          { role: me.role, action: 'notifications.approve' },
        )
        audit.record({
          action: `notifications.${decision}`,
          target: `proposal:${request.params.id}`,
          detail: { state: answer.state, version: answer.version },
        })
        return answer
      },
    )
  }

  app.get(
    '/api/notifications/history',
    {
      config: { access: 'notifications.approve' },
      schema: {
        summary: 'Every notification, newest first: sent, coalesced, suppressed, held, failed, why',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 200: HistoryList, ...refusals },
      },
    },
    async (request) => {
      const device = await enrolledDevice(deps)
      const { entries } = await fetchHistory(device, request.query.limit ?? 200)
      return {
        entries: entries.map((e) => ({
          id: e.id,
          kind: e.kind,
          person: nameOf(business, e.personId),
          channel: e.channel,
          status: e.status,
          reason: e.reason,
          attempts: e.attempts,
          title: e.title,
          createdAt: e.createdAt,
          sentAt: e.sentAt,
        })),
      }
    },
  )
}
export default notificationRules
