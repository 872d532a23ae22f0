// City names of the time zones a Cal.com business is likely to be in, as each language writes
// them. Intl has no city names: Intl.DisplayNames knows regions and languages only, and a zone's
// `timeZoneName: 'longGeneric'` is the zone's region of time, not the branch's city ("Eastern
// Time" for Toronto and New York alike, "hora estándar central" for Mexico City, "GMT+00:00" for
// UTC), and its words change with the ICU version Chromium ships. A zone missing here reads as
// its English city from the id (zone-city.ts), which most of these equal in English already.

/** English, only where the id's ASCII drops a mark English writes too. */
export const ENGLISH_CITIES: Readonly<Record<string, string>> = {
  'America/Sao_Paulo': 'São Paulo',
  'America/Bogota': 'Bogotá',
  'America/Asuncion': 'Asunción',
  'America/Cancun': 'Cancún',
  'America/Merida': 'Mérida',
  'America/Mazatlan': 'Mazatlán',
  'America/Argentina/Cordoba': 'Córdoba',
}

/** Spanish, where it differs from the id's English: exonyms and accents. */
export const SPANISH_CITIES: Readonly<Record<string, string>> = {
  ...ENGLISH_CITIES,
  // The Americas
  'America/Mexico_City': 'Ciudad de México',
  'America/New_York': 'Nueva York',
  'America/Los_Angeles': 'Los Ángeles',
  'America/Havana': 'La Habana',
  'America/Panama': 'Panamá',
  'America/Port_of_Spain': 'Puerto España',
  'America/St_Johns': 'San Juan de Terranova',
  'America/Belem': 'Belém',
  'America/Maceio': 'Maceió',
  'America/Cuiaba': 'Cuiabá',
  'America/Araguaina': 'Araguaína',
  // Europe and the Atlantic
  'Europe/London': 'Londres',
  'Europe/Lisbon': 'Lisboa',
  'Europe/Paris': 'París',
  'Europe/Berlin': 'Berlín',
  'Europe/Rome': 'Roma',
  'Europe/Amsterdam': 'Ámsterdam',
  'Europe/Brussels': 'Bruselas',
  'Europe/Zurich': 'Zúrich',
  'Europe/Vienna': 'Viena',
  'Europe/Dublin': 'Dublín',
  'Europe/Stockholm': 'Estocolmo',
  'Europe/Copenhagen': 'Copenhague',
  'Europe/Warsaw': 'Varsovia',
  'Europe/Prague': 'Praga',
  'Europe/Athens': 'Atenas',
  'Europe/Bucharest': 'Bucarest',
  'Europe/Istanbul': 'Estambul',
  'Europe/Moscow': 'Moscú',
  'Europe/Kyiv': 'Kiev',
  'Atlantic/Canary': 'Canarias',
  'Atlantic/Azores': 'Azores',
  // A few others
  'Africa/Cairo': 'El Cairo',
  'Africa/Johannesburg': 'Johannesburgo',
  'Asia/Tokyo': 'Tokio',
  'Asia/Shanghai': 'Shanghái',
  'Asia/Singapore': 'Singapur',
  'Asia/Dubai': 'Dubái',
  'Asia/Seoul': 'Seúl',
  'Asia/Kolkata': 'Calcuta',
  'Asia/Jerusalem': 'Jerusalén',
  'Australia/Sydney': 'Sídney',
  'Pacific/Honolulu': 'Honolulú',
}
