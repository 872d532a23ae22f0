// The branch's Cal.com connection: connect, reconnect, disconnect (with its confirmation), for
// the roles that may; the same flow as the header's, which steps aside while Settings is open.
import { useId } from 'react'
import { FormattedMessage } from 'react-intl'
import type { Branch } from '../../../../../shared/api/schemas'
import type { ConnectState } from '../connect/connect-calcom'
import { ConnectionStatus, type ConnectActions } from '../connect/ConnectionStatus'

export interface ConnectionProps {
  branch: Branch
  state: ConnectState
  actions: ConnectActions
  mayConnect: boolean
  mayDisconnect: boolean
}

export function ConnectionSection(props: ConnectionProps) {
  const id = useId()
  const mayChange = props.branch.connection === 'connected' ? props.mayDisconnect : props.mayConnect
  return (
    <section
      className="settings-section"
      aria-labelledby={`${id}-title`}
      data-testid="settings-connection"
    >
      <h3 id={`${id}-title`}>
        <FormattedMessage id="settings.connection" />
      </h3>
      <p className="settings-muted">
        <FormattedMessage id="settings.connection.intro" />
      </p>
      <ConnectionStatus {...props} />
      {!mayChange && (
        <p className="settings-muted">
          <FormattedMessage id="settings.connection.onlyAdmins" />
        </p>
      )}
    </section>
  )
}
