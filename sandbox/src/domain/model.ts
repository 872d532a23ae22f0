// The sandbox's in-memory records. Shapes follow Cal.com's database rows closely enough that
// the API outputs and webhook payloads can be rendered from them.

export type Weekday =
  'Monday' | 'Tuesday' | 'Wednesday' | 'Thursday' | 'Friday' | 'Saturday' | 'Sunday'

export interface Account {
  userId: number
  username: string
  email: string
  name: string
  timeZone: string
  apiKey: string
  password: string
  branchName: string
  defaultScheduleId: number
  weekStart: Weekday
  timeFormat: 12 | 24
}

/** A person who serves clients at a branch; a host of the branch's event types. */
export interface Staff {
  id: number
  accountId: number
  name: string
  email: string
  username: string
  scheduleId: number
}

/**
 * A Cal.com team. Each branch's account owns one whose members are its staff: a business whose
 * several people host the same services is a team in Cal.com, and its memberships are where
 * Cal.com names each member by id, username and name together (`GET /v2/teams/{id}/memberships`).
 */
export interface Team {
  id: number
  name: string
  slug: string
  timeZone: string
  weekStart: Weekday
}

/** `TeamMembershipOutput`'s record: a user's place in a team. */
export interface Membership {
  id: number
  teamId: number
  userId: number
  role: 'OWNER' | 'ADMIN' | 'MEMBER'
  accepted: boolean
}

export interface Availability {
  days: Weekday[]
  startTime: string
  endTime: string
}

export interface Override {
  date: string
  startTime: string
  endTime: string
}

export interface Schedule {
  id: number
  ownerId: number
  name: string
  timeZone: string
  isDefault: boolean
  availability: Availability[]
  overrides: Override[]
}

export type EventLocation =
  | { type: 'address'; address: string; public: boolean }
  | { type: 'integration'; integration: 'cal-video' }
  | { type: 'phone'; phone: string; public: boolean }

export interface EventType {
  id: number
  ownerId: number
  slug: string
  title: string
  description: string
  lengthInMinutes: number
  requiresConfirmation: boolean
  price: number
  currency: string
  minimumBookingNotice: number
  beforeEventBuffer: number
  afterEventBuffer: number
  slotInterval: number | null
  hostIds: number[]
  locations: EventLocation[]
  hidden: boolean
  createdAt: string
}

export type BookingStatus = 'accepted' | 'pending' | 'cancelled' | 'rejected'

export interface BookingAttendee {
  id: number
  name: string
  email: string
  timeZone: string
  language: string
  phoneNumber?: string
  absent: boolean
}

export interface Booking {
  id: number
  uid: string
  accountId: number
  hostId: number
  eventTypeId: number
  title: string
  description: string
  status: BookingStatus
  start: string
  end: string
  attendees: BookingAttendee[]
  guests: string[]
  location: string
  metadata: Record<string, string | number | boolean>
  bookingFieldsResponses: Record<string, unknown>
  absentHost: boolean
  cancellationReason?: string
  cancelledByEmail?: string
  reschedulingReason?: string
  rescheduledByEmail?: string
  rescheduledFromUid?: string
  rescheduledToUid?: string
  rejectionReason?: string
  paid: boolean
  icsUid: string
  iCalSequence: number
  createdAt: string
  updatedAt: string
  creationSource: 'API_V2' | 'WEBAPP'
}

export interface Webhook {
  id: string
  userId: number
  subscriberUrl: string
  triggers: string[]
  active: boolean
  secret: string | null
  payloadTemplate: string | null
  version: string
  createdAt: string
}

export interface OAuthClient {
  clientId: string
  name: string
  redirectUri: string
  clientType: 'PUBLIC' | 'CONFIDENTIAL'
  /** sha256 hex of the secret, for confidential clients */
  secretHash: string | null
  /** Cal.com's review state of a self-service client (REFERENCE.md §5.2) */
  status: OAuthClientStatus
}

export type OAuthClientStatus = 'APPROVED' | 'PENDING' | 'REJECTED'
