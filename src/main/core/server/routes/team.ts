// The team screens' routes (DESIGN.md §7): the people of the business, adding and changing them,
// and join codes for another branch. The relay is the authority: it checks the signed-in person's
// PIN and who may manage whom (owners everyone, admins the receptionists of their branches); this
// desk refuses early what the role can never do, and reads the new copy before answering.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  AddPersonBody,
  BranchParams,
  BranchRenamed,
  RenameBranchBody,
  ChangePersonBody,
  JoinCode,
  JoinCodeBody,
  PersonChange,
  PersonIdParams,
  Team,
} from '../../../../shared/api/people'
import { ApiError } from '../../../../shared/api/schemas'
import { DeskError } from '../../errors/desk-error'
import type { SignedIn } from '../../people/sign-in'
import type { DeskServices } from '../desk-services'

const team: FastifyPluginAsyncTypebox<{ services: DeskServices }> = async (app, { services }) => {
  const { business, businessCopy, signIn, audit } = services
  const refusals = {
    400: ApiError,
    401: ApiError,
    403: ApiError,
    404: ApiError,
    409: ApiError,
    423: ApiError,
    503: ApiError,
  }
  const signedIn = (): SignedIn => {
    const person = signIn.current()
    if (!person) throw new DeskError('SIGN_IN_REQUIRED', 'Sign in with your PIN first')
    return person
  }

  app.get(
    '/api/business/people',
    {
      config: { access: 'people.manageReceptionists' },
      schema: {
        summary: 'The people of the business, inactive ones included (no PIN hashes)',
        response: { 200: Team, 401: ApiError, 403: ApiError },
      },
    },
    async () => {
      const b = business.current()
      return {
        business: b ? { id: b.id, name: b.name, version: b.version } : null,
        channelId: services.sync.relayIdentity().channelId,
        branches: b?.branches ?? [],
        branchNames: business.branchNames(),
        people: business.people().map(({ pinHash: _hash, ...person }) => person),
      }
    },
  )

  app.put(
    '/api/business/branches/:channelId',
    {
      config: { access: 'branch.settings' },
      schema: {
        summary: 'Name a branch of the business (owners: any; admins: their own branches)',
        params: BranchParams,
        body: RenameBranchBody,
        response: { 200: BranchRenamed, ...refusals },
      },
    },
    async (request) => {
      const me = signedIn()
      const { channelId } = request.params
      const answer = await businessCopy.renameBranch(
        channelId,
        { actor: { personId: me.id, pin: request.body.pin }, name: request.body.name },
        { role: me.role, action: 'branch.settings' },
      )
      audit.record({
        action: 'business.renameBranch',
        target: `branch:${channelId}`,
        detail: { name: answer.name },
      })
      return answer
    },
  )

  app.post(
    '/api/business/join-codes',
    {
      config: { access: 'business.joinCode' },
      schema: {
        summary: 'A single-use code (24 h) with which another branch’s desk joins the business',
        body: JoinCodeBody,
        response: { 200: JoinCode, ...refusals },
      },
    },
    async (request) => {
      const me = signedIn()
      const code = await businessCopy.joinCode(
        { personId: me.id, pin: request.body.pin },
        { role: me.role, action: 'business.joinCode' },
      )
      audit.record({
        action: 'business.joinCode',
        target: `business:${business.current()?.id}`,
        detail: { expiresAt: code.expiresAt },
      })
      return code
    },
  )

  app.post(
    '/api/business/people',
    {
      config: { access: 'people.manageReceptionists' },
      schema: {
        summary: 'Add a person (owners: anyone; admins: receptionists of their branches)',
        body: AddPersonBody,
        response: { 200: PersonChange, ...refusals },
      },
    },
    async (request) => {
      const me = signedIn()
      const { person } = request.body
      const here = services.sync.relayIdentity().channelId
      const branches = person.branches ?? (person.role === 'owner' || !here ? [] : [here])
      const answer = await businessCopy.addPerson(
        {
          actor: { personId: me.id, pin: request.body.pin },
          person: { ...person, branches },
        },
        { role: me.role, action: 'people.add' },
      )
      audit.record({
        action: 'people.add',
        target: `person:${answer.person.id}`,
        detail: { role: answer.person.role, branches: answer.person.branches },
      })
      return answer
    },
  )

  app.patch(
    '/api/business/people/:personId',
    {
      config: { access: 'people.manageReceptionists' },
      schema: {
        summary: 'Change a person: name, email, language, role, branches, active, or reset the PIN',
        params: PersonIdParams,
        body: ChangePersonBody,
        response: { 200: PersonChange, ...refusals },
      },
    },
    async (request) => {
      const me = signedIn()
      const answer = await businessCopy.changePerson(
        request.params.personId,
        { actor: { personId: me.id, pin: request.body.pin }, changes: request.body.changes },
        { role: me.role, action: 'people.change' },
      )
      const { pin, ...rest } = request.body.changes
      audit.record({
        action: 'people.change',
        target: `person:${request.params.personId}`,
        // Never the PIN itself: only that it was reset.
        detail: { ...rest, ...(pin === undefined ? {} : { pinReset: true }) },
      })
      return answer
    },
  )
}
export default team
