// A day's free times as a group of radio buttons (arrow keys move between them), with the
// offline warning when the times are Cal.com's last answer rather than a fresh one.
import { Label, Radio, RadioGroup } from 'react-aria-components'
import { FormattedMessage, useIntl } from 'react-intl'
import type { DaySlots } from '../../../../shared/api/schemas'
import { formatTime } from './format-time'
import { slotFreshness, upcomingSlots } from './slot-choice'

interface Props {
  answer: DaySlots | undefined
  loading: boolean
  /** The times could not be read: the error says so, not "no free time". */
  failed?: boolean
  now: Date
  timeZone: string
  value: string | null
  onChange(slot: string): void
}

export function SlotPicker({
  answer,
  loading,
  failed = false,
  now,
  timeZone,
  value,
  onChange,
}: Props) {
  const intl = useIntl()
  const slots = answer ? upcomingSlots(answer.slots, now) : []
  return (
    <div className="booking__slots">
      {answer && <StaleNotice answer={answer} />}
      {loading && !answer ? (
        <p className="booking__hint">{intl.formatMessage({ id: 'booking.slotsLoading' })}</p>
      ) : failed && !answer ? null : slots.length === 0 ? (
        <p className="booking__hint" data-testid="no-slots">
          {intl.formatMessage({ id: 'booking.noSlots' })}
        </p>
      ) : (
        <RadioGroup
          className="booking__slot-group"
          value={value}
          onChange={onChange}
          orientation="horizontal"
          data-testid="slot-picker"
        >
          <Label>{intl.formatMessage({ id: 'booking.slots' })}</Label>
          <div className="booking__slot-list">
            {slots.map((slot) => (
              <Radio key={slot} value={slot} className="booking__slot">
                {formatTime(slot, timeZone, intl.locale)}
              </Radio>
            ))}
          </div>
        </RadioGroup>
      )}
    </div>
  )
}

/** Said only when the times are Cal.com's last answer, served offline. */
export function StaleNotice({ answer }: { answer: Pick<DaySlots, 'stale' | 'ageSeconds'> }) {
  const freshness = slotFreshness(answer)
  if (!freshness.stale) return null
  return (
    <p className="booking__stale" role="status" data-testid="slots-stale">
      <span aria-hidden="true">⚠ </span>
      <FormattedMessage
        id="booking.stale"
        values={{ minutes: freshness.minutes, hours: freshness.hours }}
      />
    </p>
  )
}
