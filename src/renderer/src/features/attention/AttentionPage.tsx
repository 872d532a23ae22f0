// Changes Cal.com refused, each with its reason in plain words: send again, or discard after a
// confirmation (discarding never sends it and undoes it at the desk). When the reason is that the
// time is gone (taken meanwhile, or past), sending it again as it is can only fail: the main
// action is then "Choose another time", the drawer's slot picker, and the change is sent again for
// the time picked (attention-actions.ts). Each way the row leaves the list and a line says what
// was done (leaving-row.ts). Each row's booking is a link to its drawer (AppointmentSummary).
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
import { calendarDateInZone, formatCalendarDate } from '../../ui/time/zoned-time'
import { RescheduleDialog } from '../appointment/RescheduleDialog'
import { useStaff } from '../booking/queries'
import { attentionActions, mayPickTime } from './attention-actions'
import { AppointmentSummary } from './AppointmentSummary'
import { DoneLine } from './DoneLine'
import { useLeavingRow } from './leaving-row'
import { useAnotherTime, useAppointment } from './queries'
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
  /** What was done, in words, once Send again, another time or Discard went through. */
  onDone(key: string, message: string): void
}) {
  const api = useApi()
  const intl = useIntl()
  const detail = useAppointment(entry.bookingUid)
  const [asking, setAsking] = useState(false)
  const mayDiscard = useCan('attention.discard')
  const mayMove = useCan('appointment.reschedule')
  const params = { id: entry.id }
  const op = opWords(entry.op)
  const reason = reasonWords(entry.reason)
  const what = intl.formatMessage({ id: op.id }, op.values)
  const appointment = detail.data?.appointment
  const name = appointment?.attendee.name
  const label = name ? `${what}: ${name}` : what
  const zone = branch.timeZone
  // "Choose another time" when the desk says the change can take one; its free times need the
  // booking's service, known once the booking is loaded.
  const actions = attentionActions(entry, mayPickTime(mayMove, appointment))
  const anotherTime = useAnotherTime(entry.id)
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
  const busy = retry.isPending || discard.isPending || anotherTime.isPending
  const t = (id: 'attention.retry' | 'attention.anotherTime') => intl.formatMessage({ id })
  const sendAt = async (start: string) => {
    const result = await anotherTime.mutateAsync(start)
    const day = formatCalendarDate(calendarDateInZone(new Date(start), zone), intl.locale)
    const time = intl.formatTime(start, {
      timeZone: zone,
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    onDone(
      String(entry.id),
      intl.formatMessage(
        { id: 'attention.anotherTimeSent' },
        { what: label, when: `${day}, ${time}` },
      ),
    )
    return result
  }
  return (
    <li className="list-row" data-testid="attention-row" data-outbox-id={entry.id}>
      <div className="list-row__body">
        <p className="list-row__op">
          <span aria-hidden="true">⚠ </span>
          {what}
        </p>
        {appointment && (
          <AppointmentSummary appointment={appointment} timeZone={zone} staff={staff} />
        )}
        <p className="list-row__reason" data-testid="attention-reason">
          {intl.formatMessage({ id: reason.id }, reason.values)}
        </p>
        <p className="list-row__meta">
          <FormattedMessage id="attention.tries" values={{ count: entry.attempts }} />
        </p>
      </div>
      <div className="list-row__actions">
        {actions.map((action, i) => {
          const main = i === 0 ? 'button--primary' : undefined
          if (action === 'retry') {
            return (
              <Button
                key={action}
                className={main}
                isDisabled={busy}
                onPress={() => retry.mutate()}
                aria-label={`${t('attention.retry')}: ${label}`}
              >
                {t('attention.retry')}
              </Button>
            )
          }
          return (
            appointment && (
              <RescheduleDialog
                key={action}
                appointment={appointment}
                timeZone={zone}
                run={(request) =>
                  request.kind === 'reschedule' ? sendAt(request.start) : Promise.resolve()
                }
                busy={anotherTime.isPending}
                triggerClassName={main}
                words={{
                  trigger: t('attention.anotherTime'),
                  triggerLabel: `${t('attention.anotherTime')}: ${label}`,
                  title: intl.formatMessage(
                    { id: 'attention.anotherTimeTitle' },
                    { client: appointment.attendee.name },
                  ),
                  submit: (time) =>
                    intl.formatMessage(
                      { id: 'attention.anotherTimeSubmit' },
                      { op: entry.op === 'create' ? 'create' : 'other', time },
                    ),
                }}
              />
            )
          )
        })}
        {mayDiscard && (
          <Button
            isDisabled={busy}
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
