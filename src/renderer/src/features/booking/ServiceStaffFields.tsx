// Service and staff for a new booking: two selects, the staff one with "Anyone free" first.
// Services the booking cannot have (a walk-in for one that needs days of notice) stay listed,
// disabled, with the reason beside them, so the receptionist is not left wondering where they
// went. The service select is disabled until there are services to list: react-aria's Select does
// not open on an empty list, so a click while they load would otherwise do nothing, silently. The
// staff select is disabled while the staff load: it would open on "Anyone free" alone, and a name
// typed into it (or looked for) would not be there.
import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components'
import { useIntl } from 'react-intl'
import type { EventTypeInfo, Staff } from '../../../../shared/api/schemas'

const ANYONE = 'anyone'

interface Props {
  services: EventTypeInfo[]
  staff: Staff[]
  /** The staff are still on their way. */
  staffPending: boolean
  eventTypeId: number | null
  /** Services that cannot be chosen, each with the reason in words. */
  unavailable: ReadonlyMap<number, string>
  staffId: number | null
  onService(id: number): void
  onStaff(id: number | null): void
}

export function ServiceStaffFields({
  services,
  staff,
  staffPending,
  eventTypeId,
  unavailable,
  staffId,
  onService,
  onStaff,
}: Props) {
  const intl = useIntl()
  return (
    <div className="booking__row">
      <Select
        className="booking__select"
        selectedKey={eventTypeId === null ? null : String(eventTypeId)}
        onSelectionChange={(key) => key !== null && onService(Number(key))}
        placeholder={intl.formatMessage({ id: 'booking.servicePlaceholder' })}
        disabledKeys={[...unavailable.keys()].map(String)}
        isDisabled={services.length === 0}
        data-testid="booking-service"
      >
        <Label>{intl.formatMessage({ id: 'booking.service' })}</Label>
        <Button className="booking__select-button">
          <SelectValue />
          <span aria-hidden="true">▾</span>
        </Button>
        <Popover className="booking__popover">
          <ListBox className="booking__options">
            {services.map((s) => (
              <ListBoxItem
                key={s.id}
                id={String(s.id)}
                textValue={s.title}
                className="booking__option"
              >
                {s.title} ·{' '}
                {intl.formatNumber(s.lengthInMinutes, { style: 'unit', unit: 'minute' })}
                {unavailable.has(s.id) && (
                  <>
                    {' '}
                    <span className="booking__option-reason">{unavailable.get(s.id)}</span>
                  </>
                )}
              </ListBoxItem>
            ))}
          </ListBox>
        </Popover>
      </Select>
      <Select
        className="booking__select"
        selectedKey={staffId === null ? ANYONE : String(staffId)}
        onSelectionChange={(key) => onStaff(key === ANYONE || key === null ? null : Number(key))}
        isDisabled={staffPending}
        data-testid="booking-staff"
      >
        <Label>{intl.formatMessage({ id: 'booking.staff' })}</Label>
        <Button className="booking__select-button">
          <SelectValue />
          <span aria-hidden="true">▾</span>
        </Button>
        <Popover className="booking__popover">
          <ListBox className="booking__options">
            <ListBoxItem id={ANYONE} className="booking__option">
              {intl.formatMessage({ id: 'booking.anyone' })}
            </ListBoxItem>
            {staff.map((s) => (
              <ListBoxItem key={s.id} id={String(s.id)} className="booking__option">
                {s.name}
              </ListBoxItem>
            ))}
          </ListBox>
        </Popover>
      </Select>
    </div>
  )
}
