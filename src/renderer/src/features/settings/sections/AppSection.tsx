// This app: its version and where its update check stands. Only the installed (Electron) app
// updates itself; a browser on the headless desk says so.
import { useQuery } from '@tanstack/react-query'
import { useId } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { DeskBridge } from '../../../../../shared/domain/desk-bridge'
import type { UpdateState } from '../../../../../shared/domain/desk-ipc'

type UpdateSource = Pick<DeskBridge, 'updateState'> | undefined

/** The preload's bridge when the page runs in the installed app. */
export function appBridge(): UpdateSource {
  const bridge = (window as { frontdesk?: Partial<DeskBridge> }).frontdesk
  return bridge && typeof bridge.updateState === 'function'
    ? (bridge as Pick<DeskBridge, 'updateState'>)
    : undefined
}

export function UpdateWords({ update }: { update: UpdateState }) {
  switch (update.state) {
    case 'not-packaged':
      return <FormattedMessage id="settings.updates.notPackaged" />
    case 'checking':
      return <FormattedMessage id="settings.updates.checking" />
    case 'up-to-date':
      return <FormattedMessage id="settings.updates.upToDate" />
    case 'downloading':
      return (
        <FormattedMessage id="settings.updates.downloading" values={{ version: update.version }} />
      )
    case 'ready':
      return <FormattedMessage id="settings.updates.ready" values={{ version: update.version }} />
    case 'failed':
      return <FormattedMessage id="settings.updates.failed" />
  }
}

export function AppSection({
  version,
  bridge,
}: {
  version: string | undefined
  bridge: UpdateSource
}) {
  const id = useId()
  const intl = useIntl()
  const update = useQuery({
    queryKey: ['update-state'],
    queryFn: () => bridge!.updateState(),
    enabled: bridge !== undefined,
    // The check moves on by itself (checking → downloading → ready) while Settings is open.
    refetchInterval: 5_000,
  })
  return (
    <section
      className="settings-section"
      aria-labelledby={`${id}-title`}
      data-testid="settings-app"
    >
      <h3 id={`${id}-title`}>
        <FormattedMessage id="settings.app" />
      </h3>
      <dl className="settings-facts">
        <dt>
          <FormattedMessage id="settings.app.version" />
        </dt>
        <dd data-testid="settings-version">{version ?? '…'}</dd>
        <dt>
          <FormattedMessage id="settings.app.updates" />
        </dt>
        <dd data-testid="settings-updates">
          {!bridge ? (
            <FormattedMessage id="settings.updates.browser" />
          ) : update.data ? (
            <UpdateWords update={update.data} />
          ) : update.error ? (
            intl.formatMessage({ id: 'settings.updates.failed' })
          ) : (
            <FormattedMessage id="settings.updates.checking" />
          )}
        </dd>
      </dl>
    </section>
  )
}
