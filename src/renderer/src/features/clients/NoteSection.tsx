// A client's alerts or desk notes: each with who wrote it and when, changed or removed in place;
// a field below adds one. What happened is said aloud (role=status), never silent.
import { useState } from 'react'
import { Label, TextArea, TextField } from 'react-aria-components'
import { FormattedMessage, useIntl } from 'react-intl'
import type { ClientNote, ClientNoteKind } from '../../../../shared/api/clients'
import { describeError } from '../../app/i18n/describe-error'
import { useAddNote, useChangeNote, useRemoveNote } from './queries'

interface Props {
  clientId: number
  kind: ClientNoteKind
  notes: ClientNote[]
  zone: string
  mayEdit: boolean
}

const WORDS = {
  alert: {
    title: 'clients.alerts',
    none: 'clients.alertsNone',
    add: 'clients.addAlert',
    field: 'clients.newAlert',
  },
  note: {
    title: 'clients.notes',
    none: 'clients.notesNone',
    add: 'clients.addNote',
    field: 'clients.newNote',
  },
} as const

export function NoteSection({ clientId, kind, notes, zone, mayEdit }: Props) {
  const intl = useIntl()
  const words = WORDS[kind]
  const add = useAddNote(clientId)
  const [text, setText] = useState('')
  const [said, setSaid] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const headingId = `client-${kind}s`

  const submit = () => {
    if (!text.trim() || add.isPending) return
    setProblem(null)
    add.mutate(
      { kind, text: text.trim() },
      {
        onSuccess: () => {
          setText('')
          setSaid(intl.formatMessage({ id: 'clients.saved' }))
        },
        onError: (e) => setProblem(describeError(intl, e)),
      },
    )
  }

  return (
    <section
      aria-labelledby={headingId}
      className={`note-section note-section--${kind}`}
      data-testid={`client-${kind}s`}
    >
      <h3 id={headingId}>
        <FormattedMessage id={words.title} />
      </h3>
      {kind === 'alert' && (
        <p className="muted">
          <FormattedMessage id="clients.alertsHint" />
        </p>
      )}
      {notes.length === 0 ? (
        <p className="muted">
          <FormattedMessage id={words.none} />
        </p>
      ) : (
        <ul className="note-list">
          {notes.map((n) => (
            <NoteItem
              key={n.id}
              clientId={clientId}
              note={n}
              zone={zone}
              mayEdit={mayEdit}
              onSaid={setSaid}
            />
          ))}
        </ul>
      )}
      {mayEdit && (
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
        >
          <TextField value={text} onChange={setText} className="list-field" maxLength={500}>
            <Label>
              <FormattedMessage id={words.field} />
            </Label>
            <TextArea
              rows={2}
              data-testid={`new-${kind}`}
              onKeyDown={(e) => {
                // Enter adds it (Shift+Enter starts a new line), as in a chat box.
                if (e.key === 'Enter' && !e.shiftKey) {
                  e.preventDefault()
                  submit()
                }
              }}
            />
          </TextField>
          <button
            type="submit"
            className="button--primary"
            disabled={!text.trim() || add.isPending}
          >
            {add.isPending
              ? intl.formatMessage({ id: 'clients.saving' })
              : intl.formatMessage({ id: words.add })}
          </button>
        </form>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <p className="sr-status" role="status">
        {said}
      </p>
    </section>
  )
}

function NoteItem(props: {
  clientId: number
  note: ClientNote
  zone: string
  mayEdit: boolean
  onSaid(words: string): void
}) {
  const { note: n, clientId } = props
  const intl = useIntl()
  const change = useChangeNote(clientId)
  const remove = useRemoveNote(clientId)
  const [editing, setEditing] = useState(false)
  const [text, setText] = useState(n.text)
  const [problem, setProblem] = useState<string | null>(null)
  const when = intl.formatDate(n.updatedAt, {
    timeZone: props.zone,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
  const fail = (e: unknown) => setProblem(describeError(intl, e))

  return (
    <li className="note" data-testid="client-note">
      {editing ? (
        <form
          className="note-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (!text.trim()) return
            change.mutate(
              { noteId: n.id, text: text.trim() },
              {
                onSuccess: () => {
                  setEditing(false)
                  props.onSaid(intl.formatMessage({ id: 'clients.saved' }))
                },
                onError: fail,
              },
            )
          }}
        >
          <TextField
            value={text}
            onChange={setText}
            className="list-field"
            maxLength={500}
            autoFocus
          >
            <Label>{intl.formatMessage({ id: 'clients.editLabel' }, { text: n.text })}</Label>
            <TextArea rows={2} />
          </TextField>
          <div className="note__buttons">
            <button
              type="submit"
              className="button--primary"
              disabled={!text.trim() || change.isPending}
            >
              {change.isPending
                ? intl.formatMessage({ id: 'clients.saving' })
                : intl.formatMessage({ id: 'clients.save' })}
            </button>
            <button
              type="button"
              onClick={() => {
                setEditing(false)
                setText(n.text)
              }}
            >
              {intl.formatMessage({ id: 'clients.cancel' })}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p className="note__text">{n.text}</p>
          <p className="note__meta muted">
            {n.author
              ? intl.formatMessage({ id: 'clients.by' }, { name: n.author.name, when })
              : intl.formatMessage({ id: 'clients.at' }, { when })}
          </p>
          {props.mayEdit && (
            <div className="note__buttons">
              <button
                type="button"
                aria-label={intl.formatMessage({ id: 'clients.editLabel' }, { text: n.text })}
                onClick={() => setEditing(true)}
              >
                {intl.formatMessage({ id: 'clients.edit' })}
              </button>
              <button
                type="button"
                className="button--danger-outline"
                aria-label={intl.formatMessage({ id: 'clients.removeLabel' }, { text: n.text })}
                disabled={remove.isPending}
                onClick={() =>
                  remove.mutate(n.id, {
                    onSuccess: () =>
                      props.onSaid(intl.formatMessage({ id: 'clients.removed' }, { text: n.text })),
                    onError: fail,
                  })
                }
              >
                {intl.formatMessage({ id: 'clients.remove' })}
              </button>
            </div>
          )}
        </>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  )
}
