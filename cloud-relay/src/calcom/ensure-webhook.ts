import { DESK_WEBHOOK_TRIGGERS } from '../../../src/shared/calcom/webhook-triggers.js'
import { CalcomError, type CalcomClient } from './calcom-client.js'

/**
 * Makes sure exactly one Cal.com webhook of the account points at the channel's URL, active,
 * with the booking triggers and the channel's secret: creates it, or finds it and re-activates
 * it (also resetting its secret, so a webhook left by an earlier relay database still verifies).
 */
export async function ensureWebhook(
  calcom: CalcomClient,
  subscriberUrl: string,
  secret: string,
): Promise<string> {
  const find = async (): Promise<string | undefined> =>
    (await calcom.listWebhooks()).find((w) => w.subscriberUrl === subscriberUrl)?.id
  let id = await find()
  if (id === undefined) {
    try {
      return (
        await calcom.createWebhook({ subscriberUrl, triggers: [...DESK_WEBHOOK_TRIGGERS], secret })
      ).id
    } catch (err) {
      // Another enrollment of the same account created it first.
      if (!(err instanceof CalcomError && err.kind === 'conflict')) throw err
      id = await find()
      if (id === undefined) throw err
    }
  }
  await calcom.updateWebhook(id, { triggers: [...DESK_WEBHOOK_TRIGGERS], secret })
  return id
}
