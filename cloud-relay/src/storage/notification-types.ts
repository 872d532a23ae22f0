import type { ReceivedDelivery, StalledBranch } from './stalled-branches.js'
// Notification rules, proposals, the dispatch queue and the notifications themselves as the relay
// stores them (DESIGN.md §8). Both engines implement this; the tests run against both.
import type {
  NotificationChannel,
  MessageKind,
  NotificationKind,
  WebhookFinding,
} from '../../../src/shared/notifications/kinds.js'
import type { NotificationRules } from '../../../src/shared/notifications/rules.js'
import type { RulesChange } from '../../../src/shared/notifications/rules-diff.js'
import type {
  BranchClosing,
  NotificationStatus,
  ProposalState,
} from '../../../src/shared/relay/relay-contract.js'
import type { AuditEntry } from './business-types.js'

export interface StoredRules {
  version: number
  rules: NotificationRules
}

export interface StoredProposal {
  id: string
  businessId: string
  baseVersion: number
  rules: NotificationRules
  changes: RulesChange[]
  proposedBy: string
  deviceId: string
  reason: string
  createdAt: Date
  state: ProposalState
  decidedBy: string | null
  decidedAt: Date | null
}

/** A desk-side problem, queued as a job like a delivery. */
/** A problem the relay finds itself, said in each recipient's language (messages.ts). */
export interface RelayProblem {
  /**
   * `signatures_failing`: deliveries to the branch repeatedly fail its secret's signature.
   * `webhook_disabled`: a desk found the branch's Cal.com webhook turned off or gone.
   */
  code: 'branch_not_collecting' | 'signatures_failing' | 'webhook_disabled'
  /**
   * ISO 8601: when the first delivery no desk collected (or the first failing one) arrived; for
   * `webhook_disabled`, when the desk found it.
   */
  since: string
  /** `webhook_disabled`: what the desk found and whether it turned the webhook back on. */
  webhook?: { finding: WebhookFinding; reenabled: boolean }
}

/** What a branch's stored deliveries said on one day: booking changes by kind. */
export interface DailyBranch {
  branchId: string
  counts: Partial<Record<NotificationKind, number>>
}
/** The relay's summary of a branch's day, at its closing (summary.daily). */
export interface DailySummary {
  /** The local day summarised, `YYYY-MM-DD`, in `zone`. */
  day: string
  zone: string
  /**
   * The local day of the closing counted from, when it is not the day before (closed days
   * between, as the branch's desks reported them).
   */
  since?: string
  /** No delivery told the branch's zone yet: the day is UTC's, and the message says so. */
  zoneUnknown?: boolean
  branches: DailyBranch[]
}

/** What a desk last said of its branch's closings (PUT /v1/branch-hours). */
export interface BranchHours {
  zone: string
  days: BranchClosing[]
  reportedAt: Date
}

export interface ReportPayload {
  kind: NotificationKind
  summary: string
  /** summary.daily: the counts, worded per recipient. */
  daily?: DailySummary
  /** Set on the relay's own reports: the summary is then worded per recipient. */
  problem?: RelayProblem
  bookingUid: string | null
  deviceId: string
  at: string
}

/** One unit of dispatch work: a stored delivery (channel, seq) or a desk's report. */
export interface NotifyJob {
  id: number
  sourceKey: string
  channelId: string
  seq: number | null
  report: ReportPayload | null
  /** How many times it was claimed (this claim included). */
  attempts: number
  /** This claim's token: finishing a job whose claim expired and was taken is harmless. */
  claim: string
}

/** What a message says, in the recipient's language, kept so any instance can send it later. */
export interface NotificationFacts {
  title: string
  body: string
  language: string
  email: string
  branchName: string
  bookingUid: string | null
}

export interface NewNotification {
  /** Unique: (source event, person, channel). A second insert of the same key does nothing. */
  key: string
  businessId: string
  personId: string
  channel: NotificationChannel
  kind: MessageKind
  branchId: string | null
  sourceKey: string
  status: 'pending' | 'held' | 'suppressed'
  reason: string | null
  facts: NotificationFacts
  createdAt: Date
  dueAt: Date
  /**
   * > 0: a pending one joins an unsent one of the same person, channel and kind created within
   * this many minutes (it is then `coalesced` into it). Held ones always join the person's digest.
   */
  coalesceMinutes: number
}

export interface StoredNotification {
  id: number
  key: string
  businessId: string
  personId: string
  channel: NotificationChannel
  kind: MessageKind
  branchId: string | null
  sourceKey: string
  status: NotificationStatus
  reason: string | null
  leaderId: number | null
  facts: NotificationFacts
  createdAt: Date
  dueAt: Date
  attempts: number
  claim: string | null
  sentAt: Date | null
  servedSeq: number | null
}

export interface NotificationStorage {
  rules(businessId: string): Promise<StoredRules | undefined>
  /** Stores the next version when the stored one is still `expectedVersion` (0: none yet). */
  saveRules(
    businessId: string,
    expectedVersion: number,
    rules: NotificationRules,
    audit: AuditEntry,
  ): Promise<boolean>
  /** The proposal, its audit row and the owners' notifications of it, in one transaction. */
  addProposal(p: StoredProposal, audit: AuditEntry, notify: NewNotification[]): Promise<void>
  /** Newest first. */
  proposals(businessId: string): Promise<StoredProposal[]>
  /**
   * Applies a pending proposal if its base version is still current (`approved`), else marks it
   * `superseded`; `decided` if it was no longer pending. One transaction, audited.
   */
  approveProposal(
    businessId: string,
    id: string,
    audit: AuditEntry,
  ): Promise<{ outcome: 'approved' | 'superseded' | 'decided' | 'unknown'; version: number }>
  rejectProposal(
    businessId: string,
    id: string,
    audit: AuditEntry,
  ): Promise<{ outcome: 'rejected' | 'decided' | 'unknown'; version: number }>

  /** Branches no desk has collected from since before `receivedBefore` (stalled-branches.ts). */
  stalledBranches(receivedBefore: Date): Promise<StalledBranch[]>
  /** Every business with its branches (channel ids, in the order they joined). */
  businessBranches(): Promise<{ businessId: string; channelIds: string[] }[]>
  /** Replaces what the branch's desks said of its closings (the latest report wins). */
  setBranchHours(channelId: string, hours: BranchHours): Promise<void>
  /** The branch's reported closings; undefined while no desk has reported them. */
  branchHours(channelId: string): Promise<BranchHours | undefined>
  /** A branch's deliveries received in [from, to), oldest first. */
  receivedBetween(channelId: string, from: Date, to: Date): Promise<ReceivedDelivery[]>
  /** Queues a desk report; false when its key was queued before. */
  enqueueReport(
    sourceKey: string,
    channelId: string,
    report: ReportPayload,
    at: Date,
  ): Promise<boolean>
  /** Claims up to `limit` jobs nobody holds (or whose claim expired) until `now + leaseMs`. */
  claimJobs(now: Date, leaseMs: number, limit: number): Promise<NotifyJob[]>
  /** Writes the job's notifications (each key once, ever) and marks the job done, in one transaction. */
  finishJob(job: NotifyJob, notifications: NewNotification[]): Promise<void>
  /** Leaves the job for another try at `retryAt`. */
  retryJob(job: NotifyJob, retryAt: Date, error: string): Promise<void>
  pendingJobs(): Promise<number>
  /** Deletes jobs done before `before`; returns how many. */
  pruneJobs(before: Date): Promise<number>

  /** Claims due, unsent leaders (pending or held) until `now + leaseMs`. */
  claimDue(now: Date, leaseMs: number, limit: number): Promise<StoredNotification[]>
  /** The notifications coalesced into a leader (a burst, or a digest). */
  followers(leaderId: number): Promise<StoredNotification[]>
  /** Sent (desktop ones get their place in the served order); false if the claim was lost. */
  markSent(n: StoredNotification, at: Date): Promise<boolean>
  /**
   * Email only, committed before the message goes to SMTP: the row is `sending` under this claim
   * (the attempt). False if the claim was lost: then it must not be sent.
   */
  markSending(n: StoredNotification): Promise<boolean>
  /** After an SMTP failure: back to what it was (`n.status`, pending or held), due at `dueAt`. */
  markRetry(n: StoredNotification, dueAt: Date, error: string): Promise<void>
  /**
   * Emails left `sending` by a claim that expired (its instance died between the hand-over to
   * SMTP and recording the outcome) become `uncertain` (`crashed_mid_send`), never sent again:
   * the owner sees them in the history. Returns them.
   */
  settleCrashed(now: Date): Promise<StoredNotification[]>
  markFailed(n: StoredNotification, reason: string): Promise<void>

  setDesktop(personId: string, deviceId: string, enabled: boolean, at: Date): Promise<void>
  desktopPeople(deviceId: string): Promise<string[]>
  /** Sent desktop notifications of these people after the served seq `after`. */
  desktop(personIds: string[], after: number, limit: number): Promise<StoredNotification[]>
  /** Newest first. */
  history(businessId: string, limit: number): Promise<StoredNotification[]>
}
