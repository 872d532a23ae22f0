// Who did it. There is no sign-in at the desk yet, so an action names its desk user in the
// `X-Desk-User` header (a desk_users id); without one the audit row's user is null. A header
// that names no active desk user is refused rather than silently dropped.
import type { DeskUserStore } from './desk-user-store'
import { DeskError } from '../errors/desk-error'

export const DESK_USER_HEADER = 'x-desk-user'

export function resolveDeskUser(users: DeskUserStore, header: string | undefined): number | null {
  if (header === undefined || header === '') return null
  const id = /^\d{1,9}$/.test(header) ? Number(header) : NaN
  if (!Number.isInteger(id) || !users.isActive(id)) {
    throw new DeskError(
      'UNKNOWN_DESK_USER',
      `${DESK_USER_HEADER} must be the id of an active desk user; "${header}" is not one`,
      DESK_USER_HEADER,
    )
  }
  return id
}
