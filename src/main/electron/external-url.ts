// Which URLs may leave the app for the system browser: http and https only. Anything else
// (file:, javascript:, custom protocol handlers, smb:) could run or open something locally.
const MAX_URL_LENGTH = 2048

export function externalUrlProblem(url: unknown): string | null {
  if (typeof url !== 'string') return 'The URL must be a string.'
  if (url.length > MAX_URL_LENGTH) return `The URL is longer than ${MAX_URL_LENGTH} characters.`
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'The URL is not a valid absolute URL.'
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `Only http and https links open outside the app, not ${parsed.protocol}`
  }
  return null
}

export const isOpenableExternalUrl = (url: unknown): url is string =>
  externalUrlProblem(url) === null
