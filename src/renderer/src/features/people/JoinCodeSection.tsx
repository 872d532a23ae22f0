// Owners only: a join code with which another branch's desk joins the business (single use,
// 24 hours). The code is shown once, large enough to read out or copy to the other desk.
import { useState } from 'react'
import { FormattedMessage, useIntl } from 'react-intl'
import type { JoinCode } from '../../../../shared/api/people'
import { useApi } from '../../app/api-context'
import { TeamChangeDialog } from './TeamChangeDialog'

export function JoinCodeSection(props: { rememberedPin: string; onPin(pin: string): void }) {
  const intl = useIntl()
  const api = useApi()
  const [code, setCode] = useState<JoinCode | null>(null)
  return (
    <section className="team-section" aria-labelledby="join-code-title">
      <h3 id="join-code-title">
        <FormattedMessage id="team.joinCode.title" />
      </h3>
      <p>
        <FormattedMessage id="team.joinCode.intro" />
      </p>
      <TeamChangeDialog
        {...props}
        trigger={intl.formatMessage({ id: 'team.joinCode.make' })}
        title={intl.formatMessage({ id: 'team.joinCode.make' })}
        submitLabel={intl.formatMessage({ id: 'team.joinCode.make' })}
        testId="join-code-dialog"
        run={async (pin) => setCode(await api.call('joinCode', { body: { pin } }))}
      />
      {code && (
        <p role="status" className="team-code" data-testid="join-code">
          <FormattedMessage
            id="team.joinCode.made"
            values={{
              code: <strong className="team-code__value">{code.code}</strong>,
              time: intl.formatDate(code.expiresAt, {
                weekday: 'short',
                hour: 'numeric',
                minute: '2-digit',
              }),
            }}
          />
        </p>
      )}
    </section>
  )
}
