// Test support: drive the Cal.com sandbox's consent pages with plain HTTP, as a browser's forms
// would (sign in, then Allow), and follow the redirect to the desk's loopback listener.
// freePort lives in the test kit; e2e still imports it from here.
export { freePort } from '../../../../test/support/free-port'

function hiddenFields(html: string): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
    fields[decode(m[1]!)] = decode(m[2]!)
  }
  return fields
}

const decode = (s: string) =>
  s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/**
 * Signs in on the sandbox's authorize page and answers the consent form. Returns the URL the
 * sandbox redirects the browser to (the desk's loopback callback), without following it.
 */
export async function consentInSandbox(
  authorizeUrl: string,
  account: { email: string; password: string },
  decision: 'allow' | 'deny' = 'allow',
): Promise<string> {
  const url = new URL(authorizeUrl)
  const origin = url.origin
  const login = await fetch(`${origin}/auth/oauth2/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      email: account.email,
      password: account.password,
      next: url.search.slice(1),
    }),
    redirect: 'manual',
  })
  if (login.status !== 303) throw new Error(`sandbox sign-in answered ${login.status}`)
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!
  const consent = await fetch(new URL(login.headers.get('location')!, origin), {
    headers: { cookie },
  })
  const html = await consent.text()
  if (consent.status !== 200 || !html.includes('value="allow"')) {
    throw new Error(`sandbox consent page answered ${consent.status}: ${html.slice(0, 200)}`)
  }
  const answer = await fetch(`${origin}/auth/oauth2/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ ...hiddenFields(html), decision }),
    redirect: 'manual',
  })
  if (answer.status !== 303) throw new Error(`sandbox consent answered ${answer.status}`)
  return answer.headers.get('location')!
}
