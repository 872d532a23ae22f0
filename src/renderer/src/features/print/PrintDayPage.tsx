// The printed day sheet at #/print/<date>: on screen a short toolbar (back, paper, print) over
// the sheets as they will print; on paper only the sheets, one staff member a page, on A4 or
// Letter (the paper's own stylesheet, linked while the sheet is shown, sets the @page size).
import { useEffect, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { Appointment, Branch } from '../../../../shared/api/schemas'
import { PAPER_SIZES, type PaperSize } from '../../../../shared/domain/desk-ipc'
import { describeError } from '../../app/i18n/describe-error'
import type { MessageId } from '../../app/i18n/messages'
import { paths } from '../../app/routes'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { formatCalendarDate, formatTimeRange } from '../../ui/time/zoned-time'
import { useDayClients } from '../clients/queries'
import { useDay } from '../day/queries'
import { daySheets } from './day-sheet'
import { printSheet, rememberedPaper, rememberPaper, windowPrintTarget } from './print-page'
import './print.css'

/** What the notes column says besides the desk's own notes. */
function marks(a: Appointment): MessageId[] {
  const out: MessageId[] = []
  if (a.walkIn) out.push('print.walkIn')
  if (a.status === 'PENDING') out.push('print.pending')
  if (a.status === 'NO_SHOW') out.push('print.noShow')
  if (a.status === 'COMPLETED' || a.visitState === 'DONE') out.push('print.completed')
  if (a.syncState !== 'synced') out.push('print.unsynced')
  return out
}

export function PrintDayPage({ date, branch }: { date: string; branch: Branch }) {
  const intl = useIntl()
  const day = useDay(date)
  // The client alerts ("allergic to latex") the cards show, on paper too.
  const dayClients = useDayClients(date)
  const alertsOf = new Map(dayClients.data?.appointments.map((a) => [a.uid, a.alerts]) ?? [])
  const [paper, setPaper] = useState<PaperSize>(() =>
    rememberedPaper(window.localStorage, navigator.language),
  )
  const [printing, setPrinting] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const dateWords = formatCalendarDate(date, intl.locale)
  const shown = day.data?.date === date ? day.data : undefined

  usePaperStylesheet(paper)

  const choosePaper = (next: PaperSize) => {
    setPaper(next)
    rememberPaper(window.localStorage, next)
  }
  const print = async () => {
    setProblem(null)
    setPrinting(true)
    try {
      await printSheet(windowPrintTarget(), paper)
    } catch (error) {
      setProblem(
        intl.formatMessage({ id: 'print.failed' }, { message: describeError(intl, error) }),
      )
    } finally {
      setPrinting(false)
    }
  }

  return (
    <section className="print-page" data-testid="print-page" data-paper={paper}>
      <div
        className="print-toolbar"
        role="group"
        aria-label={intl.formatMessage({ id: 'print.toolbar' })}
      >
        <h2>
          <FormattedMessage id="print.title" values={{ date: dateWords }} />
        </h2>
        <a href={`#${paths.day(date)}`}>
          <span aria-hidden="true">‹ </span>
          <FormattedMessage id="print.back" />
        </a>
        <div className="field">
          <label htmlFor="print-paper">
            <FormattedMessage id="print.paper" />
          </label>
          <select
            id="print-paper"
            value={paper}
            onChange={(event) => choosePaper(event.target.value as PaperSize)}
          >
            {PAPER_SIZES.map((size) => (
              <option key={size} value={size}>
                {intl.formatMessage({ id: `print.paper.${size}` })}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button--primary"
          autoFocus
          disabled={printing || !shown}
          onClick={() => void print()}
        >
          <FormattedMessage id={printing ? 'print.printing' : 'print.print'} />
        </button>
        <p className="print-toolbar__hint">
          <FormattedMessage id="print.hint" />
        </p>
        {problem && <ErrorMessage message={problem} />}
      </div>
      {day.error && <ErrorMessage message={describeError(intl, day.error)} />}
      {!shown && !day.error && (
        <p className="loading">
          <FormattedMessage id="print.loading" />
        </p>
      )}
      {shown &&
        daySheets(shown).map((sheet) => (
          <article
            key={sheet.staff?.id ?? 'unassigned'}
            className="day-sheet"
            data-testid="day-sheet"
            data-staff-id={sheet.staff?.id ?? ''}
            aria-labelledby={`sheet-${sheet.staff?.id ?? 'unassigned'}`}
          >
            <header className="day-sheet__header">
              <h3 id={`sheet-${sheet.staff?.id ?? 'unassigned'}`}>
                {sheet.staff?.name ?? intl.formatMessage({ id: 'print.unassigned' })}
              </h3>
              <p>
                <FormattedMessage
                  id="print.sheetOf"
                  values={{ branch: branch.name, date: dateWords }}
                />
              </p>
              <p>
                <FormattedMessage id="print.count" values={{ count: sheet.appointments.length }} />
              </p>
            </header>
            {sheet.appointments.length > 0 && (
              <table className="day-sheet__table">
                <thead>
                  <tr>
                    <th scope="col">
                      <FormattedMessage id="print.col.time" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="print.col.client" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="print.col.service" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="print.col.notes" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {sheet.appointments.map((a) => (
                    <tr key={a.uid} data-testid="sheet-row" data-uid={a.uid}>
                      <td className="day-sheet__time">
                        {formatTimeRange(a.start, a.end, shown.timeZone, intl.locale)}
                      </td>
                      <td>
                        <strong>{a.attendee.name}</strong>
                        {a.attendee.phone && <div>{a.attendee.phone}</div>}
                      </td>
                      <td>{a.eventType?.title ?? a.title}</td>
                      <td>
                        {(alertsOf.get(a.uid) ?? []).map((alert) => (
                          <div key={alert} className="day-sheet__alert" data-testid="sheet-alert">
                            <FormattedMessage id="print.alert" values={{ alert }} />
                          </div>
                        ))}
                        {marks(a).map((id) => (
                          <div key={id} className="day-sheet__mark">
                            <FormattedMessage id={id} />
                          </div>
                        ))}
                        {a.deskNotes && <div>{a.deskNotes}</div>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </article>
        ))}
    </section>
  )
}

/** Links public/print/page-<paper>.css (its @page size) while the sheet is on screen. */
function usePaperStylesheet(paper: PaperSize): void {
  useEffect(() => {
    const link = document.createElement('link')
    link.rel = 'stylesheet'
    link.href = `./print/page-${paper.toLowerCase()}.css`
    link.dataset.paper = paper
    document.head.append(link)
    return () => link.remove()
  }, [paper])
}
