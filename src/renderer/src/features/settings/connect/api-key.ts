// What the API key field accepts before the desk asks Cal.com about it. Cal.com's keys start
// with `cal_` (`cal_live_…` for live keys, `cal_…` for test keys); Cal.com itself decides
// whether a well-formed key is valid.
const MAX_LENGTH = 512

export function apiKeyProblem(raw: string): string | null {
  const key = raw.trim()
  if (key === '') return 'Paste the Cal.com API key first.'
  if (/\s/.test(key))
    return 'An API key has no spaces: paste it again, exactly as Cal.com shows it.'
  if (!key.startsWith('cal_')) {
    return 'This is not a Cal.com API key: those start with cal_ (Cal.com › Settings › Developer › API keys).'
  }
  if (key.length > MAX_LENGTH) return `An API key is at most ${MAX_LENGTH} characters.`
  if (key.length < 12) return 'This API key is too short: paste the whole key.'
  return null
}
