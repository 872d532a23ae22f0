// The Web Notifications API behind three calls, for the browser desk (the Electron app shows OS
// notifications from its main process instead). Permission is asked only from a user's click.
import type { DesktopNotificationView } from '../../../../shared/api/notifications'

const supported = () => typeof Notification !== 'undefined'

export const browserNotifications = {
  granted(): boolean {
    return supported() && Notification.permission === 'granted'
  },

  async askPermission(): Promise<boolean> {
    if (!supported()) return false
    if (Notification.permission === 'granted') return true
    return (await Notification.requestPermission()) === 'granted'
  },

  /** Shows one; a click brings this window forward and opens `href` (a desk address). */
  show(notification: DesktopNotificationView, open: (href: string) => void): void {
    const shown = new Notification(notification.title, {
      body: notification.body,
      tag: `frontdesk-${notification.id}`,
    })
    shown.onclick = () => {
      window.focus()
      if (notification.href) open(notification.href)
      shown.close()
    }
  },
}
