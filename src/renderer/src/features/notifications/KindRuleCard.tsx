// One kind's rule, with the preview of who gets what beside it: on or off, how, who (owners,
// admins, people by name), "Cal.com already emails this", quiet hours and burst grouping.
import { useId } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { NotifiablePerson } from '../../../../shared/api/notifications'
import type { NotificationKind } from '../../../../shared/notifications/kinds'
import type { KindRule } from '../../../../shared/notifications/rules'
import { previewRule } from '../../../../shared/notifications/rules-preview'
import { kindName } from './rules-words'

interface Props {
  kind: NotificationKind
  rule: KindRule
  people: NotifiablePerson[]
  /** The business's branches, named as messages name them; this desk's first. */
  branches: { id: string; name: string }[]
  emailEnabled: boolean
  /** The business keeps quiet hours at all. */
  quietHoursOn: boolean
  disabled: boolean
  onChange(rule: KindRule): void
}

const toggled = <T,>(list: readonly T[], value: T, on: boolean): T[] =>
  on ? [...list.filter((x) => x !== value), value] : list.filter((x) => x !== value)

export function KindRuleCard({
  kind,
  rule,
  people,
  branches,
  emailEnabled,
  quietHoursOn,
  disabled,
  onChange,
}: Props) {
  const intl = useIntl()
  const id = useId()
  const name = kindName(intl, kind)
  const lines = previewRule(rule, people, emailEnabled)
  const box = (
    key: string,
    label: string,
    checked: boolean,
    set: (on: boolean) => void,
    off = false,
  ) => (
    <label className="rule-card__check" key={key}>
      <input
        type="checkbox"
        checked={checked}
        disabled={disabled || off}
        onChange={(event) => set(event.target.checked)}
      />
      {label}
    </label>
  )
  return (
    <li
      className={`rule-card${rule.enabled ? '' : ' rule-card--off'}`}
      data-testid={`rule-${kind}`}
    >
      <fieldset className="rule-card__form">
        <legend className="rule-card__name">{name}</legend>
        {box(
          'enabled',
          intl.formatMessage({ id: 'notifications.rule.enabled' }),
          rule.enabled,
          (on) => onChange({ ...rule, enabled: on }),
        )}
        <fieldset className="rule-card__group" disabled={!rule.enabled}>
          <legend>
            <FormattedMessage id="notifications.rule.how" />
          </legend>
          <div className="rule-card__choices">
            {box(
              'desktop',
              intl.formatMessage({ id: 'notifications.rule.desktop' }),
              rule.channels.includes('desktop'),
              (on) => onChange({ ...rule, channels: toggled(rule.channels, 'desktop', on) }),
            )}
            {box(
              'email',
              intl.formatMessage({ id: 'notifications.rule.email' }),
              rule.channels.includes('email'),
              (on) => onChange({ ...rule, channels: toggled(rule.channels, 'email', on) }),
            )}
          </div>
        </fieldset>
        <fieldset className="rule-card__group" disabled={!rule.enabled}>
          <legend>
            <FormattedMessage id="notifications.rule.who" />
          </legend>
          <div className="rule-card__choices">
            {box(
              'owners',
              intl.formatMessage({ id: 'notifications.rule.owners' }),
              rule.recipients.roles.includes('owner'),
              (on) =>
                onChange({
                  ...rule,
                  recipients: {
                    ...rule.recipients,
                    roles: toggled(rule.recipients.roles, 'owner', on),
                  },
                }),
            )}
            {box(
              'admins',
              intl.formatMessage({ id: 'notifications.rule.admins' }),
              rule.recipients.roles.includes('admin'),
              (on) =>
                onChange({
                  ...rule,
                  recipients: {
                    ...rule.recipients,
                    roles: toggled(rule.recipients.roles, 'admin', on),
                  },
                }),
            )}
          </div>
          <div className="rule-card__choices">
            <span className="muted">
              <FormattedMessage id="notifications.rule.byName" />
            </span>
            {people.map((person) =>
              box(
                `person-${person.id}`,
                person.name,
                rule.recipients.people.includes(person.id),
                (on) =>
                  onChange({
                    ...rule,
                    recipients: {
                      ...rule.recipients,
                      people: toggled(rule.recipients.people, person.id, on),
                    },
                  }),
              ),
            )}
          </div>
        </fieldset>
        <fieldset className="rule-card__group" disabled={!rule.enabled}>
          <legend>
            <FormattedMessage id="notifications.rule.where" />
          </legend>
          <div className="rule-card__choices">
            <label className="rule-card__check">
              <input
                type="radio"
                name={`${id}-branches`}
                checked={rule.branches === 'all'}
                disabled={disabled}
                onChange={() => onChange({ ...rule, branches: 'all' })}
              />
              <FormattedMessage id="notifications.rule.branches.all" />
            </label>
            <label className="rule-card__check">
              <input
                type="radio"
                name={`${id}-branches`}
                checked={rule.branches !== 'all'}
                disabled={disabled}
                // Starting from every branch chosen: unticking is the change people make.
                onChange={() => onChange({ ...rule, branches: branches.map((b) => b.id) })}
              />
              <FormattedMessage id="notifications.rule.branches.some" />
            </label>
          </div>
          {rule.branches !== 'all' && (
            <div className="rule-card__choices" data-testid={`branches-${kind}`}>
              {branches.map((branch) =>
                box(
                  `branch-${branch.id}`,
                  branch.name,
                  (rule.branches as string[]).includes(branch.id),
                  (on) =>
                    onChange({
                      ...rule,
                      branches: toggled(rule.branches as string[], branch.id, on),
                    }),
                ),
              )}
              {rule.branches.length === 0 && (
                <p className="muted" role="note">
                  <FormattedMessage id="notifications.rule.branches.none" />
                </p>
              )}
            </div>
          )}
        </fieldset>
        <div className="rule-card__group rule-card__more">
          {box(
            'calcom',
            intl.formatMessage({ id: 'notifications.rule.calcomEmails' }),
            rule.calcomEmails,
            (on) => onChange({ ...rule, calcomEmails: on }),
            !rule.enabled,
          )}
          {box(
            'quiet',
            intl.formatMessage({ id: 'notifications.rule.quietHours' }),
            rule.quietHours,
            (on) => onChange({ ...rule, quietHours: on }),
            !rule.enabled,
          )}
          <label className="rule-card__number" htmlFor={`${id}-coalesce`}>
            <FormattedMessage id="notifications.rule.coalesce" />
          </label>
          <input
            id={`${id}-coalesce`}
            type="number"
            min={0}
            max={1440}
            value={rule.coalesceMinutes}
            disabled={disabled || !rule.enabled}
            onChange={(event) => {
              const minutes = Math.max(0, Math.min(1440, Math.trunc(Number(event.target.value))))
              if (Number.isFinite(minutes)) onChange({ ...rule, coalesceMinutes: minutes })
            }}
          />
        </div>
      </fieldset>
      <section
        className="rule-card__preview"
        aria-label={`${intl.formatMessage({ id: 'notifications.preview' })}: ${name}`}
        aria-live="polite"
        data-testid={`preview-${kind}`}
      >
        <h4>
          <FormattedMessage id="notifications.preview" />
        </h4>
        {lines.length === 0 ? (
          <p className="muted">
            <FormattedMessage id="notifications.preview.nobody" />
          </p>
        ) : (
          <ul>
            {lines.map((line) => (
              <li key={line.person.id} data-testid="preview-line">
                <strong>{line.person.name}</strong>
                {line.ownBranchesOnly &&
                  ` ${intl.formatMessage({ id: 'notifications.preview.ownBranches' })}`}
                {': '}
                {line.channels.length === 0
                  ? intl.formatMessage({ id: 'notifications.preview.nobody' })
                  : line.channels
                      .map((c) =>
                        intl.formatMessage({
                          id:
                            c.outcome === 'calcom_emails'
                              ? 'notifications.preview.calcom'
                              : c.outcome === 'email_off'
                                ? 'notifications.preview.emailOff'
                                : c.channel === 'email'
                                  ? 'notifications.preview.email'
                                  : 'notifications.preview.desktop',
                        }),
                      )
                      .join('; ')}
              </li>
            ))}
          </ul>
        )}
        {lines.length > 0 && rule.quietHours && quietHoursOn && (
          <p className="muted">
            <FormattedMessage id="notifications.preview.held" />
          </p>
        )}
        {lines.length > 0 && rule.coalesceMinutes > 0 && (
          <p className="muted">
            <FormattedMessage
              id="notifications.preview.grouped"
              values={{ minutes: rule.coalesceMinutes }}
            />
          </p>
        )}
      </section>
    </li>
  )
}
