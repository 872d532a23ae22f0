// Changes Cal.com refused, each with its reason in plain words: send again, or discard after a
// confirmation (discarding never sends it and undoes it at the desk). Either way the row leaves
// the list and a line says what was done (leaving-row.ts).
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Button, Heading } from 'react-aria-components'
import { FormattedMessage, useIntl } from 'react-intl'
import type { Branch, OutboxEntry } from '../../../../shared/api/schemas'
import { useApi } from '../../app/api-context'
import { describeError } from '../../app/i18n/describe-error'
import { useOutbox } from '../../app/queries'
import { DialogFrame } from '../../ui/DialogFrame'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { useStaff } from '../booking/queries'
import { AppointmentSummary } from './AppointmentSummary'
import { DoneLine } from './DoneLine'
import { useLeavingRow } from './leaving-row'
import { useAppointment } from './queries'
import { opWords, reasonWords } from './reason-words'
import './lists.css'
import { useCan } from '../people/session-queries'

export function AttentionPage({ branch }: { branch: Branch }) {
  const intl = useIntl()
  const outbox = useOutbox()
  const staff = useStaff()
  const refused = outbox.data?.filter((e) => e.state === 'needs_attention')
  const { done, listRef, doneRef, onDone } = useLeavingRow(refused?.map((e) => String(e.id)))
  return (
    <section className="page list-page" data-testid="attention-page">
      <h2>
        <FormattedMessage id="attention.title" />
      </h2>
      <DoneLine text={done} lineRef={doneRef} testId="attention-done" />
      {outbox.error && <ErrorMessage message={describeError(intl, outbox.error)} />}
      {refused?.length === 0 && (
        <p className="list-page__empty">
          <FormattedMessage id="attention.empty" />
        </p>
      )}
      {refused && refused.length > 0 && (
        <>
          <p>
            <FormattedMessage id="attention.intro" />
          </p>
          <ul
            className="list"
            aria-label={intl.formatMessage({ id: 'attention.title' })}
            ref={listRef}
          >
            {refused.map((entry) => (
              <AttentionRow
                key={entry.id}
                entry={entry}
                branch={branch}
                staff={staff.data}
                onDone={onDone}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  )
}

function AttentionRow({
  entry,
  branch,
  staff,
  onDone,
}: {
  entry: OutboxEntry
  branch: Branch
  staff: ReturnType<typeof useStaff>['data']
  /** What was done, in words, once Send again or Discard went through. */
  onDone(key: string, message: string): void
}) {
  const api = useApi()
  const intl = useIntl()
  const detail = useAppointment(entry.bookingUid)
  const [asking, setAsking] = useState(false)
  const mayDiscard = useCan('attention.discard')
  const params = { id: entry.id }
  const op = opWords(entry.op)
  const reason = reasonWords(entry.reason)
  const what = intl.formatMessage({ id: op.id }, op.values)
  const name = detail.data?.appointment.attendee.name
  const label = name ? `${what}: ${name}` : what
  const retry = useMutation({
    mutationFn: () => api.call('outboxRetry', { params, body: {} }),
    onSuccess: () =>
      onDone(String(entry.id), intl.formatMessage({ id: 'attention.retried' }, { what: label })),
  })
  const discard = useMutation({
    mutationFn: () => api.call('outboxDiscard', { params, body: { confirm: true } }),
    onSuccess: () => {
      setAsking(false)
      onDone(String(entry.id), intl.formatMessage({ id: 'attention.discarded' }, { what: label }))
    },
  })
  return (
    <li className="list-row" data-testid="attention-row" data-outbox-id={entry.id}>
      <div className="list-row__body">
        <p className="list-row__op">
          <span aria-hidden="true">⚠ </span>
          {what}
        </p>
        {detail.data && (
          <AppointmentSummary
            appointment={detail.data.appointment}
            timeZone={branch.timeZone}
            staff={staff}
          />
        )}
        <p className="list-row__reason" data-testid="attention-reason">
          {intl.formatMessage({ id: reason.id }, reason.values)}
        </p>
        <p className="list-row__meta">
          <FormattedMessage id="attention.tries" values={{ count: entry.attempts }} />
        </p>
      </div>
      <div className="list-row__actions">
        <Button
          className="button--primary"
          isDisabled={retry.isPending || discard.isPending}
          onPress={() => retry.mutate()}
          aria-label={`${intl.formatMessage({ id: 'attention.retry' })}: ${label}`}
        >
          {intl.formatMessage({ id: 'attention.retry' })}
        </Button>
        {mayDiscard && (
          <Button
            isDisabled={retry.isPending || discard.isPending}
            onPress={() => setAsking(true)}
            aria-label={`${intl.formatMessage({ id: 'attention.discard' })}: ${label}`}
          >
            {intl.formatMessage({ id: 'attention.discard' })}
          </Button>
        )}
      </div>
      {retry.error && <ErrorMessage message={describeError(intl, retry.error)} />}
      <DialogFrame
        isOpen={asking}
        onOpenChange={setAsking}
        role="alertdialog"
        testId="discard-dialog"
      >
        {({ close }) => (
          <>
            <Heading slot="title">{intl.formatMessage({ id: 'attention.discardTitle' })}</Heading>
            <p>{label}</p>
            <p>{intl.formatMessage({ id: 'attention.discardBody' })}</p>
            {discard.error && <ErrorMessage message={describeError(intl, discard.error)} />}
            <div className="dialog-frame__actions">
              <Button
                className="button--danger"
                isDisabled={discard.isPending}
                onPress={() => discard.mutate()}
              >
                {intl.formatMessage({ id: 'attention.discardConfirm' })}
              </Button>
              <Button autoFocus onPress={close}>
                {intl.formatMessage({ id: 'attention.discardKeep' })}
              </Button>
            </div>
          </>
        )}
      </DialogFrame>
    </li>
  )
}
