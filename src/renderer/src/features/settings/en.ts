// Settings: language, and the Cal.com connection shown in the header.
export const en = {
  'settings.title': 'Settings',
  'settings.language': 'Language',
  'settings.language.system': 'As the computer ({language})',
  'settings.language.en': 'English',
  'settings.language.es': 'Español',
}
