// Reschedule through the slot picker: a day, then one of that day's free times for the same
// service and staff member (marked when Cal.com could not be asked and the times are old).
// A card dragged on the grid opens it at the time it was dropped on: chosen when that time is
// free, and said plainly when it is not. Needs attention opens the same picker, in its own words,
// to send a booking Cal.com refused for its time again for another one.
import { useEffect, useState } from 'react'
import { Label, Radio, RadioGroup } from 'react-aria-components'
import { useIntl } from 'react-intl'
import type { Appointment } from '../../../../shared/api/schemas'
import { describeError } from '../../app/i18n/describe-error'
import { FormDialog } from '../../ui/FormDialog'
import { wallClock } from '../day/grid-layout'
import { minuteOfDay } from '../../ui/time/wall-clock'
import { addDays, calendarDateInZone, isCalendarDate } from '../../ui/time/zoned-time'
// The same free times the new booking's picker reads (and re-asks while they are stale).
import { useSlots } from '../booking/queries'
import type { ActionRequest } from './queries'

/** A time on a day's wall clock in the branch zone: where a dragged card was dropped. */
export interface WantedTime {
  date: string
  /** Minutes after midnight. */
  minute: number
}

interface Props {
  appointment: Appointment
  timeZone: string
  run(request: ActionRequest): Promise<unknown>
  busy: boolean
  /** Opens the dialog at once on this time (chosen when it is free). */
  wanted?: WantedTime | null
  /** The dialog opened for `wanted` was closed, moved or not. */
  onWantedSeen?(): void
  /** Its words when it is not the drawer's Reschedule ("Choose another time" in a list). */
  words?: {
    trigger: string
    /** The opener's accessible name when its text alone does not say which booking. */
    triggerLabel?: string
    title: string
    submit(time: string): string
  }
  triggerClassName?: string
}

export function RescheduleDialog({
  appointment,
  timeZone,
  run,
  busy,
  wanted = null,
  onWantedSeen,
  words,
  triggerClassName,
}: Props) {
  const intl = useIntl()
  const [date, setDate] = useState(
    () => wanted?.date ?? calendarDateInZone(new Date(appointment.start), timeZone),
  )
  const [picked, setPicked] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const slots = useSlots(date, appointment.eventType?.id ?? null, appointment.staffId)
  const time = (iso: string) =>
    intl.formatTime(iso, { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
  const free = (slots.data?.slots ?? []).filter((s) => s !== appointment.start)
  const wantedHere = wanted && wanted.date === date ? wanted : null
  const wantedSlot = wantedHere
    ? free.find((slot) => minuteOfDay(slot, timeZone) === wantedHere.minute)
    : undefined
  const start = picked ?? wantedSlot ?? null
  const wantedNotFree = wantedHere !== null && slots.data !== undefined && wantedSlot === undefined
  const [open, setOpen] = useState(false)
  // A dropped card opens its drawer and this dialog together. The drawer focuses itself as it
  // opens, after its children: opened in the same moment, this dialog would lose the focus (and
  // Esc would reach the drawer behind it). So it opens at the next frame, over a settled drawer.
  const opensForDrop = wanted !== null
  useEffect(() => {
    if (!opensForDrop) return
    const frame = requestAnimationFrame(() => setOpen(true))
    return () => cancelAnimationFrame(frame)
  }, [opensForDrop])
  return (
    <FormDialog
      isOpen={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next && wanted) onWantedSeen?.()
      }}
      testId="reschedule-dialog"
      trigger={words?.trigger ?? intl.formatMessage({ id: 'appointment.action.reschedule' })}
      triggerLabel={words?.triggerLabel}
      triggerClassName={triggerClassName}
      title={
        words?.title ??
        intl.formatMessage(
          { id: 'appointment.reschedule.title' },
          { client: appointment.attendee.name },
        )
      }
      submitLabel={
        start
          ? (words?.submit(time(start)) ??
            intl.formatMessage({ id: 'appointment.reschedule.submit' }, { time: time(start) }))
          : intl.formatMessage({ id: 'appointment.reschedule.pick' })
      }
      backLabel={intl.formatMessage({ id: 'appointment.dialog.back' })}
      busyLabel={intl.formatMessage({ id: 'appointment.dialog.busy' })}
      busy={busy}
      canSubmit={start !== null}
      onSubmit={async () => {
        if (!start) return false
        setError(null)
        try {
          await run({ kind: 'reschedule', start })
          return true
        } catch (e) {
          setError(describeError(intl, e))
          return false
        }
      }}
    >
      <div className="field">
        <label htmlFor="reschedule-date">
          {intl.formatMessage({ id: 'appointment.reschedule.date' })}
        </label>
        <div className="field__row">
          <input
            id="reschedule-date"
            type="date"
            value={date}
            autoFocus
            onChange={(event) => {
              if (!isCalendarDate(event.target.value)) return
              setDate(event.target.value)
              setPicked(null)
            }}
          />
          <button
            type="button"
            onClick={() => {
              setDate(addDays(date, -1))
              setPicked(null)
            }}
          >
            <span aria-hidden="true">‹ </span>
            {intl.formatMessage({ id: 'day.nav.previousDay' })}
          </button>
          <button
            type="button"
            onClick={() => {
              setDate(addDays(date, 1))
              setPicked(null)
            }}
          >
            {intl.formatMessage({ id: 'day.nav.nextDay' })}
            <span aria-hidden="true"> ›</span>
          </button>
        </div>
      </div>
      {slots.data?.stale && (
        <p className="notice" role="status">
          {intl.formatMessage(
            { id: 'appointment.reschedule.stale' },
            { age: Math.round(slots.data.ageSeconds / 60) },
          )}
        </p>
      )}
      {wantedNotFree && (
        <p className="notice" role="status" data-testid="wanted-not-free">
          {intl.formatMessage(
            { id: 'appointment.reschedule.notFree' },
            { time: wallClock(wantedHere.minute) },
          )}
        </p>
      )}
      {slots.isPending && appointment.eventType ? (
        <p className="loading">{intl.formatMessage({ id: 'appointment.reschedule.loading' })}</p>
      ) : slots.error ? (
        <p className="form-error" role="alert">
          {describeError(intl, slots.error)}
        </p>
      ) : free.length === 0 ? (
        <p className="loading">{intl.formatMessage({ id: 'appointment.reschedule.noSlots' })}</p>
      ) : (
        <RadioGroup
          className="slot-picker"
          value={start}
          onChange={setPicked}
          data-testid="slot-picker"
        >
          <Label className="slot-picker__label">
            {intl.formatMessage({ id: 'appointment.reschedule.slots' })}
          </Label>
          <div className="slot-picker__slots">
            {free.map((slot) => (
              <Radio key={slot} value={slot} className="slot">
                {time(slot)}
              </Radio>
            ))}
          </div>
        </RadioGroup>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </FormDialog>
  )
}
