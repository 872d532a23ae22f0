// Changes an admin proposed: the readable diff, who and why; the owner approves or rejects each
// with the PIN pad of sign-in. Decided ones stay below with who decided and when.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ProposalView, RulesView } from '../../../../shared/api/notifications'
import { can, type Role } from '../../../../shared/people/roles'
import { useApi } from '../../app/api-context'
import { describeError } from '../../app/i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { FormDialog } from '../../ui/FormDialog'
import { PinPad } from '../people/PinPad'
// The list styles (.list, .list-row) are the attention lists': this screen's chunk needs them.
import '../attention/lists.css'
import '../people/sign-in.css'
import { notificationKeys, useProposals } from './queries'
import { changeLine } from './rules-words'

interface Props {
  me: { id: string; name: string; role: Role }
  people: RulesView['people']
}

export function ProposalsList({ me, people }: Props) {
  const intl = useIntl()
  const proposals = useProposals()
  const [done, setDone] = useState<'approved' | 'rejected' | null>(null)
  if (proposals.error) return <ErrorMessage message={describeError(intl, proposals.error)} />
  if (!proposals.data)
    return (
      <p className="loading">
        <FormattedMessage id="notifications.loading" />
      </p>
    )
  const pending = proposals.data.proposals.filter((p) => p.state === 'pending')
  const decided = proposals.data.proposals.filter((p) => p.state !== 'pending')
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? id
  return (
    <div className="page" data-testid="proposals">
      {done && (
        <p role="status" className="notice" data-testid="decided">
          <FormattedMessage id={`notifications.decide.${done}`} />
        </p>
      )}
      {!can(me.role, 'notifications.approve') && pending.length > 0 && (
        <p className="muted">
          <FormattedMessage id="notifications.proposals.onlyOwner" />
        </p>
      )}
      {pending.length === 0 ? (
        <p className="list-page__empty">
          <FormattedMessage id="notifications.proposals.none" />
        </p>
      ) : (
        <ul className="list" aria-label={intl.formatMessage({ id: 'notifications.tab.proposals' })}>
          {pending.map((p) => (
            <ProposalRow key={p.id} proposal={p} me={me} nameOf={nameOf} onDecided={setDone} />
          ))}
        </ul>
      )}
      {decided.length > 0 && (
        <section className="page">
          <h3>
            <FormattedMessage id="notifications.proposals.decided" />
          </h3>
          <ul className="list">
            {decided.map((p) => (
              <ProposalRow key={p.id} proposal={p} me={me} nameOf={nameOf} onDecided={setDone} />
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}

function ProposalRow({
  proposal,
  me,
  nameOf,
  onDecided,
}: {
  proposal: ProposalView
  me: Props['me']
  nameOf(id: string): string
  onDecided(decision: 'approved' | 'rejected'): void
}) {
  const intl = useIntl()
  const time = (iso: string) => intl.formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' })
  const stateWords = intl.formatMessage({
    id: `notifications.proposals.state.${proposal.state}`,
  })
  return (
    <li className="list-row" data-testid="proposal" data-state={proposal.state}>
      <div className="list-row__body">
        <p className="list-row__op">
          <FormattedMessage
            id="notifications.proposals.by"
            values={{ name: proposal.proposedBy.name, time: time(proposal.createdAt) }}
          />
        </p>
        {proposal.reason && (
          <p>
            <FormattedMessage
              id="notifications.proposals.reason"
              values={{ reason: proposal.reason }}
            />
          </p>
        )}
        <ul className="proposal-changes" data-testid="proposal-changes">
          {proposal.changes.map((change) => (
            <li key={change.path}>{changeLine(intl, change, nameOf)}</li>
          ))}
        </ul>
        <p className="list-row__meta">
          {proposal.state === 'pending' || !proposal.decidedBy || !proposal.decidedAt
            ? stateWords
            : intl.formatMessage(
                { id: 'notifications.proposals.decidedBy' },
                {
                  state: stateWords,
                  name: proposal.decidedBy.name,
                  time: time(proposal.decidedAt),
                },
              )}
        </p>
      </div>
      {proposal.state === 'pending' && can(me.role, 'notifications.approve') && (
        <div className="list-row__actions">
          <Decide proposal={proposal} me={me} decision="approve" onDecided={onDecided} />
          <Decide proposal={proposal} me={me} decision="reject" onDecided={onDecided} />
        </div>
      )}
    </li>
  )
}

function Decide({
  proposal,
  me,
  decision,
  onDecided,
}: {
  proposal: ProposalView
  me: Props['me']
  decision: 'approve' | 'reject'
  onDecided(decision: 'approved' | 'rejected'): void
}) {
  const api = useApi()
  const intl = useIntl()
  const queryClient = useQueryClient()
  const id = useId()
  const [pin, setPin] = useState('')
  // A new PIN field after each refusal: it takes focus again, empty.
  const [attempt, setAttempt] = useState(0)
  const decide = useMutation({
    mutationFn: () =>
      api.call(decision === 'approve' ? 'approveProposal' : 'rejectProposal', {
        params: { id: proposal.id },
        body: { pin },
      }),
    onSettled: () => {
      setPin('')
      void queryClient.invalidateQueries({ queryKey: notificationKeys.proposals })
      void queryClient.invalidateQueries({ queryKey: notificationKeys.rules })
    },
    onSuccess: () => onDecided(decision === 'approve' ? 'approved' : 'rejected'),
    onError: () => setAttempt((n) => n + 1),
  })
  return (
    <FormDialog
      trigger={intl.formatMessage({ id: `notifications.proposals.${decision}` })}
      triggerClassName={decision === 'approve' ? 'button--primary' : undefined}
      title={intl.formatMessage({
        id:
          decision === 'approve'
            ? 'notifications.decide.approveTitle'
            : 'notifications.decide.rejectTitle',
      })}
      submitLabel={intl.formatMessage({ id: `notifications.proposals.${decision}` })}
      backLabel={intl.formatMessage({ id: 'notifications.decide.cancel' })}
      busy={decide.isPending}
      busyLabel={intl.formatMessage({ id: 'notifications.decide.busy' })}
      canSubmit={pin.length >= 4}
      danger={decision === 'reject'}
      testId={`decide-${decision}`}
      onSubmit={async () => {
        try {
          await decide.mutateAsync()
          return true
        } catch {
          return false
        }
      }}
    >
      <label htmlFor={`${id}-pin`}>
        <FormattedMessage id="notifications.decide.pin" values={{ name: me.name }} />
      </label>
      <PinPad
        key={attempt}
        id={`${id}-pin`}
        value={pin}
        onChange={setPin}
        disabled={decide.isPending}
        describedBy={decide.error ? `${id}-problem` : undefined}
      />
      {decide.error && (
        <p id={`${id}-problem`} className="form-error" role="alert">
          {describeError(intl, decide.error)}
        </p>
      )}
    </FormDialog>
  )
}
