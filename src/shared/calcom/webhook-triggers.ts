// The Cal.com webhook triggers the desk maps (DESIGN.md §3). The relay subscribes each channel's
// webhook to exactly these and the desk's mapping reads exactly these, so one list serves both:
// a trigger added here is subscribed and handled together.
export const DESK_WEBHOOK_TRIGGERS = [
  'BOOKING_CREATED',
  'BOOKING_REQUESTED',
  'BOOKING_RESCHEDULED',
  'BOOKING_CANCELLED',
  'BOOKING_REJECTED',
  'BOOKING_PAID',
  'BOOKING_NO_SHOW_UPDATED',
  'MEETING_ENDED',
] as const

export type DeskWebhookTrigger = (typeof DESK_WEBHOOK_TRIGGERS)[number]
