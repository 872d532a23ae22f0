// The short-lived listener Cal.com redirects the browser to (DESIGN.md §4.4):
// http://127.0.0.1:<port>/callback. It only answers a redirect that carries the state this desk
// sent, shows a small page the person can read, and closes after the first valid callback or
// after 5 minutes, whichever comes first.
import { timingSafeEqual } from 'node:crypto'
import { createServer, type Server } from 'node:http'

export const CALLBACK_PATH = '/callback'
export const LOOPBACK_TIMEOUT_MS = 5 * 60_000

export class OAuthPortBusyError extends Error {
  override readonly name = 'OAuthPortBusyError'
  constructor(readonly port: number) {
    super(
      `Port ${port} on 127.0.0.1 is in use by another program, so Cal.com cannot send the sign-in back to Frontdesk. Close that program (or set FRONTDESK_OAUTH_REDIRECT_PORT to the port registered with Cal.com) and try again.`,
    )
  }
}

export type LoopbackOutcome =
  | { kind: 'callback'; connected: boolean; message: string }
  | { kind: 'timeout' }
  | { kind: 'cancelled' }

export interface LoopbackListener {
  redirectUri: string
  /** Settles once: first valid callback handled, timeout, or cancel. */
  outcome: Promise<LoopbackOutcome>
  cancel(): Promise<void>
}

export interface LoopbackOptions {
  port: number
  state: string
  timeoutMs?: number
  /** Handles the valid callback (exchange + connect); its message is shown on the page. */
  handle(params: URLSearchParams): Promise<{ connected: boolean; message: string }>
}

const sameState = (a: string | null, b: string): boolean => {
  if (a === null) return false
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:32rem;margin:15vh auto;padding:0 1rem;color:#1d2433}h1{font-size:1.4rem}</style>
</head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`
}

export async function startLoopbackListener(opts: LoopbackOptions): Promise<LoopbackListener> {
  let settle!: (o: LoopbackOutcome) => void
  const outcome = new Promise<LoopbackOutcome>((resolve) => (settle = resolve))
  let done = false
  let handling = false

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const send = (status: number, title: string, text: string) => {
      res.writeHead(status, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'referrer-policy': 'no-referrer',
        'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      })
      res.end(page(title, text))
    }
    if (req.method !== 'GET' || url.pathname !== CALLBACK_PATH) {
      return send(404, 'Not found', 'Nothing here.')
    }
    if (done || handling || !sameState(url.searchParams.get('state'), opts.state)) {
      return send(
        400,
        'This sign-in did not come from Frontdesk',
        'The answer does not match the sign-in Frontdesk started, so it was ignored. Start the connection again from Frontdesk.',
      )
    }
    handling = true
    opts.handle(url.searchParams).then(
      (result) => {
        send(
          result.connected ? 200 : 400,
          result.connected ? 'You can return to Frontdesk' : 'Frontdesk is not connected',
          result.message,
        )
        finish({ kind: 'callback', ...result })
      },
      (err: unknown) => {
        const message = `Something went wrong while connecting: ${(err as Error).message}`
        send(500, 'Frontdesk is not connected', message)
        finish({ kind: 'callback', connected: false, message })
      },
    )
  })

  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()))
  const timer = setTimeout(() => finish({ kind: 'timeout' }), opts.timeoutMs ?? LOOPBACK_TIMEOUT_MS)
  timer.unref()

  function finish(o: LoopbackOutcome): void {
    if (done) return
    done = true
    clearTimeout(timer)
    server.close()
    server.closeIdleConnections()
    settle(o)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(
        err.code === 'EADDRINUSE' || err.code === 'EACCES'
          ? new OAuthPortBusyError(opts.port)
          : err,
      )
    })
    server.listen(opts.port, '127.0.0.1', () => resolve())
  })

  return {
    redirectUri: `http://127.0.0.1:${opts.port}${CALLBACK_PATH}`,
    outcome,
    async cancel() {
      finish({ kind: 'cancelled' })
      server.closeAllConnections()
      await closed
    },
  }
}
