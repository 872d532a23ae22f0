/** The dispatch job of a stored delivery: one per (channel, seq), whatever retries it. */
export const deliveryJobKey = (channelId: string, seq: number): string => `evt:${channelId}:${seq}`

/** Content types of the relay's own events (business changes): they notify no one. */
export const RELAY_OWN_CONTENT_TYPE = 'application/vnd.frontdesk.'
