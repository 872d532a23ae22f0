import type { Branch } from '../../../../../shared/api/schemas'
import type { ConnectFlow, ConnectState } from './connect-calcom'
import { ApiKeyForm } from './ApiKeyForm'

export type ConnectActions = Pick<
  ConnectFlow,
  | 'startOAuth'
  | 'cancel'
  | 'showApiKeyForm'
  | 'close'
  | 'submitApiKey'
  | 'askDisconnect'
  | 'confirmDisconnect'
>

interface Props {
  branch: Pick<Branch, 'connection' | 'calcomUsername'>
  state: ConnectState
  actions: ConnectActions
  /** The signed-in person's role may connect / disconnect (hidden otherwise). */
  mayConnect?: boolean
  mayDisconnect?: boolean
}

export function ConnectionStatus({
  branch,
  state,
  actions,
  mayConnect = true,
  mayDisconnect = true,
}: Props) {
  const { step, problem } = state
  const problemLine = problem && (
    <p className="connection__problem" role="alert" data-testid="connect-problem">
      {problem}
    </p>
  )

  if (branch.connection === 'connected') {
    return (
      <div
        className="connection connection--ok"
        data-testid="connection"
        data-connection="connected"
      >
        <div className="connection__row">
          <p>Connected to Cal.com{branch.calcomUsername ? ` as ${branch.calcomUsername}` : ''}</p>
          {mayDisconnect && step.kind !== 'confirm-disconnect' && (
            <button type="button" onClick={() => actions.askDisconnect()}>
              Disconnect
            </button>
          )}
        </div>
        {step.kind === 'confirm-disconnect' && (
          <div className="connection__panel" role="group" aria-labelledby="disconnect-question">
            <p id="disconnect-question">
              Disconnect from Cal.com? Syncing stops; the appointments stay on this desk.
            </p>
            <div className="connection__row">
              <button
                type="button"
                className="button--danger"
                disabled={step.busy}
                onClick={() => void actions.confirmDisconnect()}
              >
                {step.busy ? 'Disconnecting…' : 'Yes, disconnect'}
              </button>
              <button type="button" autoFocus disabled={step.busy} onClick={() => actions.close()}>
                Stay connected
              </button>
            </div>
          </div>
        )}
        {problemLine}
      </div>
    )
  }

  const reconnect = branch.connection === 'reconnect_needed'
  return (
    <div
      className="connection connection--off"
      data-testid="connection"
      data-connection={branch.connection}
    >
      <p className="connection__state">
        {reconnect
          ? 'Reconnect needed: Cal.com no longer accepts this desk’s sign-in'
          : 'Not connected to Cal.com'}
      </p>
      {!mayConnect ? null : step.kind === 'waiting' ? (
        <div className="connection__panel" data-testid="connect-waiting">
          <p role="status">Waiting for you to allow Frontdesk in Cal.com…</p>
          <div className="connection__row">
            <a href={step.authorizeUrl} target="_blank" rel="noopener noreferrer">
              Open the Cal.com sign-in again
            </a>
            <button type="button" autoFocus onClick={() => void actions.cancel()}>
              Cancel
            </button>
          </div>
        </div>
      ) : step.kind === 'api-key' ? (
        <ApiKeyForm
          busy={step.busy}
          error={step.error}
          onSubmit={(key) => void actions.submitApiKey(key)}
          onCancel={() => actions.close()}
        />
      ) : (
        <div className="connection__row">
          <button
            type="button"
            className="button--primary"
            disabled={step.kind === 'starting'}
            onClick={() => void actions.startOAuth()}
          >
            {step.kind === 'starting' ? 'Opening Cal.com…' : reconnect ? 'Reconnect' : 'Connect'}
          </button>
          <button
            type="button"
            className="button--link"
            disabled={step.kind === 'starting'}
            onClick={() => actions.showApiKeyForm()}
          >
            Use an API key instead
          </button>
        </div>
      )}
      {problemLine}
    </div>
  )
}
