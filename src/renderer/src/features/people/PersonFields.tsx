// A person's details in the add and edit dialogs: name, email, language, role and, for admins
// and receptionists, the branches they work at. The roles offered are the ones the signed-in
// person may manage (team-rules.ts); owners work everywhere, so they have no branch list.
import { useId } from 'react'
import { useIntl } from 'react-intl'
import type { Role } from '../../../../shared/people/roles'

export interface PersonDraft {
  name: string
  email: string
  language: string
  role: Role
  branches: string[]
}

interface Props {
  value: PersonDraft
  onChange(next: PersonDraft): void
  roles: readonly Role[]
  /** Branches (relay channel ids) this person may be given, each with its words. */
  branches: ReadonlyArray<{ id: string; label: string }>
}

export function PersonFields({ value, onChange, roles, branches }: Props) {
  const intl = useIntl()
  const id = useId()
  const set = (patch: Partial<PersonDraft>) => onChange({ ...value, ...patch })
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-name`}>{intl.formatMessage({ id: 'team.add.name' })}</label>
        <input
          id={`${id}-name`}
          // The dialog opens on the first field, ready to type.
          autoFocus
          required
          maxLength={100}
          autoComplete="off"
          value={value.name}
          onChange={(event) => set({ name: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-email`}>{intl.formatMessage({ id: 'team.setUp.email' })}</label>
        <input
          id={`${id}-email`}
          type="email"
          required
          maxLength={254}
          autoComplete="off"
          value={value.email}
          onChange={(event) => set({ email: event.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-language`}>
          {intl.formatMessage({ id: 'team.setUp.language' })}
        </label>
        <select
          id={`${id}-language`}
          value={value.language}
          onChange={(event) => set({ language: event.target.value })}
        >
          <option value="en">{intl.formatMessage({ id: 'team.language.en' })}</option>
          <option value="es">{intl.formatMessage({ id: 'team.language.es' })}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-role`}>{intl.formatMessage({ id: 'team.add.role' })}</label>
        <select
          id={`${id}-role`}
          value={value.role}
          disabled={roles.length === 1}
          onChange={(event) => set({ role: event.target.value as Role })}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {intl.formatMessage({ id: `people.role.${role}` })}
            </option>
          ))}
        </select>
      </div>
      {value.role !== 'owner' && branches.length > 0 && (
        <fieldset className="team-branches">
          <legend>{intl.formatMessage({ id: 'team.branches' })}</legend>
          {branches.map((branch) => (
            <label key={branch.id} className="team-branches__choice">
              <input
                type="checkbox"
                checked={value.branches.includes(branch.id)}
                onChange={(event) =>
                  set({
                    branches: event.target.checked
                      ? [...value.branches, branch.id]
                      : value.branches.filter((b) => b !== branch.id),
                  })
                }
              />{' '}
              {branch.label}
            </label>
          ))}
        </fieldset>
      )}
    </>
  )
}
