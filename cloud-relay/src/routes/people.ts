import { Type } from '@sinclair/typebox'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { PersonChangeResponseSchema } from '../../../src/shared/relay/business-answers.js'
import type { PersonChangeResponse } from '../../../src/shared/relay/relay-contract.js'
import { verifyActor } from '../business/actor.js'
import { commitChange } from '../business/commit.js'
import { docOf } from '../storage/business-doc.js'
import { businessOfDevice } from '../business/load.js'
import { checkBranches, checkManage, checkRoleBranches } from '../business/people-checks.js'
import { hashPin } from '../business/pin.js'
import { personPublic } from '../business/snapshot.js'
import { RelayHttpError, errorAnswers, invalidField } from '../errors.js'
import type { StoredBusiness, StoredPerson } from '../storage/business-types.js'
import type { Device } from '../storage/types.js'
import { nameProblem } from '../text-checks.js'
import {
  Actor,
  Branches,
  Email,
  Language,
  Name,
  NewPerson,
  Pin,
  RoleSchema,
} from './business-schemas.js'
import { newPersonId } from './business.js'

const checkName = (name: string | undefined, field: string) => {
  const problem = name === undefined ? undefined : nameProblem(name)
  if (problem) throw invalidField(field, problem)
}

/** A business must keep an active owner: no change may remove, demote or deactivate the last. */
function checkOwnerRemains(people: StoredPerson[], field: string): void {
  if (!people.some((p) => p.role === 'owner' && p.active))
    throw invalidField(field, 'would leave the business without an active owner')
}

/** Adding and changing the people of the device's business; each change carries the actor's PIN. */
const people: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/v1/business/people',
    {
      onRequest: app.requireDevice,
      schema: {
        body: Type.Object(
          {
            actor: Actor,
            person: Type.Object(
              { ...NewPerson, role: RoleSchema, branches: Branches },
              { additionalProperties: false },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: PersonChangeResponseSchema, ...errorAnswers },
      },
    },
    async (request, reply) => {
      const device = request.device as Device
      const business = await businessOfDevice(request)
      const now = new Date()
      const actor = await verifyActor(app.storage, business, request.body.actor, now)
      const p = request.body.person
      checkName(p.name, 'body/person/name')
      checkRoleBranches(p.role, p.branches, 'body/person/branches')
      checkBranches(business, p.branches, 'body/person/branches')
      checkManage(actor, p.role, p.branches)
      const person: StoredPerson = {
        id: newPersonId(),
        name: p.name,
        email: p.email,
        language: p.language,
        role: p.role,
        branches: p.branches,
        pinHash: await hashPin(p.pin),
        active: true,
      }
      const next = await commitChange(
        app.storage,
        business,
        { ...docOf(business), people: [...business.people, person] },
        {
          personId: actor.id,
          deviceId: device.id,
          action: 'person.add',
          detail: { personId: person.id, role: person.role, branches: person.branches },
          at: now,
        },
      )
      request.log.info({ businessId: business.id, personId: person.id }, 'person added')
      const out: PersonChangeResponse = { person: personPublic(person), version: next.version }
      return reply.code(201).send(out)
    },
  )

  app.patch(
    '/v1/business/people/:personId',
    {
      onRequest: app.requireDevice,
      schema: {
        params: Type.Object({ personId: Type.String({ minLength: 1, maxLength: 100 }) }),
        body: Type.Object(
          {
            actor: Actor,
            changes: Type.Object(
              {
                name: Type.Optional(Name),
                email: Type.Optional(Email),
                language: Type.Optional(Language),
                pin: Type.Optional(Pin),
                role: Type.Optional(RoleSchema),
                branches: Type.Optional(Branches),
                active: Type.Optional(Type.Boolean()),
              },
              { additionalProperties: false, minProperties: 1 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: PersonChangeResponseSchema, ...errorAnswers },
      },
    },
    async (request) => {
      const device = request.device as Device
      const business: StoredBusiness = await businessOfDevice(request)
      const now = new Date()
      const actor = await verifyActor(app.storage, business, request.body.actor, now)
      const target = business.people.find((p) => p.id === request.params.personId)
      if (!target)
        throw new RelayHttpError(404, 'NOT_FOUND', 'No such person in this business.', {
          field: 'params/personId',
        })
      const c = request.body.changes
      checkName(c.name, 'body/changes/name')
      checkManage(actor, target.role, target.branches)
      const role = c.role ?? target.role
      const branches = c.branches ?? (role === 'owner' ? [] : target.branches)
      checkRoleBranches(role, branches, 'body/changes/branches')
      checkBranches(business, branches, 'body/changes/branches')
      checkManage(actor, role, branches)
      const { pin, ...rest } = c
      const updated: StoredPerson = {
        ...target,
        ...rest,
        role,
        branches,
        ...(pin === undefined ? {} : { pinHash: await hashPin(pin) }),
      }
      const nextPeople = business.people.map((p) => (p.id === target.id ? updated : p))
      checkOwnerRemains(
        nextPeople,
        c.active === false ? 'body/changes/active' : 'body/changes/role',
      )
      const next = await commitChange(
        app.storage,
        business,
        { ...docOf(business), people: nextPeople },
        {
          personId: actor.id,
          deviceId: device.id,
          action: 'person.update',
          // Which fields changed, never the PIN itself.
          detail: { personId: target.id, changed: Object.keys(c), ...rest },
          at: now,
        },
      )
      // A new PIN set by someone else starts with a clean slate.
      if (pin !== undefined) await app.storage.business.pinPassed(target.id)
      request.log.info(
        { businessId: business.id, personId: target.id, changed: Object.keys(c) },
        'person changed',
      )
      const out: PersonChangeResponse = { person: personPublic(updated), version: next.version }
      return out
    },
  )
}

export default people
