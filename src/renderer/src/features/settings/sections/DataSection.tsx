// Where this desk keeps its data: the folder, and what is in it.
import { useId } from 'react'
import { FormattedMessage } from 'react-intl'

export function DataSection({ dataDir }: { dataDir: string | undefined }) {
  const id = useId()
  return (
    <section
      className="settings-section"
      aria-labelledby={`${id}-title`}
      data-testid="settings-data"
    >
      <h3 id={`${id}-title`}>
        <FormattedMessage id="settings.data" />
      </h3>
      <dl className="settings-facts">
        <dt>
          <FormattedMessage id="settings.data.folder" />
        </dt>
        <dd>
          <code data-testid="settings-data-dir">{dataDir ?? '…'}</code>
        </dd>
      </dl>
      <p className="settings-muted">
        <FormattedMessage id="settings.data.note" />
      </p>
    </section>
  )
}
