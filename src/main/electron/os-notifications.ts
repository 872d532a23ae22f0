// The Electron app shows this desk's desktop notifications as OS notifications from the main
// process (DESIGN.md §8); the desk core hands each over once and remembers it was shown. A click
// brings the window forward at the notification's appointment.
import { Notification } from 'electron'
import type { DesktopNotificationView } from '../../shared/api/notifications'
import type { NativeNotifier } from '../core/notify/desktop-feed'

/** Attaches OS notifications to the core; `open(href)` shows the window at a desk address. */
export function showOsNotifications(
  feed: { attachNative(notifier: NativeNotifier): void },
  open: (href: string | null) => void,
): void {
  if (!Notification.isSupported()) return
  feed.attachNative((n: DesktopNotificationView) => {
    const shown = new Notification({ title: n.title, body: n.body })
    shown.on('click', () => open(n.href))
    shown.show()
  })
}
