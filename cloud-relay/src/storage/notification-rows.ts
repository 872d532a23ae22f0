// Rows of the notification tables as both engines return them (bigints arrive as numbers), and
// their mapping to the storage types.
import type { NotificationRules } from '../../../src/shared/notifications/rules.js'
import type { RulesChange } from '../../../src/shared/notifications/rules-diff.js'
import type { ProposalState } from '../../../src/shared/relay/relay-contract.js'
import type {
  NotifyJob,
  NotificationFacts,
  ReportPayload,
  StoredNotification,
  StoredProposal,
} from './notification-types.js'

export interface ProposalRow {
  id: string
  business_id: string
  base_version: number
  doc: string
  changes: string
  proposed_by: string
  device_id: string
  reason: string
  created_at: number
  state: string
  decided_by: string | null
  decided_at: number | null
}

export interface JobRow {
  id: number
  source_key: string
  channel_id: string
  seq: number | null
  report: string | null
  attempts: number
  claim: string
}

export interface NotificationRow {
  id: number
  key: string
  business_id: string
  person_id: string
  channel: string
  kind: string
  branch_id: string | null
  source_key: string
  status: string
  reason: string | null
  leader_id: number | null
  facts: string
  created_at: number
  due_at: number
  attempts: number
  claim: string | null
  sent_at: number | null
  served_seq: number | null
}

export const toProposal = (r: ProposalRow): StoredProposal => ({
  id: r.id,
  businessId: r.business_id,
  baseVersion: r.base_version,
  rules: JSON.parse(r.doc) as NotificationRules,
  changes: JSON.parse(r.changes) as RulesChange[],
  proposedBy: r.proposed_by,
  deviceId: r.device_id,
  reason: r.reason,
  createdAt: new Date(r.created_at),
  state: r.state as ProposalState,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at === null ? null : new Date(r.decided_at),
})

export const toJob = (r: JobRow): NotifyJob => ({
  id: r.id,
  sourceKey: r.source_key,
  channelId: r.channel_id,
  seq: r.seq,
  report: r.report === null ? null : (JSON.parse(r.report) as ReportPayload),
  attempts: r.attempts,
  claim: r.claim,
})

export const toNotification = (r: NotificationRow): StoredNotification => ({
  id: r.id,
  key: r.key,
  businessId: r.business_id,
  personId: r.person_id,
  channel: r.channel as StoredNotification['channel'],
  kind: r.kind as StoredNotification['kind'],
  branchId: r.branch_id,
  sourceKey: r.source_key,
  status: r.status as StoredNotification['status'],
  reason: r.reason,
  leaderId: r.leader_id,
  facts: JSON.parse(r.facts) as NotificationFacts,
  createdAt: new Date(r.created_at),
  dueAt: new Date(r.due_at),
  attempts: r.attempts,
  claim: r.claim,
  sentAt: r.sent_at === null ? null : new Date(r.sent_at),
  servedSeq: r.served_seq,
})

/** Only the document's own fields are stored, whatever else the object passed carries. */
export const rulesText = (r: NotificationRules): string =>
  JSON.stringify({
    kinds: r.kinds,
    quietHours: r.quietHours,
    cancellationPolicies: r.cancellationPolicies,
    branchNames: r.branchNames,
  })
