// New booking: a walk-in (the next free time now) or a phone booking (service, staff or anyone,
// a day and one of its free times), then the client. One Idempotency-Key per form, so a double
// click or a retry after a lost answer books once; the booking is queued at the desk and shows
// at once, waiting to sync, whatever Cal.com says later.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { Button, Heading, Label, Radio, RadioGroup } from 'react-aria-components'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ActionResult, BookBody, Branch } from '../../../../shared/api/schemas'
import { ApiRequestError } from '../../app/api-client'
import { useApi } from '../../app/api-context'
import { describeError } from '../../app/i18n/describe-error'
import { queryKeys } from '../../app/query-keys'
import { DayPicker } from '../../ui/DayPicker'
import { DialogFrame } from '../../ui/DialogFrame'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { ClientFields, type ClientValue } from './ClientFields'
import { formProblemWords, type FormProblem } from './form-problem'
import { useEventTypes, useSlots, useStaff } from './queries'
import { ServiceStaffFields } from './ServiceStaffFields'
import { nextFreeWords } from './next-free-words'
import { nextFreeSlot, upcomingSlots } from './slot-choice'
import { isMemberWithoutTimes, slotsProblemWords } from './slots-problem-words'
import { SlotPicker, StaleNotice } from './SlotPicker'
import type { BookingKind as Kind } from './walk-in-services'
import { canWalkIn, noticeWords, shownService } from './walk-in-services'
import './booking.css'

interface Props {
  isOpen: boolean
  onOpenChange(open: boolean): void
  branch: Branch
  today: string
  now: Date
  onBooked(result: ActionResult): void
}

export function NewBookingDialog({ isOpen, onOpenChange, ...rest }: Props) {
  return (
    <DialogFrame isOpen={isOpen} onOpenChange={onOpenChange} wide testId="new-booking">
      {({ close }) => <NewBookingForm {...rest} close={close} />}
    </DialogFrame>
  )
}

function NewBookingForm({
  branch,
  today,
  now,
  onBooked,
  close,
}: Omit<Props, 'isOpen' | 'onOpenChange'> & { close(): void }) {
  const api = useApi()
  const intl = useIntl()
  const queryClient = useQueryClient()
  const services = useEventTypes()
  const staff = useStaff()
  const [kind, setKind] = useState<Kind>('walk-in')
  const [chosenService, setEventTypeId] = useState<number | null>(null)
  const [staffId, setStaffId] = useState<number | null>(null)
  const [date, setDate] = useState(today)
  const [pickedSlot, setSlot] = useState<string | null>(null)
  const [client, setClient] = useState<ClientValue>({ name: '', phone: '', email: '' })
  const [problem, setProblem] = useState<FormProblem | null>(null)
  // One key for this form: a second click, or a retry after the answer was lost, books once.
  const [idempotencyKey] = useState(() => crypto.randomUUID())

  const offered = (services.data ?? []).filter((s) => !s.hidden)
  const at = { now, today, timeZone: branch.timeZone }
  const eventTypeId = shownService(offered, chosenService, kind, at)?.id ?? null
  // A walk-in's list still shows the services it cannot have, greyed, saying why.
  const notForWalkIn = new Map<number, string>()
  if (kind === 'walk-in')
    for (const s of offered)
      if (!canWalkIn(s, at)) {
        const { id, values } = noticeWords(s.minimumNoticeMinutes ?? 0)
        notForWalkIn.set(s.id, intl.formatMessage({ id }, values))
      }

  const slotDay = kind === 'walk-in' ? today : date
  const slots = useSlots(slotDay, eventTypeId, staffId)
  const member = staffId === null ? null : (staff.data?.find((s) => s.id === staffId) ?? null)
  // With none of the chosen person's times to show, "Anyone free" is asked for the same day, so
  // the words can point there only when it has times (slots-problem-words.ts).
  const memberWithoutTimes = isMemberWithoutTimes(slots.error, member)
  const anyone = useSlots(memberWithoutTimes ? slotDay : null, eventTypeId, null)
  const anyoneHasTimes =
    memberWithoutTimes && !!anyone.data && upcomingSlots(anyone.data.slots, now).length > 0
  const walkInSlot = slots.data ? nextFreeSlot(slots.data.slots, now) : null
  // A time picked for another day, service or person is not on offer any more.
  const slot = pickedSlot && slots.data?.slots.includes(pickedSlot) ? pickedSlot : null
  const start = kind === 'walk-in' ? walkInSlot : slot

  const book = useMutation({
    mutationFn: (body: BookBody) => api.call('book', { body, idempotencyKey }),
    onSuccess: (result) => {
      onBooked(result)
      close()
    },
    // Cal.com said the time is gone: show the times it has now, so another can be chosen.
    onError: (error) => {
      if (error instanceof ApiRequestError && error.code === 'SLOT_UNAVAILABLE')
        void queryClient.invalidateQueries({ queryKey: queryKeys.slotsOfDay(slotDay) })
    },
  })

  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    if (book.isPending) return
    if (!client.name.trim()) return setProblem('name')
    if (!start || eventTypeId === null) return setProblem('slot')
    setProblem(null)
    const attendee: BookBody['attendee'] = { name: client.name.trim() }
    if (client.phone.trim()) attendee.phone = client.phone.trim()
    if (client.email.trim()) attendee.email = client.email.trim()
    book.mutate({
      eventTypeId,
      start,
      attendee,
      ...(staffId === null ? {} : { staffId }),
      ...(kind === 'walk-in' ? { walkIn: true } : {}),
    })
  }

  return (
    <form onSubmit={submit} className="booking" noValidate>
      <Heading slot="title">{intl.formatMessage({ id: 'booking.title' })}</Heading>
      <RadioGroup
        className="booking__kind"
        value={kind}
        onChange={(v) => setKind(v as Kind)}
        orientation="horizontal"
      >
        <Label>{intl.formatMessage({ id: 'booking.kind' })}</Label>
        <div className="booking__kind-options">
          <Radio value="walk-in" className="booking__kind-option">
            {intl.formatMessage({ id: 'booking.walkIn' })}
          </Radio>
          <Radio value="phone" className="booking__kind-option">
            {intl.formatMessage({ id: 'booking.phone' })}
          </Radio>
        </div>
      </RadioGroup>

      <ServiceStaffFields
        services={offered}
        staff={staff.data ?? []}
        staffPending={staff.isPending}
        eventTypeId={eventTypeId}
        unavailable={notForWalkIn}
        staffId={staffId}
        onService={setEventTypeId}
        onStaff={setStaffId}
      />

      {kind === 'walk-in' ? (
        <p className="booking__next" role="status" data-testid="walk-in-slot">
          {services.isPending || (slots.isPending && eventTypeId !== null) ? (
            <FormattedMessage id="booking.slotsLoading" />
          ) : services.isError || slots.isError ? null : offered.length === 0 ? (
            <FormattedMessage id="booking.noServices" />
          ) : eventTypeId === null ? (
            <FormattedMessage id="booking.noWalkInService" />
          ) : walkInSlot ? (
            <FormattedMessage {...nextFreeWords(walkInSlot, now, branch.timeZone, intl.locale)} />
          ) : (
            <FormattedMessage id="booking.noneFreeToday" />
          )}
        </p>
      ) : (
        <>
          {services.isSuccess && offered.length === 0 && (
            <p className="booking__next" role="status">
              <FormattedMessage id="booking.noServices" />
            </p>
          )}
          <DayPicker
            className="booking__date"
            label={intl.formatMessage({ id: 'booking.date' })}
            value={date}
            onChange={setDate}
            testId="booking-day"
          />
          <SlotPicker
            answer={slots.data}
            loading={slots.isPending}
            failed={slots.isError}
            now={now}
            timeZone={branch.timeZone}
            value={slot}
            onChange={setSlot}
          />
        </>
      )}
      {kind === 'walk-in' && slots.data && <StaleNotice answer={slots.data} />}
      {/* Where the times would be, so it is read with the day and the person it is about. */}
      {slots.error && (
        <div className="booking__slots-problem">
          <ErrorMessage
            message={slotsProblemWords(intl, slots.error, { member, anyoneHasTimes })}
          />
          {anyoneHasTimes && (
            <Button onPress={() => setStaffId(null)}>
              {intl.formatMessage({ id: 'booking.showAnyone' })}
            </Button>
          )}
        </div>
      )}

      <ClientFields
        value={client}
        onChange={setClient}
        autoFocus={kind === 'walk-in'}
        nameInvalid={problem === 'name'}
      />

      {problem && (
        <ErrorMessage message={intl.formatMessage({ id: formProblemWords(problem, kind) })} />
      )}
      {services.error && <ErrorMessage message={describeError(intl, services.error)} />}
      {book.error && (
        <ErrorMessage message={describeError(intl, book.error, { timeZone: branch.timeZone })} />
      )}

      <div className="dialog-frame__actions">
        <Button type="submit" className="button--primary" isDisabled={book.isPending}>
          {intl.formatMessage({ id: book.isPending ? 'booking.submitting' : 'booking.submit' })}
        </Button>
        <Button onPress={close}>{intl.formatMessage({ id: 'booking.cancel' })}</Button>
      </div>
    </form>
  )
}
