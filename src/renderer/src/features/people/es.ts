import type { CatalogOf } from '../../app/i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'people.signIn.title': '¿Quién está en el mostrador?',
  'people.signIn.intro': 'Elige tu nombre y escribe tu PIN.',
  'people.signIn.people': 'Personas de {business}',
  'people.role.owner': 'Propietario',
  'people.role.admin': 'Administrador',
  'people.role.receptionist': 'Recepcionista',
  'people.pin.label': 'PIN de {name}',
  'people.pin.pad': 'Teclado del PIN',
  'people.pin.clear': 'Borrar',
  'people.pin.backspace': 'Borrar el último dígito',
  'people.pin.submit': 'Entrar',
  'people.pin.busy': 'Comprobando…',
  'people.pin.wrong':
    'Ese PIN no es correcto. {attemptsLeft, plural, one {Queda # intento} other {Quedan # intentos}} antes de que {name} quede bloqueado en este mostrador.',
  'people.pin.locked':
    'Demasiados PIN incorrectos: {name} está bloqueado en este mostrador hasta las {time}. Mientras tanto puede entrar otra persona.',
  'people.signedIn': 'Sesión de {name} ({role})',
  'people.switch': 'Cambiar de persona',
  'people.signOut': 'Cerrar sesión',
  'people.loading': 'Cargando quién puede entrar…',
  'people.none': 'Nadie puede entrar en este mostrador todavía. Pide al propietario que te añada.',
}
