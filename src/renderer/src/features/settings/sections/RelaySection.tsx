// The relay this desk pulls Cal.com's news from: its address and whether it answers now.
import { useId } from 'react'
import { FormattedMessage } from 'react-intl'
import type { DeskInfo } from '../../../../../shared/api/desk-info'
import type { SyncHealth } from '../../../../../shared/api/schemas'
import type { MessageId } from '../../../app/i18n/messages'
import { paths } from '../../../app/routes'

function stateWords(state: string): MessageId {
  if (state === 'online') return 'settings.relay.reachable'
  if (state === 'off') return 'settings.relay.off'
  if (state === 'enrolling' || state === 'connecting') return 'settings.relay.starting'
  return 'settings.relay.unreachable'
}

interface Props {
  desk: DeskInfo | undefined
  sync: SyncHealth | undefined
  /** The signed-in person may open sync health. */
  mayReadSync: boolean
}

export function RelaySection({ desk, sync, mayReadSync }: Props) {
  const id = useId()
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
          <p>
            <FormattedMessage id="settings.relay.none" />
          </p>
        )
      ) : (
        <dl className="settings-facts">
          <dt>
            <FormattedMessage id="settings.relay.address" />
          </dt>
          <dd>
            <code>{url}</code>
          </dd>
          {sync && (
            <>
              <dt>
                <FormattedMessage id="settings.relay.state" />
              </dt>
              <dd data-testid="settings-relay-state" data-state={sync.relay.state}>
                <span aria-hidden="true">{sync.relay.state === 'online' ? '● ' : '○ '}</span>
                <FormattedMessage id={stateWords(sync.relay.state)} />
              </dd>
            </>
          )}
        </dl>
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
