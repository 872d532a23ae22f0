// Email over SMTP with nodemailer (RELAY_SMTP_URL). Only the outcome is reported: a permanent
// refusal (5xx, a bad address) is recorded for the owner, anything else is retried.
import nodemailer from 'nodemailer'
import type { Email } from './messages.js'

export type SendOutcome = { ok: true } | { ok: false; permanent: boolean; reason: string }

export interface Mailer {
  send(to: string, email: Email, messageId: string): Promise<SendOutcome>
  close(): void
}

interface SmtpError {
  responseCode?: number
  response?: string
  code?: string
  message?: string
}

/**
 * A pooled transport unless the URL says otherwise: a few SMTP connections kept open and reused,
 * so an email costs one message on a warm connection rather than a whole SMTP session (measured
 * in bench/relay-notify.ts). Query parameters of RELAY_SMTP_URL (`?pool=false`,
 * `maxConnections=`) win.
 */
export function pooledUrl(smtpUrl: string, connections: number): string {
  const url = new URL(smtpUrl)
  if (!url.searchParams.has('pool')) url.searchParams.set('pool', 'true')
  if (!url.searchParams.has('maxConnections'))
    url.searchParams.set('maxConnections', String(connections))
  return url.toString()
}

export function smtpMailer(smtpUrl: string, from: string, connections = 5): Mailer {
  const transport = nodemailer.createTransport(pooledUrl(smtpUrl, connections))
  return {
    async send(to, email, messageId) {
      try {
        await transport.sendMail({
          from,
          to,
          subject: email.subject,
          text: email.text,
          html: email.html,
          // The same notification always has the same Message-ID: should a crash after the
          // server's 250 make us send again, mail clients see one message.
          messageId,
        })
        return { ok: true }
      } catch (err) {
        const e = err as SmtpError
        const code = e.responseCode
        const permanent = code !== undefined && code >= 500 && code < 600
        const reason = code
          ? `SMTP ${code}: ${(e.response ?? '').slice(0, 200)}`
          : `${e.code ?? 'ERROR'}: ${(e.message ?? String(err)).slice(0, 200)}`
        return { ok: false, permanent, reason }
      }
    },
    close: () => transport.close(),
  }
}
