// The sign-in screen of a shared desk (DESIGN.md §7): pick your name, type your PIN. Five wrong
// PINs lock that person at this desk for five minutes; the screen says until when.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { PersonSummary } from '../../../../shared/api/people'
import { ApiRequestError } from '../../app/api-client'
import { useApi } from '../../app/api-context'
import { describeError } from '../../app/i18n/describe-error'
import { queryKeys } from '../../app/query-keys'
import { PinPad } from './PinPad'
import { usePeople } from './session-queries'
import './sign-in.css'

export function SignInScreen({ businessName }: { businessName: string }) {
  const api = useApi()
  const intl = useIntl()
  const queryClient = useQueryClient()
  const people = usePeople(true)
  const [chosen, setChosen] = useState<PersonSummary | null>(null)
  const [pin, setPin] = useState('')
  const pinId = useId()
  const problemId = useId()
  const signIn = useMutation({
    mutationFn: (input: { personId: string; pin: string }) => api.call('signIn', { body: input }),
    onSuccess: (session) => queryClient.setQueryData(queryKeys.session, session),
    onSettled: () => setPin(''),
  })

  const choose = (person: PersonSummary) => {
    setChosen(person)
    setPin('')
    signIn.reset()
  }

  return (
    <main className="sign-in" data-testid="sign-in">
      <h1>
        <FormattedMessage id="people.signIn.title" />
      </h1>
      <p>
        <FormattedMessage id="people.signIn.intro" />
      </p>
      {people.isPending && (
        <p role="status">
          <FormattedMessage id="people.loading" />
        </p>
      )}
      {people.data && people.data.people.length === 0 && (
        <p>
          <FormattedMessage id="people.none" />
        </p>
      )}
      {people.data && people.data.people.length > 0 && (
        <ul
          className="sign-in__people"
          aria-label={intl.formatMessage(
            { id: 'people.signIn.people' },
            { business: businessName },
          )}
        >
          {people.data.people.map((person) => (
            <li key={person.id}>
              <button
                type="button"
                aria-pressed={chosen?.id === person.id}
                onClick={() => choose(person)}
              >
                <span className="sign-in__name">{person.name}</span>
                <span className="sign-in__role">
                  <FormattedMessage id={`people.role.${person.role}`} />
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {chosen && (
        <form
          className="sign-in__pin"
          onSubmit={(event) => {
            event.preventDefault()
            if (pin.length >= 4) signIn.mutate({ personId: chosen.id, pin })
          }}
        >
          <label htmlFor={pinId}>
            <FormattedMessage id="people.pin.label" values={{ name: chosen.name }} />
          </label>
          <PinPad
            id={pinId}
            value={pin}
            onChange={setPin}
            disabled={signIn.isPending}
            describedBy={signIn.error ? problemId : undefined}
          >
            {signIn.error && (
              <p
                id={problemId}
                className="sign-in__problem"
                role="alert"
                data-testid="sign-in-problem"
              >
                {problemText(intl, signIn.error, chosen.name)}
              </p>
            )}
          </PinPad>
          <button type="submit" className="button--primary" disabled={signIn.isPending}>
            <FormattedMessage id={signIn.isPending ? 'people.pin.busy' : 'people.pin.submit'} />
          </button>
        </form>
      )}
    </main>
  )
}

function problemText(intl: ReturnType<typeof useIntl>, error: Error, name: string): string {
  if (error instanceof ApiRequestError && error.code === 'PIN_WRONG') {
    return intl.formatMessage(
      { id: 'people.pin.wrong' },
      { attemptsLeft: Number(error.params?.attemptsLeft ?? 0), name },
    )
  }
  if (error instanceof ApiRequestError && error.code === 'PIN_LOCKED') {
    const until = new Date(String(error.params?.until))
    return intl.formatMessage(
      { id: 'people.pin.locked' },
      { name, time: intl.formatTime(until, { hour: '2-digit', minute: '2-digit' }) },
    )
  }
  return describeError(intl, error)
}
