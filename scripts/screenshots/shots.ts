// The README's pictures of the front desk, each a file docs/screenshots/<name>.png made by
// `npm run screenshots` (main.ts). Listed apart from the script, so a test can hold the files and
// the README to this list without starting a browser.
export type Screen =
  | 'day-grid'
  | 'appointment-drawer'
  | 'new-booking'
  | 'offline'
  | 'sync-health'
  | 'settings'
  | 'notification-settings'
  | 'cancellation-policies'
  | 'client-card'
  | 'sign-in'
  | 'team'
  | 'overview'
  | 'branch-switcher'

export interface Shot {
  name: string
  screen: Screen
  width: number
  height: number
  /** The OS language the page is opened with: the desk speaks it. */
  locale: 'en-GB' | 'es-ES'
}

export const SCREENSHOT_DIR = 'docs/screenshots'

// The two screens a branch desk most often has: a 1366×768 laptop and a 1920×1080 monitor.
const SIZES = [
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
] as const
const SCREENS: Screen[] = ['day-grid', 'appointment-drawer', 'new-booking', 'offline']

export const SHOTS: Shot[] = [
  ...SCREENS.flatMap((screen) =>
    SIZES.map((size) => ({
      name: `${screen}-${size.width}`,
      screen,
      ...size,
      locale: 'en-GB' as const,
    })),
  ),
  { name: 'day-grid-es-1366', screen: 'day-grid', width: 1366, height: 768, locale: 'es-ES' },
  { name: 'sync-health-1366', screen: 'sync-health', width: 1366, height: 768, locale: 'en-GB' },
  { name: 'settings-1366', screen: 'settings', width: 1366, height: 768, locale: 'en-GB' },
  // Last of the online shots: it adds an alert and a note, which the pictures above leave out.
  { name: 'client-card-1366', screen: 'client-card', width: 1366, height: 768, locale: 'en-GB' },
  // Once the business is set up: the notification rules, who is at the desk, the owner's Team.
  {
    name: 'notification-settings-1366',
    screen: 'notification-settings',
    width: 1366,
    height: 768,
    locale: 'en-GB',
  },
  {
    name: 'cancellation-policies-1366',
    screen: 'cancellation-policies',
    width: 1366,
    height: 768,
    locale: 'en-GB',
  },
  { name: 'sign-in-1366', screen: 'sign-in', width: 1366, height: 768, locale: 'en-GB' },
  { name: 'team-1366', screen: 'team', width: 1366, height: 768, locale: 'en-GB' },
  // The owner's app holding both sandbox branches (owner-shots.ts).
  { name: 'overview-1366', screen: 'overview', width: 1366, height: 768, locale: 'en-GB' },
  { name: 'overview-es-1366', screen: 'overview', width: 1366, height: 768, locale: 'es-ES' },
  {
    name: 'branch-switcher-1366',
    screen: 'branch-switcher',
    width: 1366,
    height: 768,
    locale: 'en-GB',
  },
  {
    name: 'branch-switcher-es-1366',
    screen: 'branch-switcher',
    width: 1366,
    height: 768,
    locale: 'es-ES',
  },
]

/** The screens of the owner's app with two branches, taken in a world of their own. */
export const OWNER_APP_SCREENS: Screen[] = ['overview', 'branch-switcher']

export const fileOf = (shot: Shot) => `${SCREENSHOT_DIR}/${shot.name}.png`
