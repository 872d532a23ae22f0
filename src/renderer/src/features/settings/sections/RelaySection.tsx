// The relay this desk pulls Cal.com's news from, as a receptionist reads it: connected, or not
// reachable since when, or not set up (relay-words.ts), named as sync health names it. Its raw
// address stays in the technical details (and the host's tooltip) for whoever looks after it.
import { useId } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { DeskInfo } from '../../../../../shared/api/desk-info'
import type { SyncHealth } from '../../../../../shared/api/schemas'
import { paths } from '../../../app/routes'
import { relayStateWords } from './relay-words'

interface Props {
  desk: DeskInfo | undefined
  sync: SyncHealth | undefined
  /** The signed-in person may open sync health. */
  mayReadSync: boolean
  /** The branch's zone, for the time the relay was lost; the computer's when not known yet. */
  timeZone: string | undefined
  now: Date
}

export function RelaySection({ desk, sync, mayReadSync, timeZone, now }: Props) {
  const id = useId()
  const intl = useIntl()
  const url = desk?.relayUrl ?? sync?.relay.url ?? null
  return (
    <section
      className="settings-section"
      aria-labelledby={`${id}-title`}
      data-testid="settings-relay"
    >
      <h3 id={`${id}-title`}>
        <FormattedMessage id="settings.relay" />
      </h3>
      <p className="settings-muted">
        <FormattedMessage id="settings.relay.intro" />
      </p>
      {url === null ? (
        desk && (
          <p data-testid="settings-relay-state" data-state="none">
            <FormattedMessage id="settings.relay.none" />
          </p>
        )
      ) : (
        <>
          {sync && (
            <p
              className="settings-relay-state"
              data-testid="settings-relay-state"
              data-state={sync.relay.state}
              title={url}
            >
              <span aria-hidden="true">{sync.relay.state === 'online' ? '● ' : '○ '}</span>
              <FormattedMessage
                {...relayStateWords(sync.relay, url, { now, timeZone, locale: intl.locale })}
              />
            </p>
          )}
          <details className="settings-details">
            <summary>
              <FormattedMessage id="settings.relay.details" />
            </summary>
            <dl className="settings-facts">
              <dt>
                <FormattedMessage id="settings.relay.address" />
              </dt>
              <dd>
                <code data-testid="settings-relay-address">{url}</code>
              </dd>
            </dl>
          </details>
        </>
      )}
      {mayReadSync && (
        <p>
          <a href={`#${paths.syncHealth}`}>
            <FormattedMessage id="settings.relay.health" />
          </a>
        </p>
      )}
    </section>
  )
}
