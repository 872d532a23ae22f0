// The offline banner: which link is down, that work goes on, how many changes wait. It leaves
// by itself once the links are back and the waiting changes have gone out.
import { FormattedMessage } from 'react-intl'
import { isOffline, type OfflineState } from './offline-state'
import './offline.css'

export function OfflineBanner({ state }: { state: OfflineState }) {
  if (!isOffline(state)) return null
  return (
    <section className="offline-banner" role="status" data-testid="offline-banner">
      <p className="offline-banner__what">
        <span aria-hidden="true">⚠ </span>
        {state.deskDown ? (
          <FormattedMessage id="offline.desk" />
        ) : (
          <>
            {state.calcomDown && <FormattedMessage id="offline.calcom" />}
            {state.calcomDown && state.relayDown && ' '}
            {state.relayDown && <FormattedMessage id="offline.relay" />}
          </>
        )}
      </p>
      {!state.deskDown && (
        <p>
          <FormattedMessage id="offline.stillWorks" />{' '}
          <strong data-testid="offline-waiting" data-count={state.waiting}>
            <FormattedMessage id="offline.waiting" values={{ count: state.waiting }} />
          </strong>
        </p>
      )}
    </section>
  )
}
