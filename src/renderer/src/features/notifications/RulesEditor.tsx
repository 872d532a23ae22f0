// The rules tab: every kind's rule with its preview, quiet hours, and saving with the PIN — an
// owner's change applies at once, an admin's goes to the owner as a proposal with a reason.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { RulesView } from '../../../../shared/api/notifications'
import { NOTIFICATION_KINDS } from '../../../../shared/notifications/kinds'
import type { NotificationRules } from '../../../../shared/notifications/rules'
import { can, type Role } from '../../../../shared/people/roles'
import { useApi } from '../../app/api-context'
import { ApiRequestError } from '../../app/api-client'
import { describeError } from '../../app/i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { KindRuleCard } from './KindRuleCard'
import { notificationKeys } from './queries'

interface Props {
  view: RulesView
  myRole: Role
}

export function RulesEditor({ view, myRole }: Props) {
  const api = useApi()
  const intl = useIntl()
  const queryClient = useQueryClient()
  const id = useId()
  const [draft, setDraft] = useState<NotificationRules>(view.rules)
  const [base, setBase] = useState(view.version)
  const [pin, setPin] = useState('')
  const [reason, setReason] = useState('')
  const [outcome, setOutcome] = useState<'applied' | 'proposed' | null>(null)
  const owner = can(myRole, 'notifications.approve')

  // A newer version from the relay (after saving, or someone else's change) replaces the draft
  // (React's "adjust state when a prop changes", done while rendering).
  if (view.version !== base) {
    setBase(view.version)
    setDraft(view.rules)
  }

  const changed = JSON.stringify(draft) !== JSON.stringify(view.rules)
  const branches = view.branches.map((branchId, i) => ({
    id: branchId,
    name:
      draft.branchNames[branchId] ??
      intl.formatMessage(
        { id: i === 0 ? 'notifications.rule.branch.this' : 'notifications.rule.branch.other' },
        { n: i + 1 },
      ),
  }))
  const save = useMutation({
    mutationFn: () =>
      api.call('putNotificationRules', {
        body: { pin, baseVersion: base, rules: draft, ...(reason ? { reason } : {}) },
      }),
    onSuccess: (result) => {
      setPin('')
      setReason('')
      setOutcome(result.applied ? 'applied' : 'proposed')
      if (!result.applied) setDraft(view.rules)
      void queryClient.invalidateQueries({ queryKey: notificationKeys.rules })
      void queryClient.invalidateQueries({ queryKey: notificationKeys.proposals })
    },
    onError: (error) => {
      setOutcome(null)
      // Someone else changed them: read them again (the draft follows the new version).
      if (error instanceof ApiRequestError && error.code === 'RULES_CHANGED')
        void queryClient.invalidateQueries({ queryKey: notificationKeys.rules })
    },
  })
  const edit = (next: NotificationRules) => {
    setDraft(next)
    setOutcome(null)
  }

  return (
    <form
      className="page notifications-rules"
      onSubmit={(event) => {
        event.preventDefault()
        save.mutate()
      }}
    >
      <p>
        <FormattedMessage id={owner ? 'notifications.intro.owner' : 'notifications.intro.admin'} />
      </p>
      {!view.emailEnabled && (
        <p className="notice" role="note" data-testid="email-off">
          <FormattedMessage id="notifications.emailOff" />
        </p>
      )}
      {view.newerKinds.length > 0 && (
        <p className="notice" role="note" data-testid="newer-kinds">
          <FormattedMessage
            id="notifications.newerKinds"
            values={{ count: view.newerKinds.length }}
          />
        </p>
      )}
      <ul className="rule-cards">
        {NOTIFICATION_KINDS.map((kind) => (
          <KindRuleCard
            key={kind}
            kind={kind}
            rule={draft.kinds[kind]}
            people={view.people}
            branches={branches}
            emailEnabled={view.emailEnabled}
            quietHoursOn={draft.quietHours !== null}
            disabled={save.isPending}
            onChange={(rule) => edit({ ...draft, kinds: { ...draft.kinds, [kind]: rule } })}
          />
        ))}
      </ul>
      <fieldset className="quiet-hours">
        <legend>
          <FormattedMessage id="notifications.quiet.title" />
        </legend>
        <label className="rule-card__check">
          <input
            type="checkbox"
            checked={draft.quietHours !== null}
            onChange={(event) =>
              edit({
                ...draft,
                quietHours: event.target.checked
                  ? (view.rules.quietHours ?? { start: '21:00', end: '08:00' })
                  : null,
              })
            }
          />
          <FormattedMessage id="notifications.quiet.on" />
        </label>
        {draft.quietHours && (
          <div className="quiet-hours__times">
            {(['start', 'end'] as const).map((edge) => (
              <div className="field" key={edge}>
                <label htmlFor={`${id}-${edge}`}>
                  <FormattedMessage id={`notifications.quiet.${edge}`} />
                </label>
                <input
                  id={`${id}-${edge}`}
                  type="time"
                  required
                  value={draft.quietHours![edge]}
                  onChange={(event) =>
                    event.target.value &&
                    edit({
                      ...draft,
                      quietHours: { ...draft.quietHours!, [edge]: event.target.value },
                    })
                  }
                />
              </div>
            ))}
          </div>
        )}
        <p className="muted">
          <FormattedMessage id="notifications.quiet.help" />
        </p>
      </fieldset>
      <div className="save-bar" data-testid="save-bar">
        {!owner && (
          <div className="field">
            <label htmlFor={`${id}-reason`}>
              <FormattedMessage id="notifications.save.reason" />
            </label>
            <input
              id={`${id}-reason`}
              maxLength={500}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
        )}
        <div className="field save-bar__pin">
          <label htmlFor={`${id}-pin`}>
            <FormattedMessage id="notifications.save.pin" />
          </label>
          <input
            id={`${id}-pin`}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            required
            pattern="[0-9]{4,12}"
            value={pin}
            onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 12))}
          />
        </div>
        <button type="submit" className="button--primary" disabled={save.isPending || !changed}>
          <FormattedMessage
            id={
              save.isPending
                ? 'notifications.save.busy'
                : owner
                  ? 'notifications.save.owner'
                  : 'notifications.save.admin'
            }
          />
        </button>
        <p role="status" className="save-bar__status" data-testid="save-status">
          {outcome === 'applied' && <FormattedMessage id="notifications.save.applied" />}
          {outcome === 'proposed' && <FormattedMessage id="notifications.save.proposed" />}
          {!outcome && !changed && <FormattedMessage id="notifications.save.noChange" />}
        </p>
      </div>
      {save.error && <ErrorMessage message={describeError(intl, save.error)} />}
    </form>
  )
}
