import type { Booking } from './model.js'

export type ListStatus = 'upcoming' | 'recurring' | 'past' | 'cancelled' | 'unconfirmed'
type Order = 'asc' | 'desc'

export interface BookingListQuery {
  status?: ListStatus[]
  attendeeEmail?: string
  attendeeName?: string
  bookingUid?: string
  eventTypeIds?: number[]
  afterStart?: string
  beforeEnd?: string
  afterCreatedAt?: string
  beforeCreatedAt?: string
  afterUpdatedAt?: string
  beforeUpdatedAt?: string
  sortStart?: Order
  sortEnd?: Order
  sortCreated?: Order
  sortUpdatedAt?: Order
  take: number
  skip: number
}

function matchesStatus(b: Booking, status: ListStatus, now: number): boolean {
  const live = b.status === 'accepted' || b.status === 'pending'
  switch (status) {
    case 'upcoming':
      return live && Date.parse(b.end) >= now
    case 'past':
      return live && Date.parse(b.end) < now
    case 'cancelled':
      return b.status === 'cancelled' || b.status === 'rejected'
    case 'unconfirmed':
      return b.status === 'pending' && Date.parse(b.end) >= now
    case 'recurring':
      return false // the sandbox has no recurring bookings
  }
}

const onOrAfter = (value: string, bound?: string) =>
  !bound || Date.parse(value) >= Date.parse(bound)
const onOrBefore = (value: string, bound?: string) =>
  !bound || Date.parse(value) <= Date.parse(bound)

/** Cal.com's GET /v2/bookings filters, sorting and take/skip paging (REFERENCE.md §2.1). */
export function listBookings(all: Booking[], q: BookingListQuery, now: number) {
  const filtered = all.filter(
    (b) =>
      (!q.status?.length || q.status.some((s) => matchesStatus(b, s, now))) &&
      (!q.attendeeEmail ||
        b.attendees.some((a) => a.email.toLowerCase() === q.attendeeEmail?.toLowerCase())) &&
      (!q.attendeeName ||
        b.attendees.some((a) =>
          a.name.toLowerCase().includes(q.attendeeName?.toLowerCase() ?? ''),
        )) &&
      (!q.bookingUid || b.uid === q.bookingUid) &&
      (!q.eventTypeIds?.length || q.eventTypeIds.includes(b.eventTypeId)) &&
      onOrAfter(b.start, q.afterStart) &&
      onOrBefore(b.end, q.beforeEnd) &&
      onOrAfter(b.createdAt, q.afterCreatedAt) &&
      onOrBefore(b.createdAt, q.beforeCreatedAt) &&
      onOrAfter(b.updatedAt, q.afterUpdatedAt) &&
      onOrBefore(b.updatedAt, q.beforeUpdatedAt),
  )
  const sorts: Array<[keyof Booking, Order | undefined]> = [
    ['start', q.sortStart],
    ['end', q.sortEnd],
    ['createdAt', q.sortCreated],
    ['updatedAt', q.sortUpdatedAt],
  ]
  const active = sorts.filter(([, order]) => order)
  if (active.length === 0) active.push(['start', 'asc'])
  filtered.sort((a, b) => {
    for (const [key, order] of active) {
      const diff = Date.parse(a[key] as string) - Date.parse(b[key] as string)
      if (diff !== 0) return order === 'desc' ? -diff : diff
    }
    return a.id - b.id
  })
  const page = filtered.slice(q.skip, q.skip + q.take)
  const totalItems = filtered.length
  const totalPages = Math.ceil(totalItems / q.take)
  const currentPage = Math.floor(q.skip / q.take) + 1
  return {
    items: page,
    pagination: {
      totalItems,
      remainingItems: Math.max(0, totalItems - q.skip - page.length),
      returnedItems: page.length,
      itemsPerPage: q.take,
      currentPage,
      totalPages,
      hasNextPage: q.skip + page.length < totalItems,
      hasPreviousPage: q.skip > 0,
    },
  }
}
