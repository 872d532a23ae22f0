import { randomBytes } from 'node:crypto'
import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { can } from '../../../src/shared/people/roles.js'
import { checkRules } from '../../../src/shared/notifications/rules-check.js'
import { diffRules } from '../../../src/shared/notifications/rules-diff.js'
import { NotificationRulesSchema } from '../../../src/shared/notifications/rules-schema.js'
import type { NotificationRules } from '../../../src/shared/notifications/rules.js'
import {
  DecideProposalResponseSchema,
  NotificationRulesResponseSchema,
  ProposalsResponseSchema,
  RulesAppliedResponseSchema,
  RulesProposalSchema,
} from '../../../src/shared/relay/notification-answers.js'
import type {
  DecideProposalResponse,
  NotificationRulesResponse,
  ProposalsResponse,
  RulesAppliedResponse,
  RulesProposal,
} from '../../../src/shared/relay/relay-contract.js'
import { verifyActor } from '../business/actor.js'
import { businessOfDevice } from '../business/load.js'
import { forbidden } from '../business/people-checks.js'
import { currentRules } from '../notifications/current-rules.js'
import { proposalNotices } from '../notifications/proposal-notice.js'
import { RelayHttpError, errorAnswers, invalidField } from '../errors.js'
import type { StoredProposal } from '../storage/notification-types.js'
import type { Device } from '../storage/types.js'
import { Actor } from './business-schemas.js'

const newProposalId = (): string => `prp_${randomBytes(12).toString('base64url')}`

const proposalOut = (p: StoredProposal): RulesProposal => ({
  applied: false,
  id: p.id,
  baseVersion: p.baseVersion,
  rules: p.rules,
  changes: p.changes,
  proposedBy: p.proposedBy,
  deviceId: p.deviceId,
  reason: p.reason,
  createdAt: p.createdAt.toISOString(),
  state: p.state,
  decidedBy: p.decidedBy,
  decidedAt: p.decidedAt?.toISOString() ?? null,
})

const conflict = () =>
  new RelayHttpError(409, 'CONFLICT', 'The rules changed meanwhile: read them again and retry.', {
    field: 'body/baseVersion',
  })

/** What the rules table keeps: the policies are the business's. */
const withoutPolicies = (rules: NotificationRules): NotificationRules => ({
  ...rules,
  cancellationPolicies: [],
})

const ProposalParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) })
const DecideBody = Type.Object({ actor: Actor }, { additionalProperties: false })

/**
 * The notification rules of the device's business (DESIGN.md §8): an owner's change applies at
 * once; an admin's becomes a proposal the owner approves or rejects with the PIN; approval
 * applies only while its base version is current. Every step is in the business audit.
 */
const notificationRules: FastifyPluginAsyncTypebox<{ emailEnabled: boolean }> = async (
  app,
  opts,
) => {
  app.get(
    '/v1/business/notification-rules',
    {
      onRequest: app.requireDevice,
      schema: { response: { 200: NotificationRulesResponseSchema, ...errorAnswers } },
    },
    async (request) => {
      const business = await businessOfDevice(request)
      const { version, rules } = await currentRules(app.storage, business)
      const proposals = await app.storage.notifications.proposals(business.id)
      const out: NotificationRulesResponse = {
        version,
        rules,
        email: { enabled: opts.emailEnabled },
        pendingProposals: proposals.filter((p) => p.state === 'pending').length,
      }
      return out
    },
  )

  app.put(
    '/v1/business/notification-rules',
    {
      onRequest: app.requireDevice,
      schema: {
        body: Type.Object(
          {
            actor: Actor,
            baseVersion: Type.Integer({ minimum: 0 }),
            rules: NotificationRulesSchema,
            reason: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        // An owner's change applies (200); an admin's is a proposal for the owner (202).
        response: { 200: RulesAppliedResponseSchema, 202: RulesProposalSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      const device = request.device as Device
      const business = await businessOfDevice(request)
      const now = new Date()
      const actor = await verifyActor(app.storage, business, request.body.actor, now)
      if (!can(actor.role, 'notifications.propose'))
        throw forbidden('Only owners and admins may change the notification rules.')
      const sent = request.body.rules as Omit<NotificationRules, 'cancellationPolicies'> & {
        cancellationPolicies?: NotificationRules['cancellationPolicies']
      }
      // The policies live with the business (PUT /v1/business/cancellation-policies/…): a rules
      // change may carry them back as read, never change them.
      if (
        sent.cancellationPolicies !== undefined &&
        JSON.stringify(sent.cancellationPolicies) !== JSON.stringify(business.cancellationPolicies)
      )
        throw invalidField(
          'body/rules/cancellationPolicies',
          'are set per service with PUT /v1/business/cancellation-policies/{branchId}/{eventTypeId}: send them as read, or leave them out',
        )
      const rules: NotificationRules = {
        ...sent,
        cancellationPolicies: business.cancellationPolicies,
      }
      const problem = checkRules(rules, { branches: business.channelIds, people: business.people })
      if (problem) throw invalidField(`body/rules/${problem.field}`, problem.problem)
      const current = await currentRules(app.storage, business)
      const { baseVersion } = request.body
      if (baseVersion !== current.version) throw conflict()
      const changes = diffRules(current.rules, rules)
      const audit = { personId: actor.id, deviceId: device.id, at: now }

      if (can(actor.role, 'notifications.approve')) {
        const saved = await app.storage.notifications.saveRules(
          business.id,
          baseVersion,
          withoutPolicies(rules),
          {
            ...audit,
            action: 'rules.update',
            detail: { rulesVersion: baseVersion + 1, changed: changes.map((c) => c.path) },
          },
        )
        if (!saved) throw conflict()
        request.log.info({ businessId: business.id, version: baseVersion + 1 }, 'rules changed')
        const out: RulesAppliedResponse = { applied: true, version: baseVersion + 1 }
        return out
      }

      const proposal: StoredProposal = {
        id: newProposalId(),
        businessId: business.id,
        baseVersion,
        rules: withoutPolicies(rules),
        changes,
        proposedBy: actor.id,
        deviceId: device.id,
        reason: request.body.reason ?? '',
        createdAt: now,
        state: 'pending',
        decidedBy: null,
        decidedAt: null,
      }
      await app.storage.notifications.addProposal(
        proposal,
        {
          ...audit,
          action: 'rules.propose',
          detail: { proposalId: proposal.id, baseVersion, changed: changes.map((c) => c.path) },
        },
        proposalNotices(proposal, business, actor, opts.emailEnabled, app.notifier.now()),
      )
      app.notifier.wake()
      request.log.info({ businessId: business.id, proposalId: proposal.id }, 'rules proposed')
      return reply.code(202).send(proposalOut(proposal))
    },
  )

  app.get(
    '/v1/business/notification-rules/proposals',
    {
      onRequest: app.requireDevice,
      schema: { response: { 200: ProposalsResponseSchema, ...errorAnswers } },
    },
    async (request) => {
      const business = await businessOfDevice(request)
      const out: ProposalsResponse = {
        proposals: (await app.storage.notifications.proposals(business.id)).map(proposalOut),
      }
      return out
    },
  )

  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/v1/business/notification-rules/proposals/:id/${decision}`,
      {
        onRequest: app.requireDevice,
        schema: {
          params: ProposalParams,
          body: DecideBody,
          response: { 200: DecideProposalResponseSchema, ...errorAnswers },
        },
      },
      async (request) => {
        const device = request.device as Device
        const business = await businessOfDevice(request)
        const now = new Date()
        const actor = await verifyActor(app.storage, business, request.body.actor, now)
        if (!can(actor.role, 'notifications.approve'))
          throw forbidden('Only an owner approves or rejects notification rules.')
        const { id } = request.params
        const audit = {
          personId: actor.id,
          deviceId: device.id,
          at: now,
          action: `rules.${decision === 'approve' ? 'approve' : 'reject'}`,
          detail: { proposalId: id },
        }
        const result =
          decision === 'approve'
            ? await app.storage.notifications.approveProposal(business.id, id, audit)
            : await app.storage.notifications.rejectProposal(business.id, id, audit)
        if (result.outcome === 'unknown')
          throw new RelayHttpError(404, 'NOT_FOUND', 'No such proposal in this business.', {
            field: 'params/id',
          })
        if (result.outcome === 'decided')
          throw new RelayHttpError(409, 'PROPOSAL_DECIDED', 'This proposal was already decided.')
        if (result.outcome === 'superseded')
          throw new RelayHttpError(
            409,
            'PROPOSAL_SUPERSEDED',
            'The rules changed since this proposal was made: it no longer applies.',
          )
        request.log.info({ businessId: business.id, proposalId: id, decision }, 'proposal decided')
        const out: DecideProposalResponse = { state: result.outcome, version: result.version }
        return out
      },
    )
  }
}

export default notificationRules
