// Sync health: is this desk in step with Cal.com, and if not, why and what to do.
export const en = {
  'syncHealth.title': 'Sync health',
  'syncHealth.intro':
    'Whether this desk hears Cal.com, how fresh its copy is, and what went wrong lately.',
  'syncHealth.notAllowed': 'Only the owner and admins see sync health.',
  'syncHealth.summary': 'At a glance',
  'syncHealth.calcom': 'Cal.com',
  'syncHealth.calcom.connected': 'Connected',
  'syncHealth.calcom.disconnected': 'Not connected',
  'syncHealth.calcom.reconnectNeeded': 'Reconnect needed',
  'syncHealth.since': 'since {when}',
  'syncHealth.calcom.unreachable':
    'But it cannot be reached right now: changes made here wait and are sent when it answers.',
  'syncHealth.calcom.fix': 'Connect the branch in Settings.',
  'syncHealth.relay': 'Relay (brings Cal.com’s news)',
  'syncHealth.relay.none': 'This desk runs without a relay: it checks Cal.com every 5 minutes.',
  'syncHealth.relay.online': 'Reachable',
  'syncHealth.relay.offline': 'Out of reach',
  'syncHealth.relay.starting': 'Connecting…',
  'syncHealth.relay.off': 'Off (the branch is not connected)',
  'syncHealth.relay.retry': 'trying again in {seconds, plural, one {# second} other {# seconds}}',
  'syncHealth.relay.lag':
    'Last news arrived {seconds, plural, one {# second} other {# seconds}} after Cal.com sent it',
  'syncHealth.lastEvent': 'Last news from Cal.com',
  'syncHealth.lastEvent.none': 'None since the desk started.',
  'syncHealth.lastEvent.what': '{what} at {when}',
  'syncHealth.lastReconcile': 'Last full check against Cal.com',
  'syncHealth.lastReconcile.none': 'Not yet.',
  'syncHealth.lastReconcile.ok':
    '{when}: read {fetched, plural, one {# booking} other {# bookings}}, {changed, plural, =0 {nothing needed fixing} one {fixed #} other {fixed #}}',
  'syncHealth.lastReconcile.failed': '{when}: it failed ({error})',
  'syncHealth.checkNow': 'Check against Cal.com now',
  'syncHealth.checking': 'Checking…',
  'syncHealth.queue': 'Changes made here',
  'syncHealth.queue.waiting':
    '{count, plural, one {# change} other {# changes}} waiting to reach Cal.com',
  'syncHealth.queue.attention':
    '{count, plural, one {# change} other {# changes}} Cal.com refused: see Needs attention',
  'syncHealth.queue.held':
    '{count, plural, one {# booking waits} other {# bookings wait}} for those changes before Cal.com’s news is applied',
  'syncHealth.problems': 'Recent problems',
  'syncHealth.problems.none': 'No problems since the desk started.',
  'syncHealth.problems.refused':
    '{count, plural, one {Cal.com refused # change made here; it needs attention} other {Cal.com refused # changes made here; they need attention}}',
  'syncHealth.problems.refused.todo': 'Open Needs attention to try again or discard',
  'syncHealth.problems.ringNote':
    'The last 20 since the desk started, and each change the relay refused until it is made again.',
  'syncHealth.problem.RELAY_UNREACHABLE': 'The relay could not be reached.',
  'syncHealth.problem.RELAY_UNREACHABLE.todo':
    'Check this computer’s internet. The desk keeps trying by itself and checks Cal.com directly meanwhile.',
  'syncHealth.problem.RELAY_REFUSED': 'The relay refused this desk.',
  'syncHealth.problem.RELAY_REFUSED.todo':
    'If it goes on, disconnect and connect the branch again in Settings.',
  'syncHealth.problem.RELAY_NOT_UNDERSTOOD':
    'The relay answered something this desk does not understand.',
  'syncHealth.problem.RELAY_NOT_UNDERSTOOD.todo':
    'Nothing was kept of it and the desk tries again by itself. If it goes on, Frontdesk or the relay may need an update.',
  'syncHealth.problem.RELAY_RESYNC': 'The desk was away too long to catch up from the relay.',
  'syncHealth.problem.RELAY_RESYNC.todo':
    'Nothing to do: it reads every booking from Cal.com instead.',
  'syncHealth.problem.CALCOM_SIGN_IN': 'Cal.com no longer accepts this desk’s sign-in.',
  'syncHealth.problem.CALCOM_SIGN_IN.todo': 'Reconnect the branch in Settings.',
  'syncHealth.problem.CALCOM_UNREACHABLE': 'Cal.com could not be reached.',
  'syncHealth.problem.CALCOM_UNREACHABLE.todo':
    'Check this computer’s internet. Changes made here wait and are sent when it is back.',
  'syncHealth.problem.CALCOM_BUSY': 'Cal.com was busy or failed.',
  'syncHealth.problem.CALCOM_BUSY.todo': 'Nothing to do: the desk tries again by itself.',
  'syncHealth.problem.CALCOM_REFUSED': 'Cal.com refused a request.',
  'syncHealth.problem.CALCOM_REFUSED.todo':
    'If a change of yours was refused, it is under Needs attention.',
  'syncHealth.problem.NOT_CONNECTED': 'The branch is not connected to Cal.com.',
  'syncHealth.problem.NOT_CONNECTED.todo': 'Connect the branch in Settings.',
  'syncHealth.problem.UNKNOWN_CALCOM_NEWS': 'Cal.com sent something this desk does not know.',
  'syncHealth.problem.UNKNOWN_CALCOM_NEWS.todo':
    'The booking was kept as it was. If it repeats, an update of Frontdesk may be needed.',
  'syncHealth.problem.WEBHOOK_REENABLED':
    'Cal.com had turned off the news it sends this branch; this desk turned it back on.',
  'syncHealth.problem.WEBHOOK_REENABLED.todo':
    'Nothing to do: the desk read what changed meanwhile, and the owner was told. If it repeats, check that the relay can be reached from the internet.',
  'syncHealth.problem.WEBHOOK_OFF':
    'Cal.com has turned off the news it sends this branch, and this desk could not turn it back on.',
  'syncHealth.problem.WEBHOOK_OFF.todo':
    'In Settings, disconnect the branch and connect it again. Until then, changes made in Cal.com show up only every few minutes.',
  'syncHealth.problem.WEBHOOK_GONE': 'The news Cal.com sends this branch was deleted in Cal.com.',
  'syncHealth.problem.WEBHOOK_GONE.todo':
    'In Settings, disconnect the branch and connect it again. Until then, changes made in Cal.com show up only every few minutes.',
  'syncHealth.problem.DESK_EVENT_REFUSED':
    'The relay refused a change made at this desk (a visit state, a note or an alert): the other desks of the branch do not show it.',
  'syncHealth.problem.DESK_EVENT_REFUSED.todo':
    'Make the change again at this desk; if it is refused again, update Frontdesk here and tell whoever looks after the relay.',
  'syncHealth.problem.DESK_STATE_UNAVAILABLE':
    'The relay is too old to give back the visit states, notes, alerts and walk-ins this desk missed while it was away.',
  'syncHealth.problem.DESK_STATE_UNAVAILABLE.todo':
    'Ask whoever looks after the relay to update it; until then, check those with the branch’s other desks.',
  'syncHealth.problem.DESK_EVENT_UNREADABLE':
    'Another desk of this branch shared a change (a visit state, a note or an alert) that this desk could not read.',
  'syncHealth.problem.DESK_EVENT_UNREADABLE.todo':
    'The other desk may have a newer Frontdesk: update Frontdesk here. Until then, check that change at the other desk.',
  'syncHealth.problem.REFERENCE_ACCOUNT_MISMATCH':
    'Cal.com answered for an account other than this branch’s, so its services, staff and opening hours were not updated.',
  'syncHealth.problem.REFERENCE_ACCOUNT_MISMATCH.todo':
    'If this branch now books through another Cal.com account, disconnect it in Settings and connect it with that account. Until then, the desk keeps the services, staff and hours it had.',
  'syncHealth.problem.REFERENCE_NOT_APPLIED':
    'The services, staff and opening hours read from Cal.com could not be saved at this desk.',
  'syncHealth.problem.REFERENCE_NOT_APPLIED.todo':
    'Nothing was changed, and the desk tries again at its next sync. If it repeats, check that this computer’s disk is not full, then tell whoever looks after this desk.',
  'syncHealth.problem.OTHER': 'Something went wrong while syncing.',
  'syncHealth.problem.OTHER.todo': 'If it repeats, tell whoever looks after this desk.',
  'syncHealth.problem.times': '({count} times in a row; the latest shown)',
  'syncHealth.problem.details': 'Details: {code} — {message}',
  'syncHealth.filters': 'Filter {log}',
  'syncHealth.filter.result': 'Result',
  'syncHealth.filter.kind': 'Kind',
  'syncHealth.filter.text': 'Contains',
  'syncHealth.filter.all': 'All',
  'syncHealth.col.time': 'Time',
  'syncHealth.col.what': 'What',
  'syncHealth.col.result': 'Result',
  'syncHealth.col.details': 'Details',
  'syncHealth.noRows': 'Nothing matches.',
  'syncHealth.apiLog': 'Calls to Cal.com',
  'syncHealth.apiLog.note':
    'The latest {count} calls this desk made. Addresses never hold keys or clients’ details.',
  'syncHealth.apiLog.ok': 'Answered',
  'syncHealth.apiLog.failed': 'Failed',
  'syncHealth.apiLog.status': 'status {status}',
  'syncHealth.apiLog.noAnswer': 'no answer',
  'syncHealth.apiLog.ms': '{ms} ms',
  'syncHealth.events': 'News from Cal.com and checks',
  'syncHealth.events.note':
    'Since the desk started ({since}); at most the latest {capacity} are kept.',
  'syncHealth.events.webhook': 'News',
  'syncHealth.events.reconcile': 'Full check',
  'syncHealth.events.changed': 'Changed bookings',
  'syncHealth.events.unchanged': 'Nothing new',
  'syncHealth.events.failed': 'Failed',
  'syncHealth.events.bookings': '{count, plural, one {# booking} other {# bookings}}',
  'syncHealth.events.healed':
    'read {fetched, plural, one {# booking} other {# bookings}}, fixed {changed}',
  'syncHealth.trigger.BOOKING_CREATED': 'Booking made',
  'syncHealth.trigger.BOOKING_RESCHEDULED': 'Booking moved',
  'syncHealth.trigger.BOOKING_CANCELLED': 'Booking cancelled',
  'syncHealth.trigger.BOOKING_REQUESTED': 'Booking asks for confirmation',
  'syncHealth.trigger.BOOKING_REJECTED': 'Booking declined',
  'syncHealth.trigger.BOOKING_PAID': 'Booking paid',
  'syncHealth.trigger.BOOKING_NO_SHOW_UPDATED': 'No-show marked',
  'syncHealth.trigger.MEETING_ENDED': 'Appointment ended',
  'syncHealth.trigger.FRONTDESK_BUSINESS_CHANGED': 'Team changed',
  'syncHealth.trigger.FRONTDESK_DESK_EVENT': 'A desk of this branch shared a change',
  'syncHealth.trigger.other': 'Cal.com: {trigger}',
  'syncHealth.reconcileTrigger.start': 'When the desk started',
  'syncHealth.reconcileTrigger.connect': 'On connecting',
  'syncHealth.reconcileTrigger.enrolled': 'Once the relay answered',
  'syncHealth.reconcileTrigger.interval': 'Every 5 minutes',
  'syncHealth.reconcileTrigger.demand': 'Asked for here',
  'syncHealth.reconcileTrigger.resync': 'After a long absence',
  'syncHealth.reconcileTrigger.other': 'Check ({trigger})',
}
