// Every feature's catalog, merged per language. Message ids are typed from the English catalogs,
// so a misspelt id fails typecheck (FormatjsIntl.Message below).
import { en as appointmentEn } from '../../features/appointment/en'
import { es as appointmentEs } from '../../features/appointment/es'
import { en as attentionEn } from '../../features/attention/en'
import { es as attentionEs } from '../../features/attention/es'
import { en as bookingEn } from '../../features/booking/en'
import { en as branchesEn } from '../../features/branches/en'
import { es as branchesEs } from '../../features/branches/es'
import { en as clientsEn } from '../../features/clients/en'
import { es as clientsEs } from '../../features/clients/es'
import { es as bookingEs } from '../../features/booking/es'
import { en as dayEn } from '../../features/day/en'
import { es as dayEs } from '../../features/day/es'
import { en as notificationsEn } from '../../features/notifications/en'
import { es as notificationsEs } from '../../features/notifications/es'
import { en as offlineEn } from '../../features/offline/en'
import { en as overviewEn } from '../../features/overview/en'
import { es as overviewEs } from '../../features/overview/es'
import { es as offlineEs } from '../../features/offline/es'
import { en as peopleEn } from '../../features/people/en'
import { es as peopleEs } from '../../features/people/es'
import { en as settingsEn } from '../../features/settings/en'
import { es as settingsEs } from '../../features/settings/es'
import { en as printEn } from '../../features/print/en'
import { es as printEs } from '../../features/print/es'
import { en as syncHealthEn } from '../../features/sync-health/en'
import { es as syncHealthEs } from '../../features/sync-health/es'
import { en as appEn } from '../en'
import { es as appEs } from '../es'
import { en as validationEn } from '../validation/en'
import { es as validationEs } from '../validation/es'
import type { Locale } from './locale'

export const CATALOGS = {
  app: { en: appEn, es: appEs },
  day: { en: dayEn, es: dayEs },
  appointment: { en: appointmentEn, es: appointmentEs },
  booking: { en: bookingEn, es: bookingEs },
  attention: { en: attentionEn, es: attentionEs },
  settings: { en: settingsEn, es: settingsEs },
  offline: { en: offlineEn, es: offlineEs },
  people: { en: peopleEn, es: peopleEs },
  syncHealth: { en: syncHealthEn, es: syncHealthEs },
  print: { en: printEn, es: printEs },
  notifications: { en: notificationsEn, es: notificationsEs },
  clients: { en: clientsEn, es: clientsEs },
  branches: { en: branchesEn, es: branchesEs },
  overview: { en: overviewEn, es: overviewEs },
  validation: { en: validationEn, es: validationEs },
}

const english = {
  ...appEn,
  ...dayEn,
  ...appointmentEn,
  ...bookingEn,
  ...attentionEn,
  ...settingsEn,
  ...offlineEn,
  ...peopleEn,
  ...syncHealthEn,
  ...printEn,
  ...notificationsEn,
  ...clientsEn,
  ...branchesEn,
  ...overviewEn,
  ...validationEn,
}
export type MessageId = keyof typeof english

export const MESSAGES: Record<Locale, Record<MessageId, string>> = {
  en: english,
  es: {
    ...appEs,
    ...dayEs,
    ...appointmentEs,
    ...bookingEs,
    ...attentionEs,
    ...settingsEs,
    ...offlineEs,
    ...peopleEs,
    ...syncHealthEs,
    ...printEs,
    ...notificationsEs,
    ...clientsEs,
    ...branchesEs,
    ...overviewEs,
    ...validationEs,
  },
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId
    }
  }
}
