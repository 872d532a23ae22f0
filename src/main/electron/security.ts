// Locks down every web page the app shows (in the spirit of Actual Budget's security.ts and
// Electron's security checklist): the app's own origin — the local API — and nothing else.
import { app, shell, type Session, type WebContents } from 'electron'
import { isOpenableExternalUrl } from './external-url'

/**
 * The page's Content-Security-Policy. The same policy sits in index.html as a meta tag; the
 * header adds what a meta tag cannot carry (frame-ancestors).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self' http://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/** Permissions (camera, geolocation, notifications…) are never granted to the page. */
export function hardenSession(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.webRequest.onHeadersReceived((details, callback) => {
    if (originOf(details.url) !== appOrigin) return callback({})
    const headers = { ...details.responseHeaders }
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name]
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY]
    callback({ responseHeaders: headers })
  })
}

/**
 * The page may navigate only within the app's origin; it may never open windows (http(s) links
 * that try go to the system browser instead) and never embed a <webview>.
 */
export function hardenWebContents(contents: WebContents, appOrigin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) !== appOrigin) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) !== appOrigin) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isOpenableExternalUrl(url)) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

/** Applies the web-contents guards to every page the app ever creates, not just the main window. */
export function guardAllWebContents(appOrigin: string): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, appOrigin))
}
