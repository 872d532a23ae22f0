import type { Availability, EventLocation, Override, Weekday } from '../domain/model.js'

// The demo business: a hair & colour studio with a branch in Toronto and one in Berlin.
// Each branch is its own Cal.com account; staff are the hosts of the branch's event types.

export interface StaffSeed {
  name: string
  username: string
  availability: Availability[]
  /** days from "today" (branch-local) → override hours; '00:00'-'00:00' is a day off */
  overrides?: Array<{ inDays: number; startTime: string; endTime: string }>
}

export interface EventTypeSeed {
  slug: string
  title: string
  description: string
  lengthInMinutes: number
  requiresConfirmation: boolean
  price: number
  minimumBookingNotice: number
  beforeEventBuffer: number
  afterEventBuffer: number
  slotInterval: number | null
  /** indexes into the branch's staff */
  hosts: number[]
  location: EventLocation
}

export interface BranchSeed {
  key: string
  branchName: string
  username: string
  name: string
  email: string
  timeZone: string
  currency: string
  weekStart: Weekday
  timeFormat: 12 | 24
  openingHours: Availability[]
  staff: StaffSeed[]
  eventTypes: EventTypeSeed[]
}

const weekdays: Weekday[] = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday']
const hours = (days: Weekday[], startTime: string, endTime: string): Availability => ({
  days,
  startTime,
  endTime,
})

function eventTypes(address: string): EventTypeSeed[] {
  return [
    {
      slug: 'haircut',
      title: 'Haircut & style',
      description: 'Wash, cut and blow-dry with one of our stylists.',
      lengthInMinutes: 45,
      requiresConfirmation: false,
      price: 0,
      minimumBookingNotice: 60,
      beforeEventBuffer: 0,
      afterEventBuffer: 15,
      slotInterval: 30,
      hosts: [0, 1, 2, 3],
      location: { type: 'address', address, public: true },
    },
    {
      slug: 'colour-consultation',
      title: 'Colour consultation (video)',
      description: 'A short video call to plan a colour change.',
      lengthInMinutes: 20,
      requiresConfirmation: false,
      price: 0,
      minimumBookingNotice: 120,
      beforeEventBuffer: 0,
      afterEventBuffer: 10,
      slotInterval: 30,
      hosts: [0, 2],
      location: { type: 'integration', integration: 'cal-video' },
    },
    {
      slug: 'full-colour',
      title: 'Full colour',
      description: 'Full colour with toner and style. We confirm each request by hand.',
      lengthInMinutes: 120,
      requiresConfirmation: true,
      price: 0,
      minimumBookingNotice: 24 * 60,
      beforeEventBuffer: 15,
      afterEventBuffer: 15,
      slotInterval: 60,
      hosts: [1, 2],
      location: { type: 'address', address, public: true },
    },
    {
      slug: 'bridal-trial',
      title: 'Bridal hair trial',
      description: 'A full trial of the wedding look. Paid when booking.',
      lengthInMinutes: 90,
      requiresConfirmation: false,
      price: 8500,
      minimumBookingNotice: 48 * 60,
      beforeEventBuffer: 0,
      afterEventBuffer: 30,
      slotInterval: 30,
      hosts: [0, 3],
      location: { type: 'address', address, public: true },
    },
  ]
}

export const BRANCHES: BranchSeed[] = [
  {
    key: 'toronto',
    branchName: 'Toronto — Queen St W',
    username: 'maplevine-toronto',
    name: 'Maple & Vine Toronto',
    email: 'toronto@maplevine.example',
    timeZone: 'America/Toronto',
    currency: 'cad',
    weekStart: 'Sunday',
    timeFormat: 12,
    openingHours: [
      hours(['Tuesday', 'Wednesday', 'Thursday', 'Friday'], '09:00', '19:00'),
      hours(['Saturday'], '09:00', '17:00'),
    ],
    staff: [
      {
        name: 'Ava Thompson',
        username: 'ava-thompson',
        availability: [hours(['Tuesday', 'Wednesday', 'Thursday', 'Friday'], '09:00', '17:00')],
      },
      {
        name: 'Liam Chen',
        username: 'liam-chen',
        availability: [
          hours(['Wednesday', 'Thursday', 'Friday'], '11:00', '19:00'),
          hours(['Saturday'], '09:00', '17:00'),
        ],
        overrides: [{ inDays: 2, startTime: '00:00', endTime: '00:00' }],
      },
      {
        name: 'Sofia Martin',
        username: 'sofia-martin',
        availability: [
          hours(['Tuesday', 'Friday'], '10:00', '18:00'),
          hours(['Saturday'], '09:00', '15:00'),
          hours(['Monday'], '12:00', '18:00'),
        ],
      },
      {
        name: 'Noah Patel',
        username: 'noah-patel',
        availability: [hours(weekdays, '09:00', '15:00')],
        overrides: [{ inDays: 1, startTime: '12:00', endTime: '15:00' }],
      },
    ],
    eventTypes: eventTypes('512 Queen St W, Toronto, ON'),
  },
  {
    key: 'berlin',
    branchName: 'Berlin — Kreuzberg',
    username: 'maplevine-berlin',
    name: 'Maple & Vine Berlin',
    email: 'berlin@maplevine.example',
    timeZone: 'Europe/Berlin',
    currency: 'eur',
    weekStart: 'Monday',
    timeFormat: 24,
    openingHours: [hours(weekdays, '10:00', '20:00'), hours(['Saturday'], '10:00', '16:00')],
    staff: [
      {
        name: 'Lena Fischer',
        username: 'lena-fischer',
        availability: [hours(['Monday', 'Tuesday', 'Wednesday', 'Thursday'], '10:00', '18:00')],
      },
      {
        name: 'Jonas Weber',
        username: 'jonas-weber',
        availability: [
          hours(['Wednesday', 'Thursday', 'Friday'], '12:00', '20:00'),
          hours(['Saturday'], '10:00', '16:00'),
        ],
        overrides: [{ inDays: 3, startTime: '00:00', endTime: '00:00' }],
      },
      {
        name: 'Mia Schneider',
        username: 'mia-schneider',
        availability: [hours(weekdays, '10:00', '16:00')],
      },
    ],
    eventTypes: eventTypes('Oranienstraße 24, 10999 Berlin').map((et) => ({
      ...et,
      // three staff in Berlin: the fourth host index folds onto the first
      hosts: [...new Set(et.hosts.map((h) => h % 3))],
    })),
  },
]

export type OverrideSeed = Override
