// When a downloaded update may install itself without asking (DESIGN.md §8: "an update installs
// when the app quits or in quiet hours"): only inside the quiet hours, with no one signed in and
// nothing waiting to sync, so a restart never interrupts someone at the desk or strands a change.
// Pure, so it is tested without Electron or a clock.

/** Local times `HH:MM` on this computer; `start` after `end` spans midnight. */
export interface QuietWindow {
  start: string
  end: string
}

/** §8's default quiet hours: the desk is closed. */
export const DEFAULT_QUIET_WINDOW: QuietWindow = { start: '21:00', end: '08:00' }

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

export function inQuietWindow(now: Date, window: QuietWindow): boolean {
  const at = now.getHours() * 60 + now.getMinutes()
  const start = minutesOf(window.start)
  const end = minutesOf(window.end)
  return start <= end ? at >= start && at < end : at >= start || at < end
}

export interface InstallContext {
  now: Date
  window: QuietWindow
  someoneSignedIn: boolean
  waitingToSync: number
}

export function mayInstallNow(ctx: InstallContext): boolean {
  return inQuietWindow(ctx.now, ctx.window) && !ctx.someoneSignedIn && ctx.waitingToSync === 0
}

export interface RestartPrompt {
  message: string
  detail: string
  buttons: [restartNow: string, later: string]
}

/** The question asked when an update is ready, in the computer's language. */
export function restartPrompt(locale: string, version: string): RestartPrompt {
  return locale.toLowerCase().startsWith('es')
    ? {
        message: `Frontdesk ${version} está listo`,
        detail:
          'Reinicia ahora para usarlo, o más tarde: se instala al salir de Frontdesk o de noche, cuando no haya nadie en el mostrador ni cambios por sincronizar.',
        buttons: ['Reiniciar ahora', 'Más tarde'],
      }
    : {
        message: `Frontdesk ${version} is ready`,
        detail:
          'Restart now to use it, or later: it installs when Frontdesk quits, or at night when no one is signed in and nothing waits to sync.',
        buttons: ['Restart now', 'Later'],
      }
}
