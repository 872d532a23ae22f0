// "All branches": the owner's overview of today and this week.
export const en = {
  'overview.nav': 'All branches',
  'overview.notAllowed': 'Only the owner and admins see all branches.',
  'overview.title': 'All branches',
  'overview.range': 'Period',
  'overview.today': 'Today',
  'overview.week': 'This week',
  'overview.caption.today':
    "Today at each branch, on the branch's own clock, and the business's total.",
  'overview.caption.week':
    "This week (Monday to Sunday) at each branch, on the branch's own clock, and the business's total.",
  'overview.col.branch': 'Branch',
  'overview.col.appointments': 'Appointments',
  'overview.col.arrivals': 'Arrivals',
  'overview.col.noShows': 'No-shows',
  'overview.col.lateCancellations': 'Late cancellations',
  'overview.col.pending': 'To confirm',
  'overview.col.revenue': 'Paid revenue',
  'overview.col.utilisation': 'Staff utilisation',
  'overview.total': 'All branches',
  'overview.statusCount': '{status}: {count}',
  'overview.hours': '{booked} of {scheduled} h booked',
  'overview.noSchedule': 'No hours scheduled',
  'overview.openDay': "Open {branch}'s day",
  'overview.fresh.synced':
    '{minutes, plural, =0 {Up to date} one {Numbers from # minute ago} other {Numbers from # minutes ago}}',
  'overview.fresh.offline':
    '{minutes, plural, =0 {Offline: numbers from just now} one {Offline: numbers from # minute ago} other {Offline: numbers from # minutes ago}}',
  'overview.fresh.offlineNever': 'Offline: never synced',
  'overview.fresh.never': 'Not synced with Cal.com yet',
}
