// The appointment drawer: who, what, with whom and when, the desk's notes, the history with who
// did what, and the actions valid in its state. Esc or Close goes back to the day.
import { useEffect, useRef, useState } from 'react'
import { Heading } from 'react-aria-components'
import { useIntl } from 'react-intl'
import type { Branch } from '../../../../shared/api/schemas'
import { describeError } from '../../app/i18n/describe-error'
import type { MessageId } from '../../app/i18n/messages'
import { useOutbox } from '../../app/queries'
import { useNow } from '../../app/useNow'
import { paths } from '../../app/routes'
import { Drawer } from '../../ui/Drawer'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { formatCalendarDate, calendarDateInZone, formatTimeRange } from '../../ui/time/zoned-time'
import { zoneWords } from '../../ui/time/zone-city'
import { reasonWords } from '../attention/reason-words'
import { useDayClients } from '../clients/queries'
import { cardMarks } from '../day/card-marks'
import { realEmail } from '../../ui/client-email'
import { availableActions, type DrawerAction } from './appointment-actions'
import { historyWords } from './history-words'
import { ReasonDialog } from './ReasonDialog'
import { MovedNotice } from './MovedNotice'
import { RescheduleDialog, type WantedTime } from './RescheduleDialog'
import { useAppointment, useAppointmentAction, useStaffList, type ActionRequest } from './queries'

interface Props {
  uid: string
  branch: Branch
  onClose(): void
  /** Its card was dragged to this time of the day shown: the reschedule dialog opens at it. */
  moveTo?: WantedTime | null
  /** The reschedule dialog opened for `moveTo` was closed. */
  onMoveSeen?(): void
}

/** Actions that happen on one press; the others open a dialog first. */
const ONE_PRESS: Partial<Record<DrawerAction, { request: ActionRequest; words: MessageId }>> = {
  'check-in': { request: { kind: 'visit', state: 'ARRIVED' }, words: 'appointment.action.checkIn' },
  'start-service': {
    request: { kind: 'visit', state: 'IN_SERVICE' },
    words: 'appointment.action.startService',
  },
  finish: { request: { kind: 'visit', state: 'DONE' }, words: 'appointment.action.finish' },
  confirm: { request: { kind: 'confirm' }, words: 'appointment.action.confirm' },
  'no-show': { request: { kind: 'no-show', absent: true }, words: 'appointment.action.noShow' },
  'undo-no-show': {
    request: { kind: 'no-show', absent: false },
    words: 'appointment.action.undoNoShow',
  },
}

export function AppointmentDrawer({ uid, branch, onClose, moveTo = null, onMoveSeen }: Props) {
  const intl = useIntl()
  const detail = useAppointment(uid)
  const staff = useStaffList()
  const action = useAppointmentAction(uid)
  const outbox = useOutbox()
  // No-show is offered from the start time on; the minute's clock is close enough.
  const now = useNow()
  const [problem, setProblem] = useState<string | null>(null)
  const zone = branch.timeZone
  const zoneName = zoneWords(zone, intl.locale)
  const a = detail.data?.appointment
  // The client of this booking and their alerts, from the day's list the grid already holds.
  const dayClients = useDayClients(a ? calendarDateInZone(new Date(a.start), zone) : null)
  const client = a && dayClients.data?.appointments.find((c) => c.uid === a.uid)
  const t = (id: MessageId, values?: Record<string, string | number>) =>
    intl.formatMessage({ id }, values)

  const run = async (request: ActionRequest) => {
    setProblem(null)
    return action.mutateAsync(request)
  }
  // After a one-press action its button is gone: focus the next action, so a visit can be
  // walked with Enter alone (check in, start service, done).
  const actionsRef = useRef<HTMLDivElement>(null)
  const focusNextAction = useRef(false)
  // A dialog's action (cancel, decline) removes the button that opened its dialog, so react-aria
  // has nowhere to return focus: it falls to the page, where Esc no longer closes the drawer.
  const refocusIfLost = useRef(false)
  useEffect(() => {
    if (refocusIfLost.current && !action.isPending) {
      const at = document.activeElement
      // Still in the dialog, which closes after the answer: a later render looks again.
      if (at?.closest('.dialog-overlay')) return
      refocusIfLost.current = false
      if (!at || at === document.body || !at.isConnected) focusNextAction.current = true
    }
    if (!focusNextAction.current || action.isPending) return
    focusNextAction.current = false
    // With no action left (done), the drawer itself keeps focus, so Esc still closes it.
    const next =
      actionsRef.current?.querySelector('button') ??
      actionsRef.current?.closest<HTMLElement>('[role="dialog"]')
    next?.focus()
  })
  const runFromDialog = async (request: ActionRequest) => {
    const result = await run(request)
    refocusIfLost.current = true
    return result
  }
  const press = (request: ActionRequest) => {
    run(request).then(
      () => (focusNextAction.current = true),
      (e: unknown) => setProblem(describeError(intl, e)),
    )
  }

  const staffName =
    a?.staffId == null
      ? t('day.unassigned')
      : (staff.data?.find((s) => s.id === a.staffId)?.name ??
        t('day.staffNumber', { id: a.staffId }))

  return (
    <Drawer
      label={a?.attendee.name ?? t('appointment.loading')}
      onClose={onClose}
      testId="appointment-drawer"
    >
      <div className="drawer__head">
        <Heading slot="title" className="drawer__title">
          {a?.attendee.name ?? t('appointment.loading')}
        </Heading>
        <button type="button" className="drawer__close" onClick={onClose}>
          <span aria-hidden="true">✕ </span>
          {t('appointment.close')}
        </button>
      </div>
      {detail.error && (
        <ErrorMessage
          message={
            (detail.error as { code?: string }).code === 'NOT_FOUND'
              ? t('appointment.notFound')
              : describeError(intl, detail.error)
          }
        />
      )}
      {a && (
        <div
          className="drawer__content"
          data-uid={a.uid}
          data-status={a.status}
          data-visit={a.visitState}
        >
          <ul className="tags drawer__marks" aria-label={t('day.card.state')}>
            <li
              className={`tag tag--status tag--${a.status.toLowerCase()}`}
              data-testid="drawer-status"
            >
              {t(`status.${a.status}`)}
            </li>
            {cardMarks(a)
              .filter((m) => m.kind !== 'status')
              .map((m) => (
                <li
                  key={m.kind}
                  className={`tag tag--${m.kind} tag--${m.value.toLowerCase()}`}
                  data-testid={m.kind === 'sync' ? 'drawer-sync' : `drawer-${m.kind}`}
                >
                  <span aria-hidden="true">{m.icon} </span>
                  {t(m.words)}
                </li>
              ))}
          </ul>
          {client && client.alerts.length > 0 && (
            <ul
              className="drawer__alerts"
              aria-label={t('clients.alerts')}
              data-testid="drawer-alerts"
            >
              {client.alerts.map((alert) => (
                <li key={alert} className="tag tag--alert">
                  <span aria-hidden="true">⚠ </span>
                  {t('clients.alert', { alert })}
                </li>
              ))}
            </ul>
          )}
          <MovedNotice appointment={a} timeZone={zone} />
          {a.syncState === 'pending' && <p className="notice">{t('appointment.waitingToSync')}</p>}
          {a.syncState === 'needs_attention' && (
            <RefusedNotice
              reason={
                outbox.data?.find((e) => e.bookingUid === a.uid && e.state === 'needs_attention')
                  ?.reason ?? null
              }
            />
          )}
          <dl className="details">
            {client?.clientId != null && (
              <>
                <dt>{t('clients.client')}</dt>
                <dd>
                  <a
                    href={`#${paths.client(client.clientId)}`}
                    data-testid="drawer-client-link"
                    aria-label={t('clients.openCard', { name: a.attendee.name })}
                  >
                    {a.attendee.name}
                  </a>
                </dd>
              </>
            )}
            <dt>{t('appointment.time')}</dt>
            <dd data-testid="drawer-time">
              {formatCalendarDate(calendarDateInZone(new Date(a.start), zone), intl.locale)},{' '}
              {formatTimeRange(a.start, a.end, zone, intl.locale)}{' '}
              <span className="muted" title={zone}>
                ({t(zoneName.id, zoneName.values)})
              </span>
            </dd>
            <dt>{t('appointment.service')}</dt>
            <dd>{a.eventType?.title ?? a.title}</dd>
            <dt>{t('appointment.staff')}</dt>
            <dd>{staffName}</dd>
            <dt>{t('appointment.phone')}</dt>
            <dd>
              {a.attendee.phone ? (
                <a href={`tel:${a.attendee.phone}`}>{a.attendee.phone}</a>
              ) : (
                t('appointment.none')
              )}
            </dd>
            <dt>{t('appointment.email')}</dt>
            <dd>{realEmail(a.attendee.email) ?? t('appointment.none')}</dd>
            <dt>{t('appointment.notes')}</dt>
            <dd className="details__notes">{a.deskNotes || t('appointment.noNotes')}</dd>
            {a.cancellationReason && (
              <>
                <dt>{t('appointment.reason')}</dt>
                <dd>{a.cancellationReason}</dd>
              </>
            )}
          </dl>

          <section aria-labelledby="drawer-actions" className="drawer__actions">
            <h3 id="drawer-actions">{t('appointment.actions')}</h3>
            {availableActions(a, now).length === 0 && (
              // Without it the heading stands over nothing, as if the buttons failed to load.
              <p className="muted" data-testid="drawer-no-actions">
                {t('appointment.noActions')}
              </p>
            )}
            <div className="drawer__buttons" ref={actionsRef}>
              {availableActions(a, now).map((kind) => {
                const one = ONE_PRESS[kind]
                if (one) {
                  return (
                    <button
                      key={kind}
                      type="button"
                      className={kind === 'no-show' ? undefined : 'button--primary'}
                      disabled={action.isPending}
                      onClick={() => press(one.request)}
                    >
                      {t(one.words)}
                    </button>
                  )
                }
                if (kind === 'reschedule') {
                  return (
                    <RescheduleDialog
                      key={kind}
                      appointment={a}
                      timeZone={zone}
                      run={runFromDialog}
                      busy={action.isPending}
                      wanted={moveTo}
                      onWantedSeen={onMoveSeen}
                    />
                  )
                }
                return (
                  <ReasonDialog
                    key={kind}
                    kind={kind === 'cancel' ? 'cancel' : 'decline'}
                    client={a.attendee.name}
                    run={runFromDialog}
                    busy={action.isPending}
                    policy={detail.data!.cancellationPolicy ?? null}
                    startsAt={a.start}
                  />
                )
              })}
            </div>
            {problem && (
              <p className="form-error" role="alert">
                {problem}
              </p>
            )}
          </section>

          <section aria-labelledby="drawer-history" className="drawer__history">
            <h3 id="drawer-history">{t('appointment.history')}</h3>
            {detail.data!.history.length === 0 ? (
              <p className="muted">{t('appointment.historyEmpty')}</p>
            ) : (
              <ol className="history" data-testid="history">
                {[...detail.data!.history].reverse().map((entry, i) => {
                  const words = historyWords(entry)
                  return (
                    <li key={i}>
                      <time dateTime={entry.at} className="history__at">
                        {intl.formatDate(entry.at, {
                          timeZone: zone,
                          day: 'numeric',
                          month: 'short',
                          hour: '2-digit',
                          minute: '2-digit',
                          hourCycle: 'h23',
                        })}
                      </time>{' '}
                      <span className="history__who">
                        {/* Who did it at a desk, when someone was signed in. */}
                        {entry.by?.name ?? t(`history.source.${entry.source}`)}
                      </span>{' '}
                      <span className="history__what">
                        {words.map((w) => t(w.id, w.values)).join(', ')}
                      </span>
                    </li>
                  )
                })}
              </ol>
            )}
          </section>
        </div>
      )}
    </Drawer>
  )
}

/** Why Cal.com refused the last change, in plain words, and where to send or discard it. */
function RefusedNotice({ reason }: { reason: Parameters<typeof reasonWords>[0] }) {
  const intl = useIntl()
  const why = reasonWords(reason)
  return (
    <div className="notice notice--danger" data-testid="drawer-refused">
      <p>
        <span aria-hidden="true">⚠ </span>
        {intl.formatMessage({ id: 'appointment.needsAttention' })}
      </p>
      {reason && <p>{intl.formatMessage({ id: why.id }, why.values)}</p>}
      <a href={`#${paths.attention}`}>{intl.formatMessage({ id: 'appointment.toAttention' })}</a>
    </div>
  )
}
