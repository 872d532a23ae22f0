// The pending-confirmation and needs-attention lists.
export const en = {
  'attention.title': 'Needs attention',
  'attention.empty': 'Nothing needs attention.',
  'pending.title': 'Waiting for confirmation',
  'pending.empty': 'No booking is waiting for confirmation.',
}
