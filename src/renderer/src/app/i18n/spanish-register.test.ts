// The Spanish catalogs speak to the receptionist as "usted" (Elija, Pulse, Escriba, Reenvíelo).
// Errors, validation, sign-in and the team screens said "tú" (Elige, Inténtalo, tu PIN): one
// screen switched register from one line to the next.
import { describe, expect, it } from 'vitest'
import { MESSAGES } from './messages'

const TU =
  /\b(Elige|elige|Inténtalo|inténtalo|Revisa|Comprueba|Pulsa|Escribe|escribe|Espera|Vuelve a|vuelve a hacer|Conecta primero|reinicia|escribiste|Configura|Puedes|Pide|tu|tus|tú|te añada|usas|avisarte|permítelos|permítelas|contigo|ti|Ciérralo|conéctate)\b/

describe('the Spanish catalogs', () => {
  it('address the receptionist as usted throughout', () => {
    const tu = Object.entries(MESSAGES.es).filter(([, text]) => TU.test(text))
    expect(tu).toEqual([])
  })
})
