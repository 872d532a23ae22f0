// The cancellation policies tab (owners and admins): per service of this branch, the window in
// hours inside which a cancellation is late, and the text the receptionist reads to the client.
// The relay checks the PIN and keeps the policy with the business, so every desk shows it.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ServicePolicyList } from '../../../../shared/api/cancellation-policy'
import { useApi } from '../../app/api-context'
import { describeError } from '../../app/i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { notificationKeys } from './queries'

type Service = ServicePolicyList['services'][number]

export function CancellationPoliciesView() {
  const api = useApi()
  const intl = useIntl()
  const list = useQuery({
    queryKey: notificationKeys.policies,
    queryFn: ({ signal }) => api.call('cancellationPolicies', {}, signal),
    retry: false,
  })
  const [editing, setEditing] = useState<number | null>(null)
  if (list.error) return <ErrorMessage message={describeError(intl, list.error)} />
  if (!list.data)
    return (
      <p className="loading">
        <FormattedMessage id="policies.loading" />
      </p>
    )
  return (
    <div className="policies" data-testid="cancellation-policies">
      <p>
        <FormattedMessage id="policies.intro" />
      </p>
      {list.data.services.length === 0 ? (
        <p className="muted">
          <FormattedMessage id="policies.noServices" />
        </p>
      ) : (
        <ul className="policy-list">
          {list.data.services.map((service) => (
            <li key={service.eventTypeId} className="policy-card">
              {editing === service.eventTypeId ? (
                <PolicyForm service={service} onDone={() => setEditing(null)} />
              ) : (
                <PolicySummary service={service} onEdit={() => setEditing(service.eventTypeId)} />
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function PolicySummary({ service, onEdit }: { service: Service; onEdit: () => void }) {
  const intl = useIntl()
  return (
    <>
      <h3>{service.title}</h3>
      {service.policy ? (
        <>
          <p data-testid="policy-window">
            <FormattedMessage id="policies.window" values={{ hours: service.policy.windowHours }} />
          </p>
          <blockquote className="policy-card__text">{service.policy.text}</blockquote>
        </>
      ) : (
        <p className="muted">
          <FormattedMessage id="policies.none" />
        </p>
      )}
      <button
        type="button"
        onClick={onEdit}
        // The visible words first (what voice control users say), then which service.
        aria-label={intl.formatMessage(
          { id: 'policies.editFor' },
          {
            action: intl.formatMessage({ id: service.policy ? 'policies.edit' : 'policies.add' }),
            service: service.title,
          },
        )}
      >
        <FormattedMessage id={service.policy ? 'policies.edit' : 'policies.add'} />
      </button>
    </>
  )
}

function PolicyForm({ service, onDone }: { service: Service; onDone: () => void }) {
  const api = useApi()
  const intl = useIntl()
  const queryClient = useQueryClient()
  const id = useId()
  const [hours, setHours] = useState(String(service.policy?.windowHours ?? 24))
  const [text, setText] = useState(service.policy?.text ?? '')
  const [pin, setPin] = useState('')
  const params = { eventTypeId: service.eventTypeId }
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: notificationKeys.policies })
    onDone()
  }
  const save = useMutation({
    mutationFn: () =>
      api.call('setCancellationPolicy', {
        params,
        body: { pin, windowHours: Number(hours), text: text.trim() },
      }),
    onSuccess: done,
  })
  const remove = useMutation({
    mutationFn: () => api.call('removeCancellationPolicy', { params, body: { pin } }),
    onSuccess: done,
  })
  const busy = save.isPending || remove.isPending
  const error = save.error ?? remove.error
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault()
        save.mutate()
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !busy) onDone()
      }}
    >
      <h3 id={`${id}-title`}>{service.title}</h3>
      <div className="field">
        <label htmlFor={`${id}-hours`}>
          <FormattedMessage id="policies.hours" />
        </label>
        <input
          id={`${id}-hours`}
          type="number"
          min={0}
          max={720}
          step={1}
          required
          autoFocus
          value={hours}
          onChange={(event) => setHours(event.target.value)}
          aria-describedby={`${id}-hours-help`}
        />
        <p id={`${id}-hours-help`} className="muted">
          <FormattedMessage id="policies.hours.help" />
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>
          <FormattedMessage id="policies.text" />
        </label>
        <textarea
          id={`${id}-text`}
          required
          maxLength={2000}
          rows={3}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="field">
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
      <div className="policy-card__actions">
        <button type="submit" className="button--primary" disabled={busy}>
          <FormattedMessage id={save.isPending ? 'notifications.save.busy' : 'policies.save'} />
        </button>
        {service.policy && (
          <button
            type="button"
            disabled={busy || !/^[0-9]{4,12}$/.test(pin)}
            onClick={() => remove.mutate()}
          >
            <FormattedMessage id="policies.remove" />
          </button>
        )}
        <button type="button" disabled={busy} onClick={onDone}>
          <FormattedMessage id="policies.cancel" />
        </button>
      </div>
      {error && <ErrorMessage message={describeError(intl, error)} />}
    </form>
  )
}
