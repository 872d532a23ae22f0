// A real SMTP server in process (the smtp-server package) that keeps what it receives, decoded
// enough for tests to read: recipient, subject, Message-ID, the text part and the HTML part.
// `npm run demo` runs one too, as the owner's mailbox it shows.
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  to: string[]
  subject: string
  messageId: string
  text: string
  html: string
}

export interface Mailbox {
  url: string
  messages: ReceivedMail[]
  /** The reply to the next DATA commands (`451` temporary, `550` permanent), then accept again. */
  refuseNext(times: number, code: 451 | 550): void
  /**
   * Keeps the next messages (they arrive in `messages`) but withholds the server's reply, as a
   * mail server does while the sender dies; `release()` answers them.
   */
  holdReplies(): void
  release(): void
  /** Resolves once `n` messages have arrived. */
  waitFor(n: number): Promise<ReceivedMail[]>
  close(): Promise<void>
}

const decodeWords = (s: string): string =>
  s.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(
          text
            .replace(/_/g, ' ')
            .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
          'latin1',
        ).toString('utf8'),
  )

const decodeQuotedPrintable = (s: string): string =>
  Buffer.from(
    s
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(parseInt(h, 16))),
    'latin1',
  ).toString('utf8')

function headerOf(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ')
  const m = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)
  return m?.[1]?.trim() ?? ''
}

function partOf(raw: string, type: string): string {
  const start = raw.search(new RegExp(`Content-Type: ${type}`, 'i'))
  if (start < 0) return ''
  const rest = raw.slice(start)
  const headEnd = rest.search(/\r?\n\r?\n/)
  const head = rest.slice(0, headEnd)
  const body = rest.slice(headEnd).replace(/^\r?\n\r?\n/, '')
  const end = body.search(/\r?\n--/)
  const content = end < 0 ? body : body.slice(0, end)
  const enc = headerOf(head, 'Content-Transfer-Encoding').toLowerCase()
  if (enc === 'base64') return Buffer.from(content, 'base64').toString('utf8')
  if (enc === 'quoted-printable') return decodeQuotedPrintable(content)
  return content
}

export async function startMailbox(
  opts: { port?: number; onMessage?: (m: ReceivedMail) => void } = {},
): Promise<Mailbox> {
  const messages: ReceivedMail[] = []
  const waiters: { n: number; resolve: (m: ReceivedMail[]) => void }[] = []
  let refusals: { times: number; code: number } = { times: 0, code: 0 }
  let holding = false
  const held: (() => void)[] = []
  const server = new SMTPServer({
    authOptional: true,
    // A reverse DNS lookup per connection took ~200 ms here and nothing reads its answer.
    disableReverseLookup: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        if (refusals.times > 0) {
          refusals.times -= 1
          const err = Object.assign(new Error('Mailbox says no'), { responseCode: refusals.code })
          callback(err)
          return
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        const headEnd = raw.search(/\r?\n\r?\n/)
        const head = raw.slice(0, headEnd)
        const mail: ReceivedMail = {
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeWords(headerOf(head, 'Subject')),
          messageId: headerOf(head, 'Message-ID'),
          text: partOf(raw, 'text/plain'),
          html: partOf(raw, 'text/html'),
        }
        messages.push(mail)
        opts.onMessage?.(mail)
        for (const w of [...waiters])
          if (messages.length >= w.n) {
            waiters.splice(waiters.indexOf(w), 1)
            w.resolve(messages.slice())
          }
        if (holding) held.push(() => callback())
        else callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuseNext(times, code) {
      refusals = { times, code }
    },
    holdReplies() {
      holding = true
    },
    release() {
      holding = false
      for (const reply of held.splice(0)) reply()
    },
    waitFor(n) {
      if (messages.length >= n) return Promise.resolve(messages.slice())
      return new Promise((resolve) => waiters.push({ n, resolve }))
    },
    close: () => {
      for (const reply of held.splice(0)) reply()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
