// Always on screen: whether the desk reaches Cal.com, how many changes wait to sync and how many
// need attention (each a link to its list). Words and icons, never colour alone.
import { FormattedMessage, useIntl } from 'react-intl'
import type { Branch, OutboxEntry, SyncHealth } from '../../../shared/api/schemas'
import type { LiveStatus } from './live-stream'
import { paths } from './routes'

export type Reachability = 'online' | 'offline' | 'desk-down' | 'not-connected'

/** Online means the page hears the desk and the desk hears Cal.com (through the relay). */
export function reachability(
  live: LiveStatus,
  branch: Pick<Branch, 'connection'> | undefined,
  sync: Pick<SyncHealth, 'relay'> | undefined,
): Reachability {
  if (live !== 'live') return 'desk-down'
  if (!branch || branch.connection !== 'connected') return 'not-connected'
  if (sync && sync.relay.configured && sync.relay.state !== 'online') return 'offline'
  return 'online'
}

const REACH_WORDS = {
  online: 'app.strip.online',
  offline: 'app.strip.offline',
  'desk-down': 'app.strip.deskDown',
  'not-connected': 'app.strip.notConnected',
} as const

interface Props {
  reach: Reachability
  outbox: OutboxEntry[] | undefined
  /** Bookings waiting for the desk to confirm or decline. */
  pending?: number | undefined
}

export function StatusStrip({ reach, outbox, pending }: Props) {
  const intl = useIntl()
  const waiting = outbox?.filter((e) => e.state === 'pending' || e.state === 'in_flight').length
  const attention = outbox?.filter((e) => e.state === 'needs_attention').length
  return (
    <section
      className="status-strip"
      aria-label={intl.formatMessage({ id: 'app.strip.label' })}
      data-testid="status-strip"
    >
      <p className={`status-strip__reach status-strip__reach--${reach}`} data-reach={reach}>
        <span aria-hidden="true">{reach === 'online' ? '●' : '○'} </span>
        <FormattedMessage id={REACH_WORDS[reach]} />
      </p>
      {waiting !== undefined && (
        <a
          href={`#${paths.attention}`}
          className={`badge${waiting > 0 ? ' badge--waiting' : ''}`}
          data-testid="waiting-count"
          data-count={waiting}
        >
          <span aria-hidden="true">⟳ </span>
          <FormattedMessage id="app.strip.waiting" values={{ count: waiting }} />
        </a>
      )}
      {attention !== undefined && (
        <a
          href={`#${paths.attention}`}
          className={`badge${attention > 0 ? ' badge--attention' : ''}`}
          data-testid="attention-count"
          data-count={attention}
        >
          <span aria-hidden="true">⚠ </span>
          <FormattedMessage id="app.strip.attention" values={{ count: attention }} />
        </a>
      )}
      {pending !== undefined && (
        <a
          href={`#${paths.pending}`}
          className={`badge${pending > 0 ? ' badge--pending' : ''}`}
          data-testid="pending-count"
          data-count={pending}
        >
          <span aria-hidden="true">? </span>
          <FormattedMessage id="app.strip.pending" values={{ count: pending }} />
        </a>
      )}
    </section>
  )
}
