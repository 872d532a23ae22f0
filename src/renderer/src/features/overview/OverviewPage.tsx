// "All branches" (DESIGN.md §9): today's or this week's numbers of every branch of the app and
// of the business, from each branch's own copy (so it answers offline), each row saying how
// fresh its numbers are. A branch's name opens its day: the UI switches to that branch.
import { Button } from 'react-aria-components'
import { FormattedMessage, useIntl, type IntlShape } from 'react-intl'
import type { BranchOverview, OverviewNumbers } from '../../../../shared/api/overview'
import { describeError } from '../../app/i18n/describe-error'
import { paths } from '../../app/routes'
import { useNow } from '../../app/useNow'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { todayInZone } from '../../ui/time/zoned-time'
import { useOverview } from '../branches/app-queries'
import { useBranchChoice } from '../branches/branch-scope-context'
import { freshness, majorAmount, statusesSeen } from './overview-figures'
import './overview.css'

type Range = 'today' | 'week'

export function OverviewPage({ range }: { range: Range }) {
  const intl = useIntl()
  const overview = useOverview(range)
  const title = intl.formatMessage({ id: 'overview.title' })
  return (
    <section className="page overview" data-testid="overview-page">
      <h2>{title}</h2>
      <nav className="overview__ranges" aria-label={intl.formatMessage({ id: 'overview.range' })}>
        {(['today', 'week'] as const).map((r) => (
          <a key={r} href={`#${paths.overview(r)}`} aria-current={r === range ? 'page' : undefined}>
            <FormattedMessage id={r === 'today' ? 'overview.today' : 'overview.week'} />
          </a>
        ))}
      </nav>
      {overview.error && <ErrorMessage message={describeError(intl, overview.error)} />}
      {!overview.data && !overview.error && (
        <p className="loading">
          <FormattedMessage id="app.loading" />
        </p>
      )}
      {overview.data && (
        <div className="overview__scroll">
          <table className="overview__table" data-testid="overview-table">
            <caption>
              <FormattedMessage
                id={range === 'today' ? 'overview.caption.today' : 'overview.caption.week'}
              />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="overview.col.branch" />
                </th>
                <th scope="col">
                  <FormattedMessage id="overview.col.appointments" />
                </th>
                <th scope="col">
                  <FormattedMessage id="overview.col.arrivals" />
                </th>
                <th scope="col">
                  <FormattedMessage id="overview.col.noShows" />
                </th>
                <th scope="col">
                  <FormattedMessage id="overview.col.lateCancellations" />
                </th>
                <th scope="col">
                  <FormattedMessage id="overview.col.pending" />
                </th>
                <th scope="col">
                  <FormattedMessage id="overview.col.revenue" />
                </th>
                <th scope="col">
                  <FormattedMessage id="overview.col.utilisation" />
                </th>
              </tr>
            </thead>
            <tbody>
              {overview.data.branches.map((b) => (
                <BranchRow key={b.key} branch={b} />
              ))}
            </tbody>
            <tfoot>
              <tr data-testid="overview-total">
                <th scope="row">
                  <FormattedMessage id="overview.total" />
                </th>
                <Figures numbers={overview.data.total} />
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  )
}

function BranchRow({ branch }: { branch: BranchOverview }) {
  const intl = useIntl()
  const now = useNow()
  const { switchTo } = useBranchChoice()
  return (
    <tr data-testid={`overview-branch-${branch.key}`}>
      <th scope="row">
        <Button
          className="overview__branch"
          onPress={() => switchTo(branch.key, paths.day(todayInZone(branch.timeZone, now)))}
          aria-label={intl.formatMessage({ id: 'overview.openDay' }, { branch: branch.name })}
        >
          {branch.name}
        </Button>
        <span className={`overview__fresh${branch.offline ? ' overview__fresh--offline' : ''}`}>
          {freshnessWords(intl, freshness(branch.lastSyncAt, branch.offline, now.getTime()))}
        </span>
      </th>
      <Figures numbers={branch.numbers} />
    </tr>
  )
}

function freshnessWords(intl: IntlShape, f: ReturnType<typeof freshness>): string {
  if (f.kind === 'never') return intl.formatMessage({ id: 'overview.fresh.never' })
  if (f.kind === 'offline') {
    return f.minutesAgo === null
      ? intl.formatMessage({ id: 'overview.fresh.offlineNever' })
      : intl.formatMessage({ id: 'overview.fresh.offline' }, { minutes: f.minutesAgo })
  }
  return intl.formatMessage({ id: 'overview.fresh.synced' }, { minutes: f.minutesAgo })
}

function Figures({ numbers }: { numbers: OverviewNumbers }) {
  const intl = useIntl()
  const statuses = statusesSeen(numbers.byStatus)
  return (
    <>
      <td data-figure="appointments">
        <span className="overview__count">{intl.formatNumber(numbers.appointments)}</span>
        {statuses.length > 0 && (
          <span className="overview__statuses">
            {intl.formatList(
              statuses.map((s) =>
                intl.formatMessage(
                  { id: 'overview.statusCount' },
                  {
                    count: s.count,
                    status: intl.formatMessage({ id: `status.${s.status}` }),
                  },
                ),
              ),
              { type: 'unit' },
            )}
          </span>
        )}
      </td>
      <td data-figure="arrivals">{intl.formatNumber(numbers.arrivals)}</td>
      <td data-figure="no-shows">{intl.formatNumber(numbers.noShows)}</td>
      <td data-figure="late-cancellations">{intl.formatNumber(numbers.lateCancellations)}</td>
      <td data-figure="pending">{intl.formatNumber(numbers.pendingConfirmations)}</td>
      <td data-figure="revenue">
        {numbers.revenue.length === 0
          ? intl.formatNumber(0)
          : numbers.revenue.map((m) => (
              <span key={m.currency} className="overview__money">
                {intl.formatNumber(majorAmount(m), { style: 'currency', currency: m.currency })}
              </span>
            ))}
      </td>
      <td data-figure="utilisation">
        {numbers.utilisation === null ? (
          <FormattedMessage id="overview.noSchedule" />
        ) : (
          <>
            <span className="overview__count">
              {intl.formatNumber(numbers.utilisation, {
                style: 'percent',
                maximumFractionDigits: 0,
              })}
            </span>
            <span className="overview__statuses">
              {intl.formatMessage(
                { id: 'overview.hours' },
                {
                  booked: intl.formatNumber(numbers.bookedMinutes / 60, {
                    maximumFractionDigits: 1,
                  }),
                  scheduled: intl.formatNumber(numbers.scheduledMinutes / 60, {
                    maximumFractionDigits: 1,
                  }),
                },
              )}
            </span>
          </>
        )}
      </td>
    </>
  )
}
