// The shell's New booking button, and N from the day grid: opens the new booking dialog and,
// once booked, shows the booking's day (the card is there at once, waiting to sync) and says who
// was booked at what time.
import { useEffect, useState } from 'react'
import { Button } from 'react-aria-components'
import { useIntl } from 'react-intl'
import { useLocation } from 'wouter'
import type { Branch } from '../../../../shared/api/schemas'
import { paths } from '../../app/routes'
import { calendarDateInZone } from '../../ui/time/zoned-time'
import { bookedWords } from './booked-words'
import { isNewBookingKey } from './new-booking-key'
import { NewBookingDialog } from './NewBookingDialog'

interface Props {
  branch: Branch
  today: string
  now: Date
  /** N opens the dialog (on the day grid, with no drawer open). */
  keyEnabled: boolean
}

export function NewBookingButton({ branch, today, now, keyEnabled }: Props) {
  const intl = useIntl()
  const [, navigate] = useLocation()
  const [open, setOpen] = useState(false)
  const [booked, setBooked] = useState<string | null>(null)

  useEffect(() => {
    if (!keyEnabled || open) return
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      const pressed = isNewBookingKey({
        key: event.key,
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        targetTag: target?.tagName ?? '',
        targetEditable: target?.isContentEditable ?? false,
      })
      if (!pressed) return
      event.preventDefault()
      setBooked(null)
      setOpen(true)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [keyEnabled, open])

  return (
    <>
      <Button
        className="button--primary new-booking-button"
        onPress={() => {
          setBooked(null)
          setOpen(true)
        }}
        aria-keyshortcuts="N"
        data-testid="new-booking-button"
      >
        {intl.formatMessage({ id: 'booking.new' })}
      </Button>
      <NewBookingDialog
        isOpen={open}
        onOpenChange={setOpen}
        branch={branch}
        today={today}
        now={now}
        onBooked={(result) => {
          const { id, values } = bookedWords(result, branch.timeZone, intl.locale)
          setBooked(intl.formatMessage({ id }, values))
          navigate(
            paths.day(calendarDateInZone(new Date(result.appointment.start), branch.timeZone)),
          )
        }}
      />
      <p className="booking-done" role="status" data-testid="booking-done">
        {booked}
      </p>
    </>
  )
}
