import { describe, expect, it } from 'vitest'
import { defaultRules } from './rules'
import { previewRule, type PreviewPerson } from './rules-preview'

const olga: PreviewPerson = { id: 'o', name: 'Olga', role: 'owner', branches: [] }
const ada: PreviewPerson = { id: 'a', name: 'Ada', role: 'admin', branches: ['ch_1'] }
const people = [olga, ada]

describe('the preview of who gets what', () => {
  it('sends the owner a request by desktop and email when the relay has mail', () => {
    const lines = previewRule(defaultRules().kinds['booking.requested'], people, true)
    expect(lines).toEqual([
      {
        person: olga,
        channels: [
          { channel: 'desktop', outcome: 'sent' },
          { channel: 'email', outcome: 'sent' },
        ],
        ownBranchesOnly: false,
      },
    ])
  })

  it('says why an email is not sent: Cal.com already emails it, or email is off', () => {
    const created = previewRule(defaultRules().kinds['booking.created'], people, true)
    expect(created[0]!.channels[1]).toEqual({ channel: 'email', outcome: 'calcom_emails' })
    const requested = previewRule(defaultRules().kinds['booking.requested'], people, false)
    expect(requested[0]!.channels[1]).toEqual({ channel: 'email', outcome: 'email_off' })
  })

  it('reaches admins by role for their own branches only, and a named admin everywhere', () => {
    const rule = defaultRules().kinds['booking.no_show']
    const byRole = previewRule(
      { ...rule, recipients: { roles: ['owner', 'admin'], people: [] } },
      people,
      true,
    )
    expect(byRole.map((l) => [l.person.name, l.ownBranchesOnly])).toEqual([
      ['Olga', false],
      ['Ada', true],
    ])
    const named = previewRule({ ...rule, recipients: { roles: [], people: ['a'] } }, people, true)
    expect(named.map((l) => [l.person.name, l.ownBranchesOnly])).toEqual([['Ada', false]])
  })

  it('tells no one of a kind that is off', () => {
    expect(previewRule(defaultRules().kinds['booking.paid'], people, true)).toEqual([])
  })
})
