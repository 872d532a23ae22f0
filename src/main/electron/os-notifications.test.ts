// OS notifications from the main process (electron mocked: Notification only): each one the
// core hands over is shown once, and its click opens the appointment's address.
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import type { DesktopNotificationView } from '../../shared/api/notifications'
import type { NativeNotifier } from '../core/notify/desktop-feed'

const shown: FakeNotification[] = []
class FakeNotification extends EventEmitter {
  static isSupported = () => true
  visible = false
  constructor(readonly options: { title: string; body: string }) {
    super()
    shown.push(this)
  }
  show() {
    this.visible = true
  }
}
vi.mock('electron', () => ({ Notification: FakeNotification }))
const { showOsNotifications } = await import('./os-notifications')

const booking: DesktopNotificationView = {
  id: 7,
  title: 'New booking at Toronto',
  body: 'Nina, haircut, Tue 10:00',
  href: '/appointment/bk_1',
  count: 1,
  createdAt: '2026-12-08T15:00:00.000Z',
}

describe('OS notifications', () => {
  it('shows what the core hands over, and a click opens its appointment', () => {
    let notifier: NativeNotifier | null = null
    const opened: (string | null)[] = []
    showOsNotifications({ attachNative: (n) => (notifier = n) }, (href) => opened.push(href))
    expect(notifier).not.toBeNull()
    notifier!(booking)
    expect(shown).toHaveLength(1)
    expect(shown[0]!.options).toEqual({ title: booking.title, body: booking.body })
    expect(shown[0]!.visible).toBe(true)
    shown[0]!.emit('click')
    expect(opened).toEqual(['/appointment/bk_1'])
  })
})
