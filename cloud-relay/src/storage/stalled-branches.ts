// Reads of stored deliveries the relay's own notifications need (DESIGN.md §8).
//
// The branches no desk is collecting from (relay.delivery_problem, DESIGN.md §8): a branch of a
// business with active devices, whose oldest delivery past the most advanced device's cursor
// arrived before a given time. Judged by the furthest desk, so one desk switched off while
// another works is no problem; keyed by that first waiting delivery, so one stall is one episode.
// Plain SQL that both engines run (epoch milliseconds in integer columns on both).
export const STALLED_BRANCHES_SQL = (param: (n: number) => string) => `
  SELECT d.channel_id AS channel_id, e.seq AS seq, e.received_at AS received_at
  FROM (SELECT channel_id, MAX(cursor) AS cursor FROM devices WHERE revoked_at IS NULL
        GROUP BY channel_id) d
  JOIN business_channels bc ON bc.channel_id = d.channel_id
  JOIN events e ON e.channel_id = d.channel_id
   AND e.seq = (SELECT MIN(x.seq) FROM events x WHERE x.channel_id = d.channel_id AND x.seq > d.cursor)
  WHERE e.received_at <= ${param(1)}
  ORDER BY d.channel_id`

export interface StalledBranch {
  channelId: string
  /** The first delivery no desk has acked. */
  seq: number
  receivedAt: Date
}

export const toStalled = (r: {
  channel_id: string
  seq: number | string
  received_at: number | string
}): StalledBranch => ({
  channelId: r.channel_id,
  seq: Number(r.seq),
  receivedAt: new Date(Number(r.received_at)),
})

/** A stored delivery as the daily summary reads it. */
export interface ReceivedDelivery {
  channelId: string
  seq: number
  contentType: string
  body: Buffer
  receivedAt: Date
}

/** Every branch (channel) of every business, for the relay's daily summaries. */
export const BUSINESS_BRANCHES_SQL = `
  SELECT business_id, channel_id FROM business_channels ORDER BY business_id, joined_at, channel_id`

/** A channel's deliveries received in [from, to), oldest first (index events_received). */
export const RECEIVED_BETWEEN_SQL = (param: (n: number) => string) => `
  SELECT channel_id, seq, content_type, body, received_at FROM events
  WHERE channel_id = ${param(1)} AND received_at >= ${param(2)} AND received_at < ${param(3)}
  ORDER BY seq LIMIT 100000`

export const toReceived = (r: {
  channel_id: string
  seq: number | string
  content_type: string
  body: Buffer | Uint8Array
  received_at: number | string
}): ReceivedDelivery => ({
  channelId: r.channel_id,
  seq: Number(r.seq),
  contentType: r.content_type,
  body: Buffer.from(r.body),
  receivedAt: new Date(Number(r.received_at)),
})
