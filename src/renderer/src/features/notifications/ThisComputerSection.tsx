// Settings › This computer: start Frontdesk at login (the app), and "notify me on this computer"
// for the signed-in owner or admin, with their PIN. In a browser the permission to show
// notifications is asked right in the click that turns it on.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useApi } from '../../app/api-context'
import { describeError } from '../../app/i18n/describe-error'
import { ErrorMessage } from '../../ui/ErrorMessage'
import { useCan, useSession } from '../people/session-queries'
import { browserNotifications } from './browser-notifications'
import { notificationKeys } from './queries'
import './notifications.css'

export function ThisComputerSection() {
  const intl = useIntl()
  return (
    <section
      className="page this-computer"
      aria-label={intl.formatMessage({ id: 'computer.title' })}
      data-testid="this-computer"
    >
      <h3>
        <FormattedMessage id="computer.title" />
      </h3>
      <StartAtLogin />
      <NotifyMe />
    </section>
  )
}

function StartAtLogin() {
  const api = useApi()
  const intl = useIntl()
  const queryClient = useQueryClient()
  const mayChange = useCan('branch.settings')
  const settings = useQuery({
    queryKey: notificationKeys.computer,
    queryFn: ({ signal }) => api.call('computerSettings', {}, signal),
  })
  const save = useMutation({
    mutationFn: (startAtLogin: boolean) =>
      api.call('setComputerSettings', { body: { startAtLogin } }),
    onSuccess: (next) => queryClient.setQueryData(notificationKeys.computer, next),
  })
  if (!settings.data) return null
  return (
    <div className="field">
      <label className="rule-card__check">
        <input
          type="checkbox"
          checked={settings.data.startAtLogin}
          disabled={!mayChange || save.isPending}
          onChange={(event) => save.mutate(event.target.checked)}
          data-testid="start-at-login"
        />
        <FormattedMessage id="computer.startAtLogin" />
      </label>
      {!settings.data.appManaged && (
        <p className="muted">
          <FormattedMessage id="computer.startAtLogin.browser" />
        </p>
      )}
      {save.error && <ErrorMessage message={describeError(intl, save.error)} />}
    </div>
  )
}

function NotifyMe() {
  const api = useApi()
  const intl = useIntl()
  const queryClient = useQueryClient()
  const id = useId()
  const me = useSession().data?.person ?? null
  const mayBeNotified = useCan('notifications.propose') && me !== null
  const [pin, setPin] = useState('')
  const [blocked, setBlocked] = useState(false)
  const optIn = useQuery({
    queryKey: [...notificationKeys.desktopOptIn, me?.id ?? ''],
    queryFn: ({ signal }) => api.call('desktopOptIn', {}, signal),
    enabled: mayBeNotified,
  })
  const save = useMutation({
    mutationFn: (enabled: boolean) => api.call('setDesktopOptIn', { body: { pin, enabled } }),
    onSuccess: (next) => {
      setPin('')
      queryClient.setQueryData([...notificationKeys.desktopOptIn, me?.id ?? ''], next)
    },
  })
  if (!mayBeNotified || !me) {
    return (
      <p className="muted">
        <FormattedMessage id="computer.notifyMe.signIn" />
      </p>
    )
  }
  const enabled = optIn.data?.enabled ?? false
  const shownByBrowser = optIn.data?.shownBy === 'browser'
  return (
    <form
      className="page"
      onSubmit={(event) => {
        event.preventDefault()
        const next = !enabled
        // Asked inside the click: browsers only show the question for a user's gesture.
        if (next && shownByBrowser) {
          void browserNotifications.askPermission().then((allowed) => {
            setBlocked(!allowed)
            if (allowed) save.mutate(true)
          })
          return
        }
        save.mutate(next)
      }}
    >
      <h4>
        <FormattedMessage id="computer.notifyMe" />
      </h4>
      <p className="muted">
        <FormattedMessage id="computer.notifyMe.help" />
      </p>
      <p role="status" data-testid="notify-me-state">
        <FormattedMessage
          id={enabled ? 'computer.notifyMe.isOn' : 'computer.notifyMe.isOff'}
          values={{ name: me.name }}
        />
      </p>
      <div className="field">
        <label htmlFor={`${id}-pin`}>
          <FormattedMessage id="computer.notifyMe.pin" />
        </label>
        <input
          id={`${id}-pin`}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          required
          pattern="[0-9]{4,12}"
          value={pin}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 12))}
        />
      </div>
      <div>
        <button type="submit" disabled={save.isPending || !optIn.data}>
          <FormattedMessage id={enabled ? 'computer.notifyMe.off' : 'computer.notifyMe.on'} />
        </button>
      </div>
      {blocked && (
        <ErrorMessage message={intl.formatMessage({ id: 'computer.notifyMe.blocked' })} />
      )}
      {save.error && <ErrorMessage message={describeError(intl, save.error)} />}
    </form>
  )
}
