// The relay's storage contract. Two engines implement it (SQLite, PostgreSQL); the shared test
// suite in cloud-relay/test runs against both, so behaviour never depends on the engine.
import type { BusinessStorage } from './business-types.js'
import type { NotificationStorage } from './notification-types.js'

export interface Channel {
  id: string
  calcomAccountId: string
  /** HMAC secret Cal.com signs deliveries with; never leaves the relay. */
  webhookSecret: string
  calcomWebhookId: string | null
  lastSeq: number
  /** Highest seq removed by retention: a cursor below it can no longer be served. */
  prunedThrough: number
  createdAt: Date
}

export interface Device {
  id: string
  channelId: string
  name: string
  cursor: number
  createdAt: Date
  lastSeenAt: Date | null
  revokedAt: Date | null
}

export interface IncomingDelivery {
  channelId: string
  body: Buffer
  /** sha256 of body, hex: the dedupe key within a channel. */
  bodySha256: string
  contentType: string
  /** Cal.com headers as received (X-Cal-Signature-256, X-Cal-Webhook-Version, …). */
  headers: Record<string, string>
  receivedAt: Date
  /**
   * A desk event's field (`deskFieldOf`, src/shared/relay/desk-events.ts): the channel's desk
   * state takes this delivery as the field's value, in the same commit as the log does.
   */
  deskField?: string
}

export interface IngestResult {
  seq: number
  duplicate: boolean
}

export interface StoredEvent {
  seq: number
  receivedAt: Date
  contentType: string
  body: Buffer
  headers: Record<string, string>
}

export type ReadResult =
  | { ok: true; events: StoredEvent[] }
  /**
   * The cursor cannot be served: it points before what retention kept, or past the channel's
   * last seq (a database restored from an older backup). Resume after `resumeAfter` once resynced.
   */
  | { ok: false; resumeAfter: number }

export interface ChannelSummary {
  id: string
  calcomAccountId: string
  calcomWebhookId: string | null
  lastSeq: number
  prunedThrough: number
  retainedEvents: number
  activeDevices: number
  /** Events after the slowest active device's cursor. */
  backlog: number
  createdAt: Date
}

/** A channel's desk-owned state: per field, the body of the desk event that set it last. */
export interface DeskState {
  /** The channel's last seq in the same read: every desk event up to it is reflected. */
  asOf: number
  /** Oldest first. */
  entries: Array<{ seq: number; body: string }>
}

export interface RetentionPolicy {
  now: Date
  /** Events older than this go regardless of acks. */
  maxAgeMs: number
  /** Acked events stay at least this long. */
  minAgeMs: number
}

export interface RelayStorage {
  readonly engine: 'sqlite' | 'postgres'
  /** The business and its people (DESIGN.md §7). */
  readonly business: BusinessStorage
  /** Notification rules, proposals, dispatch jobs and notifications (DESIGN.md §8). */
  readonly notifications: NotificationStorage
  migrate(): Promise<void>
  ping(): Promise<void>
  close(): Promise<void>

  /**
   * Stores deliveries durably: when the promise resolves, every result survives a crash. A new
   * delivery to a branch of a business also queues its notification job, in the same commit.
   */
  ingest(deliveries: IncomingDelivery[]): Promise<IngestResult[]>
  read(channelId: string, after: number, limit: number): Promise<ReadResult>

  findChannel(channelId: string): Promise<Channel | undefined>
  /** Creates the channel of a Cal.com account, or returns the existing one. */
  channelForAccount(
    calcomAccountId: string,
    fresh: { id: string; webhookSecret: string },
  ): Promise<Channel>
  setChannelWebhook(channelId: string, calcomWebhookId: string): Promise<void>
  listChannels(): Promise<ChannelSummary[]>

  createDevice(d: {
    id: string
    channelId: string
    name: string
    tokenHash: string
  }): Promise<Device>
  /** The active (not revoked) device holding this token hash. */
  deviceByTokenHash(tokenHash: string): Promise<Device | undefined>
  listDevices(channelId: string): Promise<Device[]>
  revokeDevice(deviceId: string): Promise<boolean>
  /** Moves the device's cursor forward (never back); returns the cursor now stored. */
  ack(deviceId: string, seq: number): Promise<number>
  touchDevice(deviceId: string, at: Date): Promise<void>

  /**
   * The channel's desk-owned state (DESIGN.md §9), kept at ingest and never pruned: what a desk
   * that cannot read the whole log starts from.
   */
  deskState(channelId: string): Promise<DeskState>

  /** Applies retention to every channel (the desk state stays); returns how many events were deleted. */
  prune(policy: RetentionPolicy): Promise<number>

  /** Calls back (channelId, lastSeq) whenever events land — from any instance sharing the storage. */
  onEvents(listener: (channelId: string, lastSeq: number) => void): () => void
}
