import type { CatalogOf } from '../../app/i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'settings.title': 'Ajustes',
  'settings.language': 'Idioma',
  'settings.language.system': 'Como el ordenador ({language})',
  'settings.language.en': 'English',
  'settings.language.es': 'Español',
}
