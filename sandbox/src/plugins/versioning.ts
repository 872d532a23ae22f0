import type { onRequestHookHandler } from 'fastify'
import { notFound } from '../domain/errors.js'

export const VERSIONS = {
  bookings: '2024-08-13',
  eventTypes: '2024-06-14',
  schedules: '2024-06-11',
  slots: '2024-09-04',
} as const

/**
 * Cal.com routes a missing or other `cal-api-version` to other controllers (REFERENCE.md §1.1).
 * The sandbox implements only the versions in VERSIONS, so any other value answers 404 rather
 * than silently working.
 */
export function requireVersion(version: string): onRequestHookHandler {
  return async (request) => {
    const given = request.headers['cal-api-version']
    if (given !== version) {
      throw notFound(
        `Cannot ${request.method} ${request.url.split('?')[0]} with cal-api-version ${given ?? '(none)'}: this endpoint needs cal-api-version: ${version}`,
      )
    }
  }
}
