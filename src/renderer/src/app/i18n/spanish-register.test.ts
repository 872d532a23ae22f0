// The Spanish catalogs speak to the receptionist as "usted" (Elija, Pulse, Escriba, Reenvíelo).
// Errors, validation, sign-in and the team screens said "tú" (Elige, Inténtalo, tu PIN): one
// screen switched register from one line to the next.
import { describe, expect, it } from 'vitest'
import { MESSAGES } from './messages'

// Case matters ("Vuelve a…" asks, "vuelve a como estaba" tells), so a form that opens a sentence
// is listed as it opens one. Words are bounded by letters, not \b: JavaScript's \b is ASCII-only,
// so it saw no end to "tú." and no start to "Él" and let "abrirlo tú" through.
const TU_FORMS = [
  'Elige|elige|Inténtalo|inténtalo|Revisa|Comprueba|Pulsa|Escribe|escribe|Espera|Vuelve a',
  'vuelve a hacer|Conecta primero|reinicia|escribiste|Configura|Puedes|Pide|Pídeselo',
  'Tu|tu|tus|tú|te añada|usas|Usa el enlace|avisarte|permítelos|permítelas|contigo|ti',
  'Ciérralo|conéctate|Conéctalo|pégala',
].join('|')
const TU = new RegExp(`(?<!\\p{L})(${TU_FORMS})(?!\\p{L})`, 'u')
/** The tú preterite ends in -aste / -iste; a few other words do too. */
const TU_PRETERITE = /\p{L}+(?:aste|iste)(?!\p{L})/gu
const NOT_PRETERITE = new Set(['existe', 'consiste', 'insiste', 'resiste', 'triste', 'chiste'])

describe('the Spanish catalogs', () => {
  it('address the receptionist as usted throughout', () => {
    const tu = Object.entries(MESSAGES.es).filter(([, text]) => TU.test(text))
    expect(tu).toEqual([])
  })

  it('use no tú preterite ("cambiaste", "pusiste"): usted says "cambió", "puso"', () => {
    const preterite = Object.entries(MESSAGES.es).filter(([, text]) =>
      [...text.matchAll(TU_PRETERITE)].some(([word]) => !NOT_PRETERITE.has(word.toLowerCase())),
    )
    expect(preterite).toEqual([])
  })

  it('name the owner as the Team screen and sign-in do, "propietario", never "dueño"', () => {
    // Notifications said "Esperando al dueño" of a proposal by a "Propietario"'s admin.
    const dueno = Object.entries(MESSAGES.es).filter(([, text]) => /dueñ[oa]/iu.test(text))
    expect(dueno).toEqual([])
  })

  it('call a walk-in "sin cita previa": "Tipo de cita: Sin cita" read as a contradiction', () => {
    // "Sin citas" (no appointments, on the printed day) is another word.
    const bare = Object.entries(MESSAGES.es).filter(([, text]) =>
      /sin cita(?!s|\p{L}| previa)/iu.test(text),
    )
    expect(bare).toEqual([])
  })
})
