// Who is signed in, in the top bar, and switching person (signs out; the next person signs in).
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { FormattedMessage, useIntl } from 'react-intl'
import { useApi } from '../../app/api-context'
import { queryKeys } from '../../app/query-keys'
import { useSession } from './session-queries'

export function SignedInBadge() {
  const api = useApi()
  const intl = useIntl()
  const queryClient = useQueryClient()
  const person = useSession().data?.person
  const switchPerson = useMutation({
    mutationFn: () => api.call('signOut'),
    onSuccess: (session) => queryClient.setQueryData(queryKeys.session, session),
  })
  if (!person) return null
  return (
    <div className="signed-in" data-testid="signed-in">
      <p>
        <FormattedMessage
          id="people.signedIn"
          values={{
            name: person.name,
            role: intl.formatMessage({ id: `people.role.${person.role}` }),
          }}
        />
      </p>
      <button type="button" disabled={switchPerson.isPending} onClick={() => switchPerson.mutate()}>
        <FormattedMessage id="people.switch" />
      </button>
    </div>
  )
}
