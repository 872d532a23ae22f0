// The branch switcher and adding a branch to the app.
export const en = {
  'branches.switcher': 'Branch',
  'branches.offline': 'offline',
  'branches.waiting': '{count, plural, one {# change} other {# changes}} waiting to sync',
  'branches.attention': '{count, plural, one {# needs} other {# need}} attention',
  'branches.attentionElsewhere':
    '{count, plural, one {# needs attention at another branch} other {# need attention at other branches}}',
  'branches.add.section': 'Branches',
  'branches.add.busy': 'Adding…',
  'branches.add.title': 'Connect another branch',
  'branches.add.intro':
    'Each branch has its own Cal.com account. Add it here, then connect it to Cal.com as you did the first.',
  'branches.add.name': 'Branch name',
  'branches.add.key': 'Short name',
  'branches.add.keyHint': 'Lower-case letters, digits and dashes, e.g. "downtown".',
  'branches.add.submit': 'Add the branch',
  'branches.add.cancel': 'Cancel',
}
