// The people of the business on the Team screen. Owners change everyone; admins the
// receptionists of their branches (team-rules.ts): add, edit (name, email, language, role,
// branches), deactivate or reactivate, reset a PIN, each in a dialog that asks for the signed-in
// person's own PIN, which the relay checks. Owners also make join codes for another branch.
import { useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ChangePersonBody, Team, TeamMember } from '../../../../shared/api/people'
import { can } from '../../../../shared/people/roles'
import { useApi } from '../../app/api-context'
import { useBranch } from '../../app/queries'
import { queryKeys } from '../../app/query-keys'
import { BranchNamesSection } from './BranchNamesSection'
import { JoinCodeSection } from './JoinCodeSection'
import { PersonFields, type PersonDraft } from './PersonFields'
import { TeamChangeDialog } from './TeamChangeDialog'
import { branchesOffered, mayManage, rolesOffered } from './team-rules'
import { useTeam } from './team-queries'
// The list styles (.list, .list-row) are the attention lists': this screen's chunk needs them.
import '../attention/lists.css'

export function TeamPeople({ myId }: { myId: string }) {
  const intl = useIntl()
  const team = useTeam()
  const branch = useBranch()
  const [pin, setPin] = useState('')
  const [saved, setSaved] = useState<string | null>(null)
  const data = team.data
  const me = data?.people.find((p) => p.id === myId)
  if (!data || !me) return null

  // A branch the business has named goes by its name; an unnamed one by where it is.
  const branchLabel = (id: string) =>
    data.branchNames[id] ??
    (id === data.channelId
      ? intl.formatMessage({ id: 'team.branch.here' }, { name: branch.data?.name ?? '' })
      : intl.formatMessage({ id: 'team.branch.other' }, { id: id.slice(-6) }))
  const offered = branchesOffered(me, data.branches).map((id) => ({ id, label: branchLabel(id) }))
  const common = {
    rememberedPin: pin,
    onPin: setPin,
  }

  return (
    <div className="team" data-testid="team">
      <p className="team-announce" role="status">
        {saved && intl.formatMessage({ id: 'team.saved' }, { name: saved })}
      </p>
      <ul
        className="list team-list"
        aria-label={intl.formatMessage(
          { id: 'team.people' },
          { business: data.business?.name ?? '' },
        )}
      >
        {data.people.map((member) => (
          <TeamRow
            // A new version of the business starts the row's drafts afresh.
            key={`${member.id}:${data.business?.version ?? 0}`}
            member={member}
            isMe={member.id === me.id}
            manageable={mayManage(me, member)}
            team={data}
            branchLabel={branchLabel}
            roles={rolesOffered(me)}
            branches={offered}
            onSaved={setSaved}
            {...common}
          />
        ))}
      </ul>
      <AddPerson
        roles={rolesOffered(me)}
        branches={offered}
        here={data.channelId}
        onSaved={setSaved}
        {...common}
      />
      {can(me.role, 'branch.settings') && (
        <BranchNamesSection team={data} me={me} branchLabel={branchLabel} {...common} />
      )}
      {can(me.role, 'business.joinCode') && <JoinCodeSection {...common} />}
    </div>
  )
}

interface Shared {
  rememberedPin: string
  onPin(pin: string): void
  onSaved(name: string): void
}

function useTeamChange() {
  const api = useApi()
  const queryClient = useQueryClient()
  return async (personId: string, pin: string, changes: ChangePersonBody['changes']) => {
    await api.call('changePerson', { params: { personId }, body: { pin, changes } })
    void queryClient.invalidateQueries({ queryKey: queryKeys.people })
    void queryClient.invalidateQueries({ queryKey: ['audit'] })
  }
}

function TeamRow(
  props: Shared & {
    member: TeamMember
    isMe: boolean
    manageable: boolean
    team: Team
    branchLabel(id: string): string
    roles: TeamMember['role'][]
    branches: ReadonlyArray<{ id: string; label: string }>
  },
) {
  const intl = useIntl()
  const change = useTeamChange()
  const { member } = props
  const [draft, setDraft] = useState<PersonDraft>(member)
  const [newPin, setNewPin] = useState('')
  const roleName = intl.formatMessage({ id: `people.role.${member.role}` })
  const named = (id: 'team.edit' | 'team.resetPin' | 'team.deactivate' | 'team.reactivate') =>
    `${intl.formatMessage({ id })}: ${member.name}`
  const shared = { rememberedPin: props.rememberedPin, onPin: props.onPin }
  return (
    <li className="list-row team-row" data-testid="team-member" data-active={member.active}>
      <div className="list-row__body">
        <p>
          <strong>{member.name}</strong>
          {props.isMe && <> {intl.formatMessage({ id: 'team.you' })}</>} · {roleName}
          {!member.active && (
            <>
              {' · '}
              <span className="team-row__inactive">
                {intl.formatMessage({ id: 'team.inactive' })}
              </span>
            </>
          )}
        </p>
        <p className="muted">
          {member.email}
          {member.role !== 'owner' && (
            <>
              {' · '}
              {member.branches.length === 0
                ? intl.formatMessage({ id: 'team.noBranch' })
                : intl.formatMessage(
                    { id: 'team.worksAt' },
                    {
                      branches: intl.formatList(member.branches.map(props.branchLabel), {
                        type: 'conjunction',
                      }),
                    },
                  )}
            </>
          )}
        </p>
      </div>
      {props.manageable && (
        <div className="list-row__actions">
          <TeamChangeDialog
            {...shared}
            trigger={intl.formatMessage({ id: 'team.edit' })}
            triggerLabel={named('team.edit')}
            title={intl.formatMessage({ id: 'team.edit.title' }, { name: member.name })}
            submitLabel={intl.formatMessage({ id: 'team.edit.submit' })}
            testId="edit-person"
            canSubmit={draft.role === 'owner' || draft.branches.length > 0}
            run={async (pin) => {
              await change(member.id, pin, {
                name: draft.name.trim(),
                email: draft.email.trim(),
                language: draft.language,
                ...(draft.role !== member.role ? { role: draft.role } : {}),
                ...(draft.role === 'owner' ? {} : { branches: draft.branches }),
              })
              props.onSaved(draft.name.trim())
            }}
          >
            <PersonFields
              value={draft}
              onChange={setDraft}
              roles={props.roles.includes(member.role) ? props.roles : [member.role]}
              branches={props.branches}
            />
          </TeamChangeDialog>
          <TeamChangeDialog
            {...shared}
            trigger={intl.formatMessage({ id: 'team.resetPin' })}
            triggerLabel={named('team.resetPin')}
            title={intl.formatMessage({ id: 'team.newPin' }, { name: member.name })}
            submitLabel={intl.formatMessage({ id: 'team.resetPin' })}
            testId="reset-pin"
            canSubmit={/^[0-9]{4,12}$/.test(newPin)}
            run={async (pin) => {
              await change(member.id, pin, { pin: newPin })
              setNewPin('')
              props.onSaved(member.name)
            }}
          >
            <NewPinField name={member.name} value={newPin} onChange={setNewPin} />
          </TeamChangeDialog>
          {!props.isMe && (
            <TeamChangeDialog
              {...shared}
              trigger={intl.formatMessage({
                id: member.active ? 'team.deactivate' : 'team.reactivate',
              })}
              triggerLabel={named(member.active ? 'team.deactivate' : 'team.reactivate')}
              title={intl.formatMessage(
                { id: member.active ? 'team.deactivate.title' : 'team.reactivate.title' },
                { name: member.name },
              )}
              submitLabel={intl.formatMessage({
                id: member.active ? 'team.deactivate' : 'team.reactivate',
              })}
              danger={member.active}
              testId="person-active"
              run={async (pin) => {
                await change(member.id, pin, { active: !member.active })
                props.onSaved(member.name)
              }}
            >
              <p>
                {intl.formatMessage(
                  { id: member.active ? 'team.deactivate.explain' : 'team.reactivate.explain' },
                  { name: member.name },
                )}
              </p>
            </TeamChangeDialog>
          )}
        </div>
      )}
    </li>
  )
}

function NewPinField(props: { name: string; value: string; onChange(pin: string): void }) {
  return (
    <div className="field">
      <label htmlFor="team-new-pin">
        <FormattedMessage id="team.add.pin" />
      </label>
      <input
        id="team-new-pin"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        required
        value={props.value}
        onChange={(event) => props.onChange(event.target.value.replace(/\D/g, '').slice(0, 12))}
      />
    </div>
  )
}

function AddPerson(
  props: Shared & {
    roles: TeamMember['role'][]
    branches: ReadonlyArray<{ id: string; label: string }>
    here: string | null
  },
) {
  const intl = useIntl()
  const api = useApi()
  const queryClient = useQueryClient()
  const blank = (): PersonDraft => ({
    name: '',
    email: '',
    language: intl.locale.startsWith('es') ? 'es' : 'en',
    role: 'receptionist',
    branches: props.here && props.branches.some((b) => b.id === props.here) ? [props.here] : [],
  })
  const [draft, setDraft] = useState<PersonDraft>(blank)
  const [theirPin, setTheirPin] = useState('')
  return (
    <div className="team-add">
      <TeamChangeDialog
        rememberedPin={props.rememberedPin}
        onPin={props.onPin}
        trigger={intl.formatMessage({ id: 'team.add.open' })}
        triggerClassName="button--primary"
        title={intl.formatMessage({ id: 'team.add.title' })}
        submitLabel={intl.formatMessage({ id: 'team.add.submit' })}
        testId="add-person"
        canSubmit={
          draft.name.trim() !== '' &&
          draft.email.includes('@') &&
          /^[0-9]{4,12}$/.test(theirPin) &&
          (draft.role === 'owner' || draft.branches.length > 0)
        }
        run={async (pin) => {
          await api.call('addPerson', {
            body: {
              pin,
              person: {
                name: draft.name.trim(),
                email: draft.email.trim(),
                language: draft.language,
                pin: theirPin,
                role: draft.role,
                branches: draft.role === 'owner' ? [] : draft.branches,
              },
            },
          })
          props.onSaved(draft.name.trim())
          setDraft(blank())
          setTheirPin('')
          void queryClient.invalidateQueries({ queryKey: queryKeys.people })
          void queryClient.invalidateQueries({ queryKey: ['audit'] })
        }}
      >
        <PersonFields
          value={draft}
          onChange={setDraft}
          roles={props.roles}
          branches={props.branches}
        />
        <div className="field">
          <label htmlFor="team-their-pin">
            <FormattedMessage id="team.add.pin" />
          </label>
          <input
            id="team-their-pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            required
            value={theirPin}
            onChange={(event) => setTheirPin(event.target.value.replace(/\D/g, '').slice(0, 12))}
          />
        </div>
      </TeamChangeDialog>
    </div>
  )
}
