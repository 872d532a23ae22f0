// What notifications say, in English and Spanish: subjects, titles and bodies for one event, a
// burst of one kind, and the morning digest. Times are shown in the branch's zone, labelled.
import type { MessageKind } from '../../../src/shared/notifications/kinds.js'
import type { NotificationKind } from '../../../src/shared/notifications/kinds.js'
import type { DailySummary, RelayProblem } from '../storage/notification-types.js'
import type { BookingFacts } from './classify.js'

export type MessageLanguage = 'en' | 'es'

export const languageOf = (tag: string): MessageLanguage =>
  tag.toLowerCase().startsWith('es') ? 'es' : 'en'

export const KIND_LABELS: Record<MessageLanguage, Record<MessageKind, string>> = {
  en: {
    'booking.created': 'New booking',
    'booking.requested': 'Booking request to confirm',
    'booking.rescheduled': 'Booking rescheduled',
    'booking.cancelled': 'Booking cancelled',
    'booking.late_cancellation': 'Late cancellation',
    'booking.no_show': 'No-show',
    'booking.paid': 'Booking paid',
    'booking.rejected': 'Booking declined',
    'desk.needs_attention': 'A desk needs attention',
    'desk.reconnect_needed': 'A desk must reconnect to Cal.com',
    'relay.delivery_problem': 'Cal.com deliveries have a problem',
    'summary.daily': 'Daily summary',
    'rules.proposal': 'A change of the notification rules waits for your approval',
  },
  es: {
    'booking.created': 'Nueva reserva',
    'booking.requested': 'Solicitud de reserva por confirmar',
    'booking.rescheduled': 'Reserva reprogramada',
    'booking.cancelled': 'Reserva cancelada',
    'booking.late_cancellation': 'Cancelación tardía',
    'booking.no_show': 'No se presentó',
    'booking.paid': 'Reserva pagada',
    'booking.rejected': 'Reserva rechazada',
    'desk.needs_attention': 'Un mostrador necesita atención',
    'desk.reconnect_needed': 'Un mostrador debe volver a conectarse a Cal.com',
    'relay.delivery_problem': 'Problema con las entregas de Cal.com',
    'summary.daily': 'Resumen del día',
    'rules.proposal': 'Un cambio de las reglas de avisos espera su aprobación',
  },
}

export const WORDS = {
  en: {
    branch: 'Branch',
    burst: (n: number, label: string) => `${n} × ${label}`,
    digest: (n: number) => `Your morning digest: ${n} notification${n === 1 ? '' : 's'}`,
    digestIntro: 'Held during quiet hours:',
    footer: 'Sent by Frontdesk under your business’s notification rules.',
    today: (day: string) => `From yesterday’s closing to today’s, ${day}, Cal.com told us of:`,
    sinceDay: (since: string, day: string) =>
      `From the closing on ${since} to today’s, ${day}, Cal.com told us of:`,
    zoneUnknown:
      'Days and times here are UTC: Cal.com has not yet told us this branch’s time zone (it does with the next booking change).',
    quiet: 'no booking changes',
    signaturesFailing: (since: string) =>
      `Since ${since}, deliveries from Cal.com to this branch arrive signed with a secret the relay does not know, so they are refused and their booking changes are not on any desk. Reconnect the branch to Cal.com from a desk (Settings) to set the webhook up again.`,
    notCollecting: (since: string) =>
      `No desk of this branch has collected Cal.com’s news since ${since}: bookings made since then are not on its screen. Check that a desk is on and online.`,
    webhookReenabled: (since: string) =>
      `Cal.com had turned off its webhook to this branch (it does so after deliveries fail), so booking changes stopped reaching the desks as they happen. A desk turned it back on at ${since} and fetches what changed meanwhile at its next check. If this happens again, check that the relay can be reached from the internet.`,
    webhookInactive: (since: string) =>
      `Cal.com has turned off its webhook to this branch (found at ${since}), so booking changes no longer reach the desks as they happen. Reconnect the branch to Cal.com from a desk (Settings: disconnect, then connect) to turn it back on.`,
    webhookMissing: (since: string) =>
      `The Cal.com webhook of this branch is gone (found at ${since}; it was deleted in Cal.com), so booking changes no longer reach the desks as they happen. Reconnect the branch to Cal.com from a desk (Settings: disconnect, then connect) to set it up again.`,
  },
  es: {
    branch: 'Sucursal',
    burst: (n: number, label: string) => `${n} × ${label}`,
    digest: (n: number) => `Su resumen de la mañana: ${n} aviso${n === 1 ? '' : 's'}`,
    digestIntro: 'Retenidos durante las horas de silencio:',
    footer: 'Enviado por Frontdesk según las reglas de avisos de su negocio.',
    today: (day: string) =>
      `Desde el cierre de ayer hasta el de hoy, ${day}, Cal.com nos avisó de:`,
    sinceDay: (since: string, day: string) =>
      `Desde el cierre del ${since} hasta el de hoy, ${day}, Cal.com nos avisó de:`,
    zoneUnknown:
      'Los días y horas aquí son UTC: Cal.com aún no nos ha dicho la zona horaria de esta sucursal (lo hará con el próximo cambio de reservas).',
    quiet: 'ningún cambio de reservas',
    signaturesFailing: (since: string) =>
      `Desde ${since}, las entregas de Cal.com a esta sucursal llegan firmadas con un secreto que el relé no conoce, así que se rechazan y sus cambios de reservas no llegan a ningún mostrador. Vuelva a conectar la sucursal con Cal.com desde un mostrador (Ajustes) para configurar de nuevo el webhook.`,
    notCollecting: (since: string) =>
      `Ningún mostrador de esta sucursal ha recogido las novedades de Cal.com desde ${since}: las reservas hechas desde entonces no están en su pantalla. Compruebe que haya un mostrador encendido y en línea.`,
    webhookReenabled: (since: string) =>
      `Cal.com había desactivado su webhook hacia esta sucursal (lo hace cuando fallan las entregas), así que los cambios de reservas dejaron de llegar a los mostradores al momento. Un mostrador lo volvió a activar el ${since} y recoge lo que cambió entretanto en su próxima comprobación. Si vuelve a pasar, compruebe que el relé sea accesible desde internet.`,
    webhookInactive: (since: string) =>
      `Cal.com ha desactivado su webhook hacia esta sucursal (visto el ${since}), así que los cambios de reservas ya no llegan a los mostradores al momento. Vuelva a conectar la sucursal con Cal.com desde un mostrador (Ajustes: desconectar y conectar) para activarlo de nuevo.`,
    webhookMissing: (since: string) =>
      `El webhook de Cal.com de esta sucursal ya no existe (visto el ${since}; se borró en Cal.com), así que los cambios de reservas ya no llegan a los mostradores al momento. Vuelva a conectar la sucursal con Cal.com desde un mostrador (Ajustes: desconectar y conectar) para configurarlo de nuevo.`,
  },
} as const

export const kindLabel = (kind: MessageKind, lang: MessageLanguage): string =>
  KIND_LABELS[lang][kind]

export const defaultBranchName = (index: number, lang: MessageLanguage): string =>
  `${WORDS[lang].branch} ${index + 1}`

/** `sáb, 1 mar, 10:00 (Europe/Madrid)`: the branch's wall clock, with its zone named. */
export function formatTime(iso: string, zone: string, lang: MessageLanguage): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return iso
  let text: string
  try {
    text = new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', {
      timeZone: zone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(at)
  } catch {
    return formatTime(iso, 'UTC', lang)
  }
  return `${text} (${zone})`
}

/** One event's title and body lines, as a desktop notification and an email show them. */
export function describeEvent(e: {
  kind: MessageKind
  lang: MessageLanguage
  branchName: string
  zone: string
  booking: BookingFacts | null
  summary: string | null
  problem?: RelayProblem | null
  daily?: DailySummary | null
  /** Names a branch of the business (for the daily summary's lines). */
  nameOf?: (branchId: string) => string
}): { title: string; body: string } {
  if (e.daily) return describeDaily(e.daily, e.lang, e.nameOf ?? ((id) => id))
  const title = `${kindLabel(e.kind, e.lang)} · ${e.branchName}`
  const lines: string[] = []
  if (e.booking) {
    const what = [e.booking.title, e.booking.attendee].filter(Boolean).join(' — ')
    if (what) lines.push(what)
    if (e.booking.startTime) lines.push(formatTime(e.booking.startTime, e.zone, e.lang))
  }
  if (e.summary) lines.push(e.summary)
  if (e.problem?.code === 'branch_not_collecting')
    lines.push(WORDS[e.lang].notCollecting(formatTime(e.problem.since, e.zone, e.lang)))
  if (e.problem?.code === 'signatures_failing')
    lines.push(WORDS[e.lang].signaturesFailing(formatTime(e.problem.since, e.zone, e.lang)))
  if (e.problem?.code === 'webhook_disabled') {
    const w = WORDS[e.lang]
    const since = formatTime(e.problem.since, e.zone, e.lang)
    const found = e.problem.webhook
    lines.push(
      found?.finding === 'missing'
        ? w.webhookMissing(since)
        : found?.reenabled
          ? w.webhookReenabled(since)
          : w.webhookInactive(since),
    )
  }
  lines.push(e.branchName)
  return { title, body: lines.join('\n') }
}

/** `lun, 2 mar`: a local calendar day, for the daily summary. */
function formatDay(day: string, lang: MessageLanguage): string {
  const at = new Date(`${day}T12:00:00Z`)
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-ES' : 'en-GB', {
    timeZone: 'UTC',
    weekday: 'short',
    day: 'numeric',
    month: 'short',
  }).format(at)
}

/** The closing summary: one line per branch, its booking changes of the day by kind. */
function describeDaily(
  d: DailySummary,
  lang: MessageLanguage,
  nameOf: (branchId: string) => string,
): { title: string; body: string } {
  const w = WORDS[lang]
  const day = formatDay(d.day, lang)
  // After closed days the summary reaches back to the last open day's closing, and says so.
  const lines = [d.since ? w.sinceDay(formatDay(d.since, lang), day) : w.today(day)]
  for (const b of d.branches) {
    const parts = (Object.entries(b.counts) as [NotificationKind, number][])
      .filter(([, n]) => n > 0)
      .map(([kind, n]) => `${n} × ${kindLabel(kind, lang)}`)
    lines.push(`• ${nameOf(b.branchId)}: ${parts.length ? parts.join(', ') : w.quiet}`)
  }
  if (d.zoneUnknown) lines.push(w.zoneUnknown)
  return { title: `${kindLabel('summary.daily', lang)} · ${day}`, body: lines.join('\n') }
}

export interface MessageItem {
  kind: MessageKind
  title: string
  body: string
}

export interface Email {
  subject: string
  text: string
  html: string
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/**
 * The message for a leader and what joined it: one event, a burst of one kind, or the morning
 * digest of what quiet hours held.
 */
export function groupMessage(
  items: MessageItem[],
  lang: MessageLanguage,
  digest: boolean,
): { title: string; body: string } {
  const first = items[0] as MessageItem
  if (items.length === 1 && !digest) return { title: first.title, body: first.body }
  const w = WORDS[lang]
  const title = digest ? w.digest(items.length) : w.burst(items.length, kindLabel(first.kind, lang))
  const list = items.map((i) => `• ${i.title}\n  ${i.body.split('\n').join('\n  ')}`).join('\n')
  return { title, body: digest ? `${w.digestIntro}\n${list}` : list }
}

export function emailOf(items: MessageItem[], lang: MessageLanguage, digest: boolean): Email {
  const { title, body } = groupMessage(items, lang, digest)
  const w = WORDS[lang]
  const blocks = items
    .map(
      (i) =>
        `<li><strong>${escapeHtml(i.title)}</strong><br>${i.body
          .split('\n')
          .map(escapeHtml)
          .join('<br>')}</li>`,
    )
    .join('')
  const html =
    `<!doctype html><html lang="${lang}"><body>` +
    `<h1 style="font-size:18px">${escapeHtml(title)}</h1>` +
    (digest ? `<p>${escapeHtml(w.digestIntro)}</p>` : '') +
    `<ul>${blocks}</ul><p style="color:#666;font-size:12px">${escapeHtml(w.footer)}</p>` +
    `</body></html>`
  return { subject: title, text: `${body}\n\n${w.footer}\n`, html }
}
