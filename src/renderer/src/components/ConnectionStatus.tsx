import type { Branch } from '../../../shared/api/schemas'

const NOT_WIRED_TITLE = 'Connecting to Cal.com from the desk is not available in this version yet.'

interface Props {
  branch: Pick<Branch, 'connection' | 'calcomUsername'>
  /** Undefined while the connect flow is not wired: the button shows but is disabled. */
  onConnect: (() => void) | undefined
}

export function ConnectionStatus({ branch, onConnect }: Props) {
  if (branch.connection === 'connected') {
    return (
      <p className="connection connection--ok" data-testid="connection">
        Connected to Cal.com{branch.calcomUsername ? ` as ${branch.calcomUsername}` : ''}
      </p>
    )
  }
  const text =
    branch.connection === 'reconnect_needed'
      ? 'Cal.com connection expired: reconnect to keep in sync'
      : 'Not connected to Cal.com'
  return (
    <div className="connection connection--off" data-testid="connection">
      <p>{text}</p>
      <button
        type="button"
        onClick={onConnect}
        disabled={onConnect === undefined}
        title={onConnect === undefined ? NOT_WIRED_TITLE : undefined}
      >
        {branch.connection === 'reconnect_needed' ? 'Reconnect' : 'Connect'}
      </button>
    </div>
  )
}
