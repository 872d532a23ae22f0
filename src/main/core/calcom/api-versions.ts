// Cal.com routes each controller by the `cal-api-version` header (REFERENCE.md §1.1). A missing or
// wrong value silently reaches the legacy controller, so every area names its version here, and a
// deployment can move one area forward (e.g. bookings to 2026-02-25) without a code change.

export const DEFAULT_CALCOM_API_VERSIONS = {
  bookings: '2024-08-13',
  slots: '2024-09-04',
  eventTypes: '2024-06-14',
  schedules: '2024-06-11',
} as const

export type VersionedArea = keyof typeof DEFAULT_CALCOM_API_VERSIONS
export type CalcomApiVersions = Record<VersionedArea, string>

/** The versions to send: the defaults, with any per-area override. */
export function resolveApiVersions(overrides: Partial<CalcomApiVersions> = {}): CalcomApiVersions {
  return { ...DEFAULT_CALCOM_API_VERSIONS, ...overrides }
}
