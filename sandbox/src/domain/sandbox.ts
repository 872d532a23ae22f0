import type { SandboxConfig } from '../config.js'
import { ApiFaults } from './api-faults.js'
import { BookingService } from './bookings.js'
import { SandboxClock } from './clock.js'
import { OAuthService } from './oauth.js'
import { RateLimiter } from './rate-limiter.js'
import { SlotFinder } from './slots.js'
import { SandboxStore } from './store.js'
import { WebhookDispatcher } from './webhooks/dispatcher.js'

/** One running sandbox: its records, clock and services, wired together. */
export class Sandbox {
  readonly store = new SandboxStore()
  readonly clock: SandboxClock
  readonly slots: SlotFinder
  readonly bookings: BookingService
  readonly webhooks: WebhookDispatcher
  readonly oauth: OAuthService
  readonly rateLimiter: RateLimiter
  readonly apiFaults = new ApiFaults()

  constructor(readonly config: SandboxConfig) {
    this.clock = new SandboxClock(config.now)
    const now = () => this.clock.nowMs()
    this.slots = new SlotFinder(this.store, now)
    this.bookings = new BookingService(this.store, this.slots, now)
    this.webhooks = new WebhookDispatcher(this.store, now, () => config.appUrl)
    this.oauth = new OAuthService(this.store, now)
    this.rateLimiter = new RateLimiter(config.rateLimit.windowMs, config.rateLimit.blockMs)
    this.bookings.onChange((change) => this.webhooks.handleChange(change))
  }
}
