// The branches of the business with their names: the owner renames any, an admin their own
// (the relay checks both and the PIN). A named branch is called so in the people list and in
// every notification; an unnamed one goes by where it is.
import { useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { Team, TeamMember } from '../../../../shared/api/people'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'
import { TeamChangeDialog } from './TeamChangeDialog'
// The list styles (.list, .list-row) are the attention lists': this screen's chunk needs them.
import '../attention/lists.css'

interface Props {
  team: Team
  me: TeamMember
  branchLabel(id: string): string
  rememberedPin: string
  onPin(pin: string): void
}

export function BranchNamesSection({ team, me, branchLabel, ...common }: Props) {
  const intl = useIntl()
  const mine = team.branches.filter((id) => me.role === 'owner' || me.branches.includes(id))
  if (mine.length === 0) return null
  return (
    <section className="team-section" aria-labelledby="branch-names-title">
      <h3 id="branch-names-title">
        <FormattedMessage id="team.branchNames.title" />
      </h3>
      <ul className="list" aria-label={intl.formatMessage({ id: 'team.branchNames.title' })}>
        {mine.map((id) => (
          <li key={`${id}:${team.business?.version ?? 0}`} data-testid={`branch-${id}`}>
            <span>{branchLabel(id)}</span>{' '}
            <RenameBranch
              channelId={id}
              current={team.branchNames[id] ?? ''}
              label={branchLabel(id)}
              {...common}
            />
          </li>
        ))}
      </ul>
    </section>
  )
}

function RenameBranch(props: {
  channelId: string
  current: string
  label: string
  rememberedPin: string
  onPin(pin: string): void
}) {
  const intl = useIntl()
  const api = useApi()
  const queryClient = useQueryClient()
  const id = useId()
  const [name, setName] = useState(props.current)
  return (
    <TeamChangeDialog
      rememberedPin={props.rememberedPin}
      onPin={props.onPin}
      trigger={intl.formatMessage({ id: 'team.branchNames.rename' })}
      triggerLabel={intl.formatMessage({ id: 'team.branchNames.renameOf' }, { name: props.label })}
      title={intl.formatMessage({ id: 'team.branchNames.renameOf' }, { name: props.label })}
      submitLabel={intl.formatMessage({ id: 'team.branchNames.save' })}
      testId="rename-branch-dialog"
      canSubmit={name.trim() !== ''}
      run={async (pin) => {
        await api.call('renameBranch', {
          params: { channelId: props.channelId },
          body: { pin, name: name.trim() },
        })
        void queryClient.invalidateQueries({ queryKey: queryKeys.people })
        void queryClient.invalidateQueries({ queryKey: ['audit'] })
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>{intl.formatMessage({ id: 'team.branchNames.name' })}</label>
        <input
          id={`${id}-name`}
          // The dialog opens on the name, ready to type.
          autoFocus
          required
          maxLength={100}
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
    </TeamChangeDialog>
  )
}
