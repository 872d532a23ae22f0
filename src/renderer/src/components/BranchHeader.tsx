import type { Branch } from '../../../shared/api/schemas'
import type { LiveStatus } from '../api/live-stream'
import type { ConnectState } from '../branch/connect-calcom'
import { ConnectionStatus, type ConnectActions } from './ConnectionStatus'

const LIVE_LABELS: Record<LiveStatus, string> = {
  connecting: 'Connecting to live updates…',
  live: 'Live',
  reconnecting: 'Live updates paused, reconnecting…',
}

interface Props {
  branch: Branch
  liveStatus: LiveStatus
  connect: { state: ConnectState; actions: ConnectActions }
}

export function BranchHeader({ branch, liveStatus, connect }: Props) {
  return (
    <header className="branch-header">
      <div>
        <h1 data-testid="branch-name">{branch.name}</h1>
        <p className="branch-zone" data-testid="branch-zone">
          {branch.timeZone} time
        </p>
      </div>
      <div className="branch-status">
        <ConnectionStatus branch={branch} state={connect.state} actions={connect.actions} />
        <p className={`live live--${liveStatus}`} role="status" data-testid="live-status">
          {LIVE_LABELS[liveStatus]}
        </p>
      </div>
    </header>
  )
}
