import type { CatalogOf } from '../i18n/catalog'
import type { en } from './en'

export const es: CatalogOf<typeof en> = {
  'validation.reason.required': 'Completa {field}.',
  'validation.reason.unknown_field': 'Revise {field}: este formulario no admite ese dato.',
  'validation.reason.too_long':
    'Acorta {field}: admite como máximo {max, plural, one {# carácter} other {# caracteres}}.',
  'validation.reason.too_short':
    'Revise {field}: necesita al menos {min, plural, one {# carácter} other {# caracteres}}.',
  'validation.reason.too_large': 'Revise {field}: puede ser como máximo {max}.',
  'validation.reason.too_small': 'Revise {field}: debe ser al menos {min}.',
  'validation.reason.too_many': 'Revise {field}: elija como máximo {max}.',
  'validation.reason.too_few': 'Revise {field}: elija al menos {min}.',
  'validation.reason.blank': 'Completa {field}: está en blanco.',
  'validation.reason.bad_format': 'Revise {field}: no tiene el formato correcto.',
  'validation.reason.not_an_email': 'Revise {field}: no es una dirección de correo electrónico.',
  'validation.reason.not_a_date': 'Revise {field}: esa fecha u hora no existe.',
  'validation.reason.date_out_of_range':
    'Revise {field}: elija una fecha a no más de {years} años de hoy.',
  'validation.reason.not_allowed_value': 'Revise {field}: elija una de las opciones ofrecidas.',
  'validation.reason.wrong_type': 'Revise {field}: el valor no es del tipo esperado.',
  'validation.reason.bad_text':
    'Revise {field}: contiene un carácter que el mostrador no puede guardar. Vuelva a escribirlo.',
  'validation.reason.not_a_time_zone': 'Revise {field}: no es una zona horaria.',
  'validation.reason.not_available':
    'Revise {field}: esa opción no está disponible en esta sucursal. Elija otra.',
  'validation.reason.needs_letter_or_digit': 'Escriba al menos una letra o un número en {field}.',
  'validation.reason.same_client':
    'Un cliente no se puede fusionar consigo mismo: elija otro cliente.',
  'validation.reason.invalid': 'Revise {field}.',
  'validation.field.name': 'el nombre',
  'validation.field.email': 'el correo electrónico',
  'validation.field.phone': 'el teléfono',
  'validation.field.timeZone': 'la zona horaria',
  'validation.field.notes': 'las notas',
  'validation.field.text': 'la nota',
  'validation.field.reason': 'el motivo',
  'validation.field.start': 'la hora de inicio',
  'validation.field.date': 'la fecha',
  'validation.field.pin': 'el PIN',
  'validation.field.personId': 'quién inicia sesión',
  'validation.field.eventTypeId': 'el servicio',
  'validation.field.staffId': 'la persona del equipo',
  'validation.field.q': 'la búsqueda',
  'validation.field.code': 'el código para unirse',
  'validation.field.from': 'el cliente que se fusiona',
  'validation.field.language': 'el idioma',
  'validation.field.role': 'el rol',
  'validation.field.branches': 'las sucursales',
  'validation.field.windowHours': 'el plazo de cancelación',
  'validation.field.idleSignOutMinutes': 'los minutos antes de cerrar la sesión',
  'validation.field.apiKey': 'la clave de API',
  'validation.field.key': 'el nombre corto de la sucursal',
  'validation.field.state': 'el estado de la visita',
}
