// The web app's OAuth pages: plain HTML, no scripts, so any browser (or Playwright) can drive them.

const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  )

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(title)} | Cal.com sandbox</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;background:#f3f4f6;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border-radius:12px;padding:2rem;max-width:28rem;box-shadow:0 1px 4px #0002}
label{display:block;margin:.75rem 0 .25rem}input,select{width:100%;padding:.5rem;box-sizing:border-box}
button{margin-top:1rem;padding:.6rem 1.2rem;border-radius:6px;border:1px solid #111;cursor:pointer}
button.primary{background:#111;color:#fff}.error{color:#b91c1c}ul{padding-left:1.2rem}small{color:#555}</style>
</head><body><main>${body}</main></body></html>`
}

const hidden = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`)
    .join('')

export function errorPage(title: string, message: string): string {
  return layout(
    title,
    `<h1>${escape(title)}</h1><p class="error" role="alert">${escape(message)}</p>`,
  )
}

export function loginPage(opts: {
  next: string
  error?: string
  accounts: Array<{ email: string; name: string }>
}): string {
  const options = opts.accounts
    .map((a) => `<li>${escape(a.name)} — <code>${escape(a.email)}</code></li>`)
    .join('')
  return layout(
    'Sign in',
    `<h1>Sign in to Cal.com (sandbox)</h1>
${opts.error ? `<p class="error" role="alert">${escape(opts.error)}</p>` : ''}
<form method="post" action="/auth/oauth2/login">
${hidden({ next: opts.next })}
<label for="email">Email</label><input id="email" name="email" type="email" autocomplete="username" required>
<label for="password">Password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button class="primary" type="submit">Sign in</button>
</form>
<p><small>Seeded accounts (password in <code>/_sandbox/state</code>):</small></p><ul>${options}</ul>`,
  )
}

export function consentPage(opts: {
  clientName: string
  accountName: string
  accountEmail: string
  scopes: string[]
  fields: Record<string, string>
}): string {
  const scopes = opts.scopes.length
    ? `<ul>${opts.scopes.map((s) => `<li>${escape(s)}</li>`).join('')}</ul>`
    : '<p>Read your profile and bookings.</p>'
  return layout(
    'Authorize',
    `<h1>${escape(opts.clientName)} would like to access your Cal.com account</h1>
<p>Signed in as <strong>${escape(opts.accountName)}</strong> (${escape(opts.accountEmail)}).</p>
${scopes}
<form method="post" action="/auth/oauth2/authorize">
${hidden(opts.fields)}
<button class="primary" type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</form>`,
  )
}
