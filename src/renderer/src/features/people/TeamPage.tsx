// The team screen: business set-up (or joining one) before a business exists; after, the people
// the signed-in owner or admin may manage, joining another branch, and who did what.
import { FormattedMessage } from 'react-intl'
import { can } from '../../../../shared/people/roles'
import { AuditLogView } from './AuditLogView'
import { BusinessSetUp } from './BusinessSetUp'
import { TeamPeople } from './TeamPeople'
import { NotificationsLink } from '../notifications/NotificationsLink'
import { useSession } from './session-queries'
import './team.css'

export function TeamPage({ today, timeZone }: { today: string; timeZone: string }) {
  const session = useSession().data
  const person = session?.person
  return (
    <section className="page team-page" data-testid="team-page">
      <h2>
        <FormattedMessage id="team.title" />
      </h2>
      {session?.person && can(session.person.role, 'notifications.propose') && (
        <NotificationsLink />
      )}
      {session && !session.signInRequired && <BusinessSetUp />}
      {person && can(person.role, 'people.manageReceptionists') && (
        <section className="team-section" aria-labelledby="team-people-title">
          <h3 id="team-people-title">
            <FormattedMessage
              id={person.role === 'owner' ? 'team.people.title' : 'team.people.titleAdmin'}
            />
          </h3>
          <TeamPeople myId={person.id} />
        </section>
      )}
      {person && can(person.role, 'audit.read') && (
        <AuditLogView today={today} timeZone={timeZone} />
      )}
    </section>
  )
}
