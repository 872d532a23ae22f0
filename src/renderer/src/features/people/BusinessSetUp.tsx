// Before a business exists: set it up from this desk (its owner and PIN), or join one with the
// owner's code. Both go through the relay; the desk then asks everyone to sign in.
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useId, useState, type FormEvent } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import { useApi } from '../../app/api-context'
import { describeError } from '../../app/i18n/describe-error'
import type { MessageId } from '../../app/i18n/messages'
import { queryKeys } from '../../app/query-keys'
import { ErrorMessage } from '../../ui/ErrorMessage'

export function BusinessSetUp() {
  const api = useApi()
  const intl = useIntl()
  const queryClient = useQueryClient()
  const id = useId()
  const [form, setForm] = useState({ name: '', owner: '', email: '', language: 'en', pin: '' })
  const [code, setCode] = useState('')
  const settle = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.session })
    void queryClient.invalidateQueries({ queryKey: queryKeys.people })
  }
  const create = useMutation({
    mutationFn: () =>
      api.call('createBusiness', {
        body: {
          name: form.name,
          owner: { name: form.owner, email: form.email, language: form.language, pin: form.pin },
        },
      }),
    onSuccess: settle,
  })
  const join = useMutation({
    mutationFn: () => api.call('joinBusiness', { body: { code: code.trim() } }),
    onSuccess: settle,
  })
  const field = (key: keyof typeof form, label: MessageId, type = 'text') => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{intl.formatMessage({ id: label })}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        required
        inputMode={key === 'pin' ? 'numeric' : undefined}
        pattern={key === 'pin' ? '[0-9]{4,12}' : undefined}
        autoComplete="off"
        value={form[key]}
        onChange={(event) => setForm({ ...form, [key]: event.target.value })}
      />
    </div>
  )
  const submit = (event: FormEvent, run: () => void) => {
    event.preventDefault()
    run()
  }

  return (
    <>
      <form className="page" onSubmit={(e) => submit(e, () => create.mutate())}>
        <h3>
          <FormattedMessage id="team.setUp.title" />
        </h3>
        <p>
          <FormattedMessage id="team.setUp.intro" />
        </p>
        {field('name', 'team.setUp.name')}
        {field('owner', 'team.setUp.ownerName')}
        {field('email', 'team.setUp.email', 'email')}
        <div className="field">
          <label htmlFor={`${id}-language`}>
            <FormattedMessage id="team.setUp.language" />
          </label>
          <select
            id={`${id}-language`}
            value={form.language}
            onChange={(event) => setForm({ ...form, language: event.target.value })}
          >
            <option value="en">{intl.formatMessage({ id: 'team.language.en' })}</option>
            <option value="es">{intl.formatMessage({ id: 'team.language.es' })}</option>
          </select>
        </div>
        {field('pin', 'team.setUp.pin', 'password')}
        <div>
          <button type="submit" className="button--primary" disabled={create.isPending}>
            <FormattedMessage id="team.setUp.submit" />
          </button>
        </div>
        {create.error && <ErrorMessage message={describeError(intl, create.error)} />}
      </form>
      <form className="page" onSubmit={(e) => submit(e, () => join.mutate())}>
        <h3>
          <FormattedMessage id="team.join.title" />
        </h3>
        <p>
          <FormattedMessage id="team.join.intro" />
        </p>
        <div className="field">
          <label htmlFor={`${id}-code`}>
            <FormattedMessage id="team.join.code" />
          </label>
          <input
            id={`${id}-code`}
            required
            autoComplete="off"
            value={code}
            onChange={(event) => setCode(event.target.value)}
          />
        </div>
        <div>
          <button type="submit" disabled={join.isPending}>
            <FormattedMessage id="team.join.submit" />
          </button>
        </div>
        {join.error && <ErrorMessage message={describeError(intl, join.error)} />}
      </form>
    </>
  )
}
