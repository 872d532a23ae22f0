// What the API key field accepts before the desk asks Cal.com about it. Cal.com's keys start
// with `cal_` (`cal_live_…` for live keys, `cal_…` for test keys); Cal.com itself decides
// whether a well-formed key is valid. Problems are codes; the catalogs word them.
import { API_KEY_MAX_LENGTH, type ApiKeyProblem } from '../../../../../shared/api/connect-problems'

export function apiKeyProblem(raw: string): ApiKeyProblem | null {
  const key = raw.trim()
  if (key === '') return 'API_KEY_EMPTY'
  if (/\s/.test(key)) return 'API_KEY_HAS_SPACES'
  if (!key.startsWith('cal_')) return 'API_KEY_NOT_CALCOM'
  if (key.length > API_KEY_MAX_LENGTH) return 'API_KEY_TOO_LONG'
  if (key.length < 12) return 'API_KEY_TOO_SHORT'
  return null
}
