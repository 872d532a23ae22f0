// The top of sync health: Cal.com connected or not and since when, the relay and its lag, the
// last news and the last full check, and the queue of changes made here (linked to its list).
import { FormattedMessage, useIntl } from 'react-intl'
import type { Branch, OutboxEntry, SyncHealth } from '../../../../shared/api/schemas'
import { describeError } from '../../app/i18n/describe-error'
import type { MessageId } from '../../app/i18n/messages'
import { paths } from '../../app/routes'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { calcomUnreachable } from '../offline/offline-state'
import { useReconcileNow } from './queries'
import { reconcileTriggerWords, triggerWords } from './sync-words'
import { formatWhen } from './when'

const CONNECTION_WORDS: Record<Branch['connection'], MessageId> = {
  connected: 'syncHealth.calcom.connected',
  disconnected: 'syncHealth.calcom.disconnected',
  reconnect_needed: 'syncHealth.calcom.reconnectNeeded',
}

/** The relay client's states (relay-client.ts) as a person reads them. */
function relayWords(state: string): MessageId {
  if (state === 'online') return 'syncHealth.relay.online'
  if (state === 'off') return 'syncHealth.relay.off'
  if (state === 'enrolling' || state === 'connecting') return 'syncHealth.relay.starting'
  return 'syncHealth.relay.offline'
}

interface Props {
  branch: Branch
  sync: SyncHealth
  outbox: OutboxEntry[] | undefined
}

export function SyncSummary({ branch, sync, outbox }: Props) {
  const intl = useIntl()
  const when = (iso: string) => formatWhen(intl, iso, branch.timeZone)
  const reconcile = useReconcileNow()
  const waiting = outbox?.filter((e) => e.state === 'pending' || e.state === 'in_flight').length
  const attention = outbox?.filter((e) => e.state === 'needs_attention').length
  const { relay, lastEvent, lastReconcile } = sync
  const relayOk = relay.state === 'online'
  const calcomOk = sync.connection === 'connected' && !calcomUnreachable(branch, outbox)
  return (
    <section aria-labelledby="sync-summary-title">
      <h3 id="sync-summary-title">
        <FormattedMessage id="syncHealth.summary" />
      </h3>
      <dl className="sync-summary">
        <div
          className={`sync-card sync-card--${calcomOk ? 'ok' : 'bad'}`}
          data-testid="sync-calcom"
          data-state={sync.connection}
        >
          <dt>
            <FormattedMessage id="syncHealth.calcom" />
          </dt>
          <dd className="sync-card__state">
            <span aria-hidden="true">{calcomOk ? '● ' : '○ '}</span>
            <FormattedMessage id={CONNECTION_WORDS[sync.connection]} />
          </dd>
          {sync.connectionSince && (
            <dd>
              <FormattedMessage
                id="syncHealth.since"
                values={{ when: when(sync.connectionSince) }}
              />
            </dd>
          )}
          {sync.connection === 'connected' && !calcomOk && (
            <dd data-testid="sync-calcom-unreachable">
              <FormattedMessage id="syncHealth.calcom.unreachable" />
            </dd>
          )}
          {sync.connection !== 'connected' && (
            <dd>
              <a href={`#${paths.settings}`}>
                <FormattedMessage id="syncHealth.calcom.fix" />
              </a>
            </dd>
          )}
        </div>

        <div
          className={`sync-card sync-card--${!relay.configured || relayOk ? 'ok' : 'bad'}`}
          data-testid="sync-relay"
          data-state={relay.configured ? relay.state : 'none'}
        >
          <dt>
            <FormattedMessage id="syncHealth.relay" />
          </dt>
          {relay.configured ? (
            <>
              <dd className="sync-card__state">
                <span aria-hidden="true">{relayOk ? '● ' : '○ '}</span>
                <FormattedMessage id={relayWords(relay.state)} />
              </dd>
              {relay.since && (
                <dd>
                  <FormattedMessage id="syncHealth.since" values={{ when: when(relay.since) }} />
                </dd>
              )}
              {!relayOk && relay.retryInMs !== null && (
                <dd>
                  <FormattedMessage
                    id="syncHealth.relay.retry"
                    values={{ seconds: Math.ceil(relay.retryInMs / 1000) }}
                  />
                </dd>
              )}
              {relay.lagMs !== null && (
                <dd data-testid="sync-lag">
                  <FormattedMessage
                    id="syncHealth.relay.lag"
                    values={{ seconds: Math.round(relay.lagMs / 100) / 10 }}
                  />
                </dd>
              )}
            </>
          ) : (
            <dd>
              <FormattedMessage id="syncHealth.relay.none" />
            </dd>
          )}
        </div>

        <div className="sync-card" data-testid="sync-last-event">
          <dt>
            <FormattedMessage id="syncHealth.lastEvent" />
          </dt>
          <dd>
            {lastEvent ? (
              <FormattedMessage
                id="syncHealth.lastEvent.what"
                values={{
                  what: intl.formatMessage(
                    { id: triggerWords(lastEvent.trigger).id },
                    triggerWords(lastEvent.trigger).values,
                  ),
                  when: when(lastEvent.at),
                }}
              />
            ) : (
              <FormattedMessage id="syncHealth.lastEvent.none" />
            )}
          </dd>
        </div>

        <div
          className={`sync-card sync-card--${lastReconcile && !lastReconcile.ok ? 'bad' : 'ok'}`}
          data-testid="sync-last-reconcile"
        >
          <dt>
            <FormattedMessage id="syncHealth.lastReconcile" />
          </dt>
          <dd>
            {!lastReconcile ? (
              <FormattedMessage id="syncHealth.lastReconcile.none" />
            ) : lastReconcile.ok ? (
              <FormattedMessage
                id="syncHealth.lastReconcile.ok"
                values={{
                  when: when(lastReconcile.at),
                  fetched: lastReconcile.fetched,
                  changed: lastReconcile.changed,
                }}
              />
            ) : (
              <FormattedMessage
                id="syncHealth.lastReconcile.failed"
                values={{ when: when(lastReconcile.at), error: lastReconcile.error ?? '' }}
              />
            )}
          </dd>
          {lastReconcile?.trigger && (
            <dd className="sync-card__muted">
              {intl.formatMessage(
                { id: reconcileTriggerWords(lastReconcile.trigger).id },
                reconcileTriggerWords(lastReconcile.trigger).values,
              )}
            </dd>
          )}
          {sync.connection === 'connected' && (
            <dd>
              <button
                type="button"
                disabled={reconcile.isPending}
                onClick={() => reconcile.mutate()}
                data-testid="reconcile-now"
              >
                <FormattedMessage
                  id={reconcile.isPending ? 'syncHealth.checking' : 'syncHealth.checkNow'}
                />
              </button>
            </dd>
          )}
          {reconcile.error && <ErrorMessage message={describeError(intl, reconcile.error)} />}
        </div>

        <div
          className={`sync-card sync-card--${attention ? 'bad' : 'ok'}`}
          data-testid="sync-queue"
        >
          <dt>
            <FormattedMessage id="syncHealth.queue" />
          </dt>
          {waiting !== undefined && (
            <dd data-testid="sync-queue-waiting" data-count={waiting}>
              <FormattedMessage id="syncHealth.queue.waiting" values={{ count: waiting }} />
            </dd>
          )}
          {attention !== undefined && (
            <dd data-testid="sync-queue-attention" data-count={attention}>
              <a href={`#${paths.attention}`}>
                <FormattedMessage id="syncHealth.queue.attention" values={{ count: attention }} />
              </a>
            </dd>
          )}
          {sync.heldBookings > 0 && (
            <dd>
              <FormattedMessage id="syncHealth.queue.held" values={{ count: sync.heldBookings }} />
            </dd>
          )}
        </div>
      </dl>
    </section>
  )
}
