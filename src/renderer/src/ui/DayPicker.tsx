// A calendar day: typed segment by segment (arrow keys step a segment) or chosen from a month
// calendar in a popover (arrow keys move between days, Enter picks). Days travel as ISO
// "YYYY-MM-DD" strings, the form the routes and the API use.
import { parseDate } from '@internationalized/date'
import type { Ref } from 'react'
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  Label,
  Popover,
} from 'react-aria-components'
import './day-picker.css'

interface Props {
  label: string
  value: string
  onChange(date: string): void
  /** The first segment, for a key that jumps to the field. */
  inputRef?: Ref<HTMLDivElement>
  keyShortcut?: string
  className?: string
  testId?: string
}

export function DayPicker({
  label,
  value,
  onChange,
  inputRef,
  keyShortcut,
  className,
  testId,
}: Props) {
  return (
    <DatePicker
      className={`day-picker ${className ?? ''}`}
      value={parseDate(value)}
      // A half-typed or cleared date keeps the day shown.
      onChange={(next) => next && onChange(next.toString())}
      granularity="day"
      shouldForceLeadingZeros
      data-testid={testId}
    >
      <Label className="day-picker__label">{label}</Label>
      <Group className="day-picker__group">
        <DateInput className="day-picker__input" ref={inputRef} aria-keyshortcuts={keyShortcut}>
          {(segment) => <DateSegment segment={segment} className="day-picker__segment" />}
        </DateInput>
        {/* react-aria names the button ("Calendar", "Calendario") in the page's language. */}
        <Button className="day-picker__button">
          <span aria-hidden="true">▾</span>
        </Button>
      </Group>
      <Popover className="day-picker__popover" placement="bottom end">
        <Dialog className="day-picker__dialog">
          <Calendar className="day-picker__calendar" data-testid="calendar">
            <header className="day-picker__month">
              <Button slot="previous">
                <span aria-hidden="true">‹</span>
              </Button>
              <Heading />
              <Button slot="next">
                <span aria-hidden="true">›</span>
              </Button>
            </header>
            <CalendarGrid>
              {(date) => <CalendarCell date={date} className="day-picker__day" />}
            </CalendarGrid>
          </Calendar>
        </Dialog>
      </Popover>
    </DatePicker>
  )
}
