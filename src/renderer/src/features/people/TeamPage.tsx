// The team screen: business set-up (or joining one) before a business exists; after, the people
// the signed-in owner or admin may manage.
import { FormattedMessage } from 'react-intl'
import { can } from '../../../../shared/people/roles'
import { AuditLogView } from './AuditLogView'
import { BusinessSetUp } from './BusinessSetUp'
import { TeamPeople } from './TeamPeople'
import { useSession } from './session-queries'

export function TeamPage({ today, timeZone }: { today: string; timeZone: string }) {
  const session = useSession().data
  return (
    <section className="page" data-testid="team-page">
      <h2>
        <FormattedMessage id="team.title" />
      </h2>
      {session && !session.signInRequired && <BusinessSetUp />}
      {session?.person && can(session.person.role, 'people.manageReceptionists') && (
        <TeamPeople myRole={session.person.role} />
      )}
      {session?.person && can(session.person.role, 'audit.read') && (
        <AuditLogView today={today} timeZone={timeZone} />
      )}
    </section>
  )
}
