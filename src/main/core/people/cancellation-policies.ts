// The cancellation policy of an appointment's service at this branch (DESIGN.md §8), from the
// desk's copy of its business: what the receptionist reads out, and whether cancelling now is
// late, by the same rule the relay uses to send booking.late_cancellation.
import { isLateCancellation, policyFor } from '../../../shared/cancellation/late-cancellation'
import type { EventTypeStore } from '../event-types/event-type-store'
import type { BusinessStore } from './business-store'

export interface ServicePolicy {
  windowHours: number
  text: string
}

export interface PolicyOptions {
  business: BusinessStore
  eventTypes: EventTypeStore
  /** This branch's relay channel: the business names branches by it. Null before enrolling. */
  channelId: () => string | null
}

export class CancellationPolicies {
  constructor(private readonly o: PolicyOptions) {}

  /** The policy of the appointment's service here, or null when it has none (or no business). */
  of(a: { branchId: number; eventTypeId: number | null }): ServicePolicy | null {
    return this.reader()(a)
  }

  /** `of` for many appointments at once: the business copy's policies are read a single time. */
  reader(): (a: { branchId: number; eventTypeId: number | null }) => ServicePolicy | null {
    const channelId = this.o.channelId()
    const policies = channelId === null ? [] : this.o.business.cancellationPolicies()
    return (a) => {
      if (channelId === null || a.eventTypeId === null) return null
      const eventType = this.o.eventTypes.byId(a.branchId, a.eventTypeId)
      if (!eventType) return null
      const p = policyFor(policies, channelId, eventType.calcomId)
      return p ? { windowHours: p.windowHours, text: p.text } : null
    }
  }

  /** The window this cancellation falls inside, or null when it is on time or has no policy. */
  lateness(
    a: { branchId: number; eventTypeId: number | null; startsAt: number },
    cancelledAt: number,
  ): { windowHours: number } | null {
    const policy = this.of(a)
    if (!policy) return null
    const late = isLateCancellation({
      startsAt: a.startsAt,
      cancelledAt,
      windowHours: policy.windowHours,
    })
    return late ? { windowHours: policy.windowHours } : null
  }
}
