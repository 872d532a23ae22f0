import { useIntl } from 'react-intl'
import type { MessageId } from '../../../app/i18n/messages'
import type { Branch } from '../../../../../shared/api/schemas'
import type { ConnectFlow, ConnectState } from './connect-calcom'
import { ApiKeyForm } from './ApiKeyForm'
import { describeConnectProblem } from './connect-problem-words'

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
  /** False while Cal.com is connected but out of reach (features/offline): the line then names
   * the account without saying "Connected" in green under the banner that says it is not. */
  calcomReachable?: boolean
  /**
   * Shown at the end of the status strip, whose start already says whether Cal.com is reached
   * (app/StatusStrip.tsx): the account is named, in plain colour, without saying it again
   * ("connected", "cannot be reached", "not connected"), so the strip says each thing once and
   * keeps to one line in Spanish too.
   */
  inStrip?: boolean
}

export function ConnectionStatus({
  branch,
  state,
  actions,
  mayConnect = true,
  mayDisconnect = true,
  calcomReachable = true,
  inStrip = false,
}: Props) {
  const intl = useIntl()
  const t = (id: MessageId) => intl.formatMessage({ id })
  const { step, problem } = state
  const problemLine = problem && (
    <p className="connection__problem" role="alert" data-testid="connect-problem">
      {describeConnectProblem(intl, problem)}
    </p>
  )

  if (branch.connection === 'connected') {
    return (
      <div
        className={`connection connection--ok${calcomReachable && !inStrip ? '' : ' connection--unreachable'}`}
        data-testid="connection"
        data-connection="connected"
      >
        <div className="connection__row">
          <p>
            {intl.formatMessage(
              {
                id: inStrip
                  ? 'connect.account'
                  : calcomReachable
                    ? 'connect.connectedAs'
                    : 'connect.accountUnreachable',
              },
              { name: branch.calcomUsername ?? 'none' },
            )}
          </p>
          {mayDisconnect && step.kind !== 'confirm-disconnect' && (
            <button type="button" onClick={() => actions.askDisconnect()}>
              {t('connect.disconnect')}
            </button>
          )}
        </div>
        {step.kind === 'confirm-disconnect' && (
          <div className="connection__panel" role="group" aria-labelledby="disconnect-question">
            <p id="disconnect-question">{t('connect.disconnectQuestion')}</p>
            <div className="connection__row">
              <button
                type="button"
                className="button--danger"
                disabled={step.busy}
                onClick={() => void actions.confirmDisconnect()}
              >
                {t(step.busy ? 'connect.disconnecting' : 'connect.disconnectConfirm')}
              </button>
              <button type="button" autoFocus disabled={step.busy} onClick={() => actions.close()}>
                {t('connect.stayConnected')}
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
      {(reconnect || !inStrip) && (
        <p className="connection__state">
          {t(reconnect ? 'connect.reconnectNeeded' : 'connect.notConnected')}
        </p>
      )}
      {!mayConnect ? null : step.kind === 'waiting' ? (
        <div className="connection__panel" data-testid="connect-waiting">
          <p role="status">{t('connect.waiting')}</p>
          <div className="connection__row">
            <a href={step.authorizeUrl} target="_blank" rel="noopener noreferrer">
              {t('connect.openAgain')}
            </a>
            <button type="button" autoFocus onClick={() => void actions.cancel()}>
              {t('connect.cancel')}
            </button>
          </div>
        </div>
      ) : step.kind === 'api-key' ? (
        <ApiKeyForm
          busy={step.busy}
          error={step.error && describeConnectProblem(intl, step.error)}
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
            {t(
              step.kind === 'starting'
                ? 'connect.opening'
                : reconnect
                  ? 'connect.reconnect'
                  : 'connect.connect',
            )}
          </button>
          <button
            type="button"
            className="button--link"
            disabled={step.kind === 'starting'}
            onClick={() => actions.showApiKeyForm()}
          >
            {t('connect.useApiKey')}
          </button>
        </div>
      )}
      {problemLine}
    </div>
  )
}
