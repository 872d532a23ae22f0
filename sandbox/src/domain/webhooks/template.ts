import Handlebars from 'handlebars'

export interface WebhookBody {
  body: string
  contentType: 'application/json' | 'application/x-www-form-urlencoded'
}

/** Cal.com's jsonParse: the parsed value, or false when the text is not JSON. */
function jsonParse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return false
  }
}

/**
 * The body Cal.com posts for an enveloped trigger (REFERENCE.md §4.2, §4.5; `sendPayload.ts`):
 * without a template the compact envelope; with one, the Handlebars output over
 * `{...payload, triggerEvent, createdAt}` with `&quot;` put back — re-serialized JSON when the
 * template itself is JSON, otherwise the raw text sent as form-encoded.
 */
export function webhookBody(
  template: string | null,
  triggerEvent: string,
  createdAt: string,
  payload: Record<string, unknown>,
): WebhookBody {
  if (!template) {
    return {
      body: JSON.stringify({ triggerEvent, createdAt, payload }),
      contentType: 'application/json',
    }
  }
  const isJson = Boolean(jsonParse(template))
  const rendered = Handlebars.compile(template)({ ...payload, triggerEvent, createdAt }).replace(
    /&quot;/g,
    '"',
  )
  return isJson
    ? { body: JSON.stringify(jsonParse(rendered)), contentType: 'application/json' }
    : { body: rendered, contentType: 'application/x-www-form-urlencoded' }
}
