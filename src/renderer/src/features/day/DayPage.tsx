// The day screen: navigation, the grid, and the drawer of the appointment the address names.
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import { useIntl } from 'react-intl'
import { useLocation } from 'wouter'
import type { Branch } from '../../../../shared/api/schemas'
import { describeError } from '../../app/i18n/describe-error'
import { paths } from '../../app/routes'
import { AppointmentDrawer } from '../appointment/AppointmentDrawer'
import { useDayClients } from '../clients/queries'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { addDays } from '../../ui/time/zoned-time'
import { dayKeyAction } from './day-keys'
import { MINUTE_PX } from './day-layout'
import { DayGrid } from './DayGrid'
import { DayNavigator } from './DayNavigator'
import { gridWindow, minuteOfDay, spanOf } from './grid-layout'
import { useDay, useOpeningHours } from './queries'

interface Props {
  date: string
  appointmentUid: string | null
  today: string
  branch: Branch
  now: Date
}

// Memoised: the shell renders again on every change of the status strip, the badges and the
// queue, none of which this screen shows.
export const DayPage = memo(function DayPage({ date, appointmentUid, today, branch, now }: Props) {
  const intl = useIntl()
  const [, navigate] = useLocation()
  // The desk answers one read at a time, in the order asked: the day's hours and its clients'
  // alerts (small reads) go before the day itself, so the grid has all it shows once the day
  // arrives, and is drawn once, with its alerts, rather than again when they come.
  const hours = useOpeningHours(date)
  const dayClients = useDayClients(date, { keepPrevious: true })
  const day = useDay(date)
  // Each card's client alerts; the same array per card while nothing changed, so memoised
  // cards whose alerts did not change do not render again.
  const alerts = useMemo(
    () => new Map(dayClients.data?.appointments.map((a) => [a.uid, a.alerts]) ?? []),
    [dayClients.data],
  )
  const dateInput = useRef<HTMLDivElement>(null)
  const scroller = useRef<HTMLDivElement>(null)
  const goTo = useCallback((next: string) => navigate(paths.day(next)), [navigate])
  // A card dragged to another time opens its drawer with the reschedule dialog at that time; the
  // wish lasts while that drawer is open.
  const [moveWish, setMoveWish] = useState<{ uid: string; minute: number } | null>(null)
  useEffect(() => {
    if (appointmentUid === null) setMoveWish(null)
  }, [appointmentUid])
  const moveCard = useCallback(
    (uid: string, minute: number) => {
      setMoveWish({ uid, minute })
      navigate(paths.appointment(date, uid))
    },
    [date, navigate],
  )

  const drawerOpen = appointmentUid !== null
  useEffect(() => {
    if (drawerOpen) return
    const onKey = (event: KeyboardEvent) => {
      // A calendar, list or field that used the key (arrows in a calendar) keeps it.
      if (event.defaultPrevented) return
      const target = event.target as HTMLElement | null
      const action = dayKeyAction({
        key: event.key,
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        targetTag: target?.tagName ?? '',
        targetEditable: target?.isContentEditable ?? false,
      })
      if (!action) return
      event.preventDefault()
      if (action.kind === 'shift') navigate(paths.day(addDays(date, action.days)))
      else if (action.kind === 'today') navigate(paths.day(today))
      else if (action.kind === 'print') navigate(paths.print(date))
      // The first segment of the date field takes the focus (the field itself is a group).
      else dateInput.current?.querySelector<HTMLElement>('[role="spinbutton"]')?.focus()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [drawerOpen, date, today, navigate])

  const dayOfDate = day.data?.date === date ? day.data : undefined
  const hoursOfDate = hours.data?.date === date ? hours.data : undefined
  const clientsKnown = (dayClients.data && !dayClients.isPlaceholderData) || dayClients.isError
  // The grid moves to a day once its opening hours and its clients' alerts are known too (or
  // cannot be read): drawn without the hours first, every card would jump when they came, and
  // without the alerts, a card would show a client's allergy only a moment later. Until then the
  // last day stays.
  const ready =
    dayOfDate && (hoursOfDate || hours.isError) && clientsKnown
      ? { day: dayOfDate, hours: hoursOfDate }
      : null
  const [lastReady, setLastReady] = useState(ready)
  if (ready && (ready.day !== lastReady?.day || ready.hours !== lastReady.hours)) {
    setLastReady(ready)
  }
  const onScreen = ready ?? lastReady
  const nowMinute = minuteOfDay(now.toISOString(), branch.timeZone)

  // Opens scrolled to now on today, to the first appointment (or opening) on other days; once
  // per day shown, so a live update never yanks the view away from where the receptionist is.
  const scrolledFor = useRef<string | null>(null)
  useLayoutEffect(() => {
    const element = scroller.current?.querySelector<HTMLElement>('[data-testid="day-scroller"]')
    if (!ready || !element || scrolledFor.current === ready.day.date) return
    scrolledFor.current = ready.day.date
    const shown = ready.day
    const spans = shown.appointments.map((a) => spanOf(a, shown, shown.timeZone))
    const window = gridWindow(ready.hours, spans)
    const target =
      shown.date === today
        ? nowMinute
        : Math.min(...spans.map((s) => s.startMinute), window.endMinute)
    const offset = (Math.max(target, window.startMinute) - window.startMinute) * MINUTE_PX
    element.scrollTop = Math.max(0, offset - element.clientHeight / 3)
  })

  return (
    <div className="day-page" ref={scroller}>
      <DayNavigator date={date} today={today} onChange={goTo} dateInputRef={dateInput} />
      {day.error && <ErrorMessage message={describeError(intl, day.error)} />}
      {onScreen ? (
        <DayGrid
          // Another day is a new grid, built apart and put in at once: cheaper than swapping
          // 300 cards one by one inside columns that stay.
          key={onScreen.day.date}
          day={onScreen.day}
          hours={onScreen.hours}
          nowMinute={onScreen.day.date === today ? nowMinute : null}
          busy={!ready}
          alerts={alerts}
          onMoveCard={moveCard}
        />
      ) : (
        !day.error && <p className="loading">{intl.formatMessage({ id: 'day.loading' })}</p>
      )}
      {appointmentUid && (
        <AppointmentDrawer
          uid={appointmentUid}
          branch={branch}
          onClose={() => navigate(paths.day(date))}
          moveTo={moveWish?.uid === appointmentUid ? { date, minute: moveWish.minute } : null}
          onMoveSeen={() => setMoveWish(null)}
        />
      )}
    </div>
  )
})
