// Merging another client into this one (the same person booked under another email or a typo):
// find them, pick them, confirm. The merge is kept when the desk derives its clients again.
import { useDeferredValue, useState } from 'react'
import { Button, Heading, Input, Label, SearchField } from 'react-aria-components'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ClientSummary } from '../../../../shared/api/clients'
import { describeError } from '../../app/i18n/describe-error'
import { DialogFrame } from '../../ui/DialogFrame'
import { realEmail } from '../../ui/client-email'
import { useClientList, useMergeClients } from './queries'

export function MergeDialog({ into }: { into: ClientSummary }) {
  const intl = useIntl()
  const [open, setOpen] = useState(false)
  const [typed, setTyped] = useState('')
  const [chosen, setChosen] = useState<ClientSummary | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [said, setSaid] = useState('')
  const q = useDeferredValue(typed.trim())
  const list = useClientList(q, 1)
  const merge = useMergeClients(into.id)
  const others = (list.data?.clients ?? []).filter((c) => c.id !== into.id)

  const close = () => {
    setOpen(false)
    setTyped('')
    setChosen(null)
    setProblem(null)
  }

  return (
    <>
      <Button className="client-card__merge" onPress={() => setOpen(true)} data-testid="merge-open">
        {intl.formatMessage({ id: 'clients.merge' })}
      </Button>
      <p className="sr-status" role="status">
        {said}
      </p>
      <DialogFrame
        isOpen={open}
        onOpenChange={(o) => (o ? setOpen(true) : close())}
        testId="merge-dialog"
      >
        <form
          className="merge-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!chosen || merge.isPending) return
            merge.mutate(chosen.id, {
              onSuccess: () => {
                setSaid(intl.formatMessage({ id: 'clients.merged' }, { name: chosen.name }))
                close()
              },
              onError: (err) => setProblem(describeError(intl, err)),
            })
          }}
        >
          <Heading slot="title">
            <FormattedMessage id="clients.mergeTitle" values={{ name: into.name }} />
          </Heading>
          <p className="muted">
            <FormattedMessage id="clients.mergeHint" />
          </p>
          <SearchField value={typed} onChange={setTyped} autoFocus className="clients-search">
            <Label>
              <FormattedMessage id="clients.mergeSearch" />
            </Label>
            <Input data-testid="merge-search" />
          </SearchField>
          <ul className="merge-choices" aria-label={intl.formatMessage({ id: 'clients.results' })}>
            {others.map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  aria-pressed={chosen?.id === c.id}
                  className={
                    chosen?.id === c.id ? 'merge-choice merge-choice--chosen' : 'merge-choice'
                  }
                  onClick={() => setChosen(c)}
                  data-testid="merge-choice"
                >
                  {intl.formatMessage({ id: 'clients.mergeChoose' }, { name: c.name })}
                  <span className="muted">
                    {' '}
                    {[c.phone, realEmail(c.email)].filter(Boolean).join(' · ')}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {!chosen && (
            <p className="muted">
              <FormattedMessage id="clients.mergeNone" />
            </p>
          )}
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
          <div className="dialog__buttons">
            <button
              type="submit"
              className="button--danger"
              disabled={!chosen || merge.isPending}
              data-testid="merge-confirm"
            >
              {merge.isPending
                ? intl.formatMessage({ id: 'clients.merging' })
                : intl.formatMessage({ id: 'clients.mergeConfirm' })}
            </button>
            <button type="button" onClick={close}>
              {intl.formatMessage({ id: 'clients.mergeBack' })}
            </button>
          </div>
        </form>
      </DialogFrame>
    </>
  )
}
