// The demo's mailbox (DESIGN.md §8 "the demo runs one and shows its mailbox"): a real SMTP server
// the relay sends the owner's and admins' email to, a page listing what arrived (newest first,
// refreshing itself), and one line per message in the demo's output.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startMailbox, type Mailbox, type ReceivedMail } from '../../cloud-relay/test/mailbox'

export interface DemoMailbox {
  smtpUrl: string
  pageUrl: string
  close(): Promise<void>
}

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

interface Arrived extends ReceivedMail {
  at: Date
}

function page(list: Arrived[]): string {
  const items = [...list]
    .reverse()
    .map(
      (m) => `<li><article>
  <h2>${escapeHtml(m.subject)}</h2>
  <p class="meta">To ${escapeHtml(m.to.join(', '))} · ${m.at.toLocaleTimeString('en-GB')}</p>
  <pre>${escapeHtml(m.text)}</pre>
</article></li>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="refresh" content="5">
<title>Frontdesk demo mailbox (${list.length})</title>
<style>
body{font:16px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:52rem;padding:0 1rem;color:#1a1a1a}
ol{list-style:none;padding:0}li{border:1px solid #bbb;border-radius:8px;padding:.75rem 1rem;margin:.75rem 0}
h2{font-size:1.05rem;margin:0}.meta{color:#555;margin:.2rem 0 .5rem}pre{white-space:pre-wrap;font:inherit;margin:0}
</style></head>
<body><main>
<h1>Mailbox of the demo’s owner and admins</h1>
<p>What the relay emailed, newest first (this page refreshes every 5 seconds). Cancel an
appointment that starts within 48 hours at the desk: it is a late cancellation, and its email
arrives here.</p>
${list.length === 0 ? '<p>No email yet.</p>' : `<ol>\n${items}\n</ol>`}
</main></body></html>`
}

export async function startDemoMailbox(say: (m: ReceivedMail) => void): Promise<DemoMailbox> {
  const arrived: Arrived[] = []
  const mailbox: Mailbox = await startMailbox({
    onMessage: (m) => {
      arrived.push({ ...m, at: new Date() })
      say(m)
    },
  })
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url !== '/' && req.url !== '/index.html')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      return
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(arrived))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    smtpUrl: mailbox.url,
    pageUrl: `http://127.0.0.1:${port}/`,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await mailbox.close()
    },
  }
}
