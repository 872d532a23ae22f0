// The people of the business (owners: everyone; admins: the receptionists of their branches):
// add, deactivate or reactivate, reset a PIN, and (owners) make a join code for another branch.
// Every change carries the signed-in person's own PIN, which the relay checks.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ChangePersonBody, TeamMember } from '../../../../shared/api/people'
import { can, type Role } from '../../../../shared/people/roles'
import { useApi } from '../../app/api-context'
import { describeError } from '../../app/i18n/describe-error'
import { queryKeys } from '../../app/query-keys'
import { ErrorMessage } from '../../ui/ErrorMessage'

const TEAM_KEY = [...queryKeys.people, 'team'] as const

export function TeamPeople({ myRole }: { myRole: Role }) {
  const api = useApi()
  const intl = useIntl()
  const queryClient = useQueryClient()
  const id = useId()
  const [myPin, setMyPin] = useState('')
  const [resetting, setResetting] = useState<TeamMember | null>(null)
  const [newPin, setNewPin] = useState('')
  const [person, setPerson] = useState({
    name: '',
    email: '',
    language: 'en',
    pin: '',
    role: 'receptionist' as Role,
  })
  const team = useQuery({
    queryKey: TEAM_KEY,
    queryFn: ({ signal }) => api.call('team', {}, signal),
  })
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.people })
    void queryClient.invalidateQueries({ queryKey: ['audit'] })
  }
  const add = useMutation({
    mutationFn: () => api.call('addPerson', { body: { pin: myPin, person } }),
    onSuccess: () => {
      setPerson({ ...person, name: '', email: '', pin: '' })
      changed()
    },
  })
  const change = useMutation({
    mutationFn: (input: { personId: string; changes: ChangePersonBody['changes'] }) =>
      api.call('changePerson', {
        params: { personId: input.personId },
        body: { pin: myPin, changes: input.changes },
      }),
    onSuccess: () => {
      setResetting(null)
      setNewPin('')
      changed()
    },
  })
  const joinCode = useMutation({
    mutationFn: () => api.call('joinCode', { body: { pin: myPin } }),
  })
  const roles: Role[] = myRole === 'owner' ? ['receptionist', 'admin', 'owner'] : ['receptionist']
  const roleName = (role: Role) => intl.formatMessage({ id: `people.role.${role}` })
  const problem = add.error ?? change.error ?? joinCode.error

  return (
    <div className="page" data-testid="team">
      <div className="field">
        <label htmlFor={`${id}-mine`}>
          <FormattedMessage id="team.yourPin" />
        </label>
        <input
          id={`${id}-mine`}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          value={myPin}
          onChange={(event) => setMyPin(event.target.value.replace(/\D/g, ''))}
        />
      </div>
      {problem && <ErrorMessage message={describeError(intl, problem)} />}
      {team.data && (
        <ul
          className="list"
          aria-label={intl.formatMessage(
            { id: 'team.people' },
            { business: team.data.business?.name ?? '' },
          )}
        >
          {team.data.people.map((member) => (
            <li key={member.id} className="list-row" data-testid="team-member">
              <div className="list-row__body">
                <p>
                  <strong>{member.name}</strong> · {roleName(member.role)}
                  {!member.active && <> · {intl.formatMessage({ id: 'team.inactive' })}</>}
                </p>
                <p className="muted">{member.email}</p>
              </div>
              {(myRole === 'owner' || member.role === 'receptionist') && (
                <div className="list-row__actions">
                  <button
                    type="button"
                    disabled={change.isPending}
                    aria-label={`${intl.formatMessage({ id: member.active ? 'team.deactivate' : 'team.reactivate' })}: ${member.name}`}
                    onClick={() =>
                      change.mutate({ personId: member.id, changes: { active: !member.active } })
                    }
                  >
                    {intl.formatMessage({
                      id: member.active ? 'team.deactivate' : 'team.reactivate',
                    })}
                  </button>
                  <button
                    type="button"
                    aria-label={`${intl.formatMessage({ id: 'team.resetPin' })}: ${member.name}`}
                    onClick={() => setResetting(member)}
                  >
                    {intl.formatMessage({ id: 'team.resetPin' })}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {resetting && (
        <form
          className="field"
          onSubmit={(event) => {
            event.preventDefault()
            change.mutate({ personId: resetting.id, changes: { pin: newPin } })
          }}
        >
          <label htmlFor={`${id}-new`}>
            <FormattedMessage id="team.newPin" values={{ name: resetting.name }} />
          </label>
          <input
            id={`${id}-new`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            required
            pattern="[0-9]{4,12}"
            value={newPin}
            onChange={(event) => setNewPin(event.target.value)}
          />
          <button type="submit" disabled={change.isPending}>
            {intl.formatMessage({ id: 'team.resetPin' })}
          </button>
        </form>
      )}
      <form
        className="page"
        onSubmit={(event) => {
          event.preventDefault()
          add.mutate()
        }}
      >
        <h3>
          <FormattedMessage id="team.add.title" />
        </h3>
        {(
          [
            ['name', 'team.add.name', 'text'],
            ['email', 'team.setUp.email', 'email'],
            ['pin', 'team.add.pin', 'password'],
          ] as const
        ).map(([key, label, type]) => (
          <div className="field" key={key}>
            <label htmlFor={`${id}-${key}`}>{intl.formatMessage({ id: label })}</label>
            <input
              id={`${id}-${key}`}
              type={type}
              required
              autoComplete="off"
              pattern={key === 'pin' ? '[0-9]{4,12}' : undefined}
              value={person[key]}
              onChange={(event) => setPerson({ ...person, [key]: event.target.value })}
            />
          </div>
        ))}
        <div className="field">
          <label htmlFor={`${id}-role`}>
            <FormattedMessage id="team.add.role" />
          </label>
          <select
            id={`${id}-role`}
            value={person.role}
            onChange={(event) => setPerson({ ...person, role: event.target.value as Role })}
          >
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleName(role)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-lang`}>
            <FormattedMessage id="team.setUp.language" />
          </label>
          <select
            id={`${id}-lang`}
            value={person.language}
            onChange={(event) => setPerson({ ...person, language: event.target.value })}
          >
            <option value="en">{intl.formatMessage({ id: 'team.language.en' })}</option>
            <option value="es">{intl.formatMessage({ id: 'team.language.es' })}</option>
          </select>
        </div>
        <div>
          <button type="submit" className="button--primary" disabled={add.isPending}>
            <FormattedMessage id="team.add.submit" />
          </button>
        </div>
      </form>
      {can(myRole, 'business.joinCode') && (
        <section className="page">
          <h3>
            <FormattedMessage id="team.joinCode.title" />
          </h3>
          <div>
            <button type="button" disabled={joinCode.isPending} onClick={() => joinCode.mutate()}>
              <FormattedMessage id="team.joinCode.make" />
            </button>
          </div>
          {joinCode.data && (
            <p role="status" data-testid="join-code">
              <FormattedMessage
                id="team.joinCode.made"
                values={{
                  code: joinCode.data.code,
                  time: intl.formatTime(joinCode.data.expiresAt, {
                    hour: '2-digit',
                    minute: '2-digit',
                  }),
                }}
              />
            </p>
          )}
        </section>
      )}
    </div>
  )
}
