// Shows this desk's desktop notifications in the browser (DESIGN.md §8): reads what waits when
// the live stream says so, claims each from the desk (only the first page to claim one shows
// it, so two open tabs never both do) and hands it to the Web Notifications API. Mounted outside
// the sign-in gate: the owner's notifications pop up while the desk waits for a PIN too.
import { useQuery } from '@tanstack/react-query'
import { useEffect } from 'react'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'
import { browserNotifications } from './browser-notifications'

export function DesktopNotifier() {
  const api = useApi()
  const pending = useQuery({
    queryKey: queryKeys.desktopPending,
    queryFn: ({ signal }) => api.call('desktopPending', {}, signal),
    // The live stream says when some arrive; it runs only while someone is signed in, so a
    // signed-out desk looks now and then too.
    refetchInterval: 30_000,
  })
  useEffect(() => {
    const data = pending.data
    if (!data || data.shownByApp || !browserNotifications.granted()) return
    for (const notification of data.notifications) {
      void api
        .call('desktopShown', { params: { id: notification.id }, body: {} })
        .then(({ first }) => {
          if (!first) return
          browserNotifications.show(notification, (href) => {
            window.location.hash = `#${href}`
          })
        })
        .catch(() => undefined) // the next live event or reconnect reads them again
    }
  }, [api, pending.data])
  return null
}
