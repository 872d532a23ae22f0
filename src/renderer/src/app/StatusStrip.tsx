// Always on screen: whether the desk reaches Cal.com, how many changes wait to sync and how many
// need attention (each a link to its list). Words and icons, never colour alone. Its end holds
// what the shell puts there (the Cal.com connection, the live line), so the header keeps to one
// row and the day grid gets that room.
import type { ReactNode } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { OutboxEntry } from '../../../shared/api/schemas'
import type { OfflineState } from '../features/offline/offline-state'
import { paths } from './routes'

export type Reachability = 'online' | 'calcom-down' | 'relay-down' | 'desk-down' | 'not-connected'

/**
 * Online means the page hears the desk, and the desk reaches Cal.com (its changes get through)
 * and hears it (through the relay). Which link is down is said, the one that loses changes first.
 */
export function reachability(connected: boolean, offline: OfflineState): Reachability {
  if (offline.deskDown) return 'desk-down'
  if (!connected) return 'not-connected'
  if (offline.calcomDown) return 'calcom-down'
  if (offline.relayDown) return 'relay-down'
  return 'online'
}

const REACH_WORDS = {
  online: 'app.strip.online',
  'calcom-down': 'app.strip.calcomDown',
  'relay-down': 'app.strip.relayDown',
  'desk-down': 'app.strip.deskDown',
  'not-connected': 'app.strip.notConnected',
} as const

interface Props {
  reach: Reachability
  outbox: OutboxEntry[] | undefined
  /** Bookings waiting for the desk to confirm or decline. */
  pending?: number | undefined
  /** Shown at the strip's end, after the counts. */
  children?: ReactNode
}

export function StatusStrip({ reach, outbox, pending, children }: Props) {
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
      {children && <div className="status-strip__end">{children}</div>}
    </section>
  )
}
