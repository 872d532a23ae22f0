// Settings › Branches (owners and admins: branches.manage): add another branch to this app. The
// app makes its folder and desk core (POST /api/branches), then shows it, on its settings, where
// the usual Connect button links it to that branch's Cal.com account.
import { useMutation } from '@tanstack/react-query'
import { useId, useState } from 'react'
import { Input, Label, Text, TextField } from 'react-aria-components'
import { FormattedMessage, useIntl } from 'react-intl'
import { describeError } from '../../app/i18n/describe-error'
import { paths } from '../../app/routes'
import { FormDialog } from '../../ui/FormDialog'
import { appQueryKeys, useAppCan, useBranches } from './app-queries'
import { isBranchKey, keyFromName } from './branch-key'
import { useAppScope, useBranchChoice } from './branch-scope-context'

export function AddBranchSection() {
  const intl = useIntl()
  const id = useId()
  const { api, queryClient } = useAppScope()
  const { switchTo } = useBranchChoice()
  const branches = useBranches()
  const mayManage = useAppCan('branches.manage')
  const [name, setName] = useState('')
  const [key, setKey] = useState<string | null>(null)
  const chosenKey = key ?? keyFromName(name)
  const add = useMutation({
    mutationFn: () => api.call('addBranch', { body: { key: chosenKey, name: name.trim() } }),
    onSuccess: async (added) => {
      await queryClient.invalidateQueries({ queryKey: appQueryKeys.branches })
      setName('')
      setKey(null)
      switchTo(added.key, paths.settings)
    },
  })
  // A desk that is no branch host has no list, and only owners and admins add branches.
  if (!branches.data || !mayManage) return null
  return (
    <section
      className="settings-section"
      aria-labelledby={`${id}-title`}
      data-testid="settings-branches"
    >
      <h3 id={`${id}-title`}>
        <FormattedMessage id="branches.add.section" />
      </h3>
      <p className="settings-muted">
        <FormattedMessage id="branches.add.intro" />
      </p>
      <FormDialog
        trigger={intl.formatMessage({ id: 'branches.add.title' })}
        title={intl.formatMessage({ id: 'branches.add.title' })}
        submitLabel={intl.formatMessage({ id: 'branches.add.submit' })}
        backLabel={intl.formatMessage({ id: 'branches.add.cancel' })}
        busy={add.isPending}
        busyLabel={intl.formatMessage({ id: 'branches.add.busy' })}
        canSubmit={name.trim() !== '' && isBranchKey(chosenKey)}
        testId="add-branch"
        onSubmit={async () => {
          try {
            await add.mutateAsync()
            return true
          } catch {
            return false
          }
        }}
      >
        <TextField className="field" value={name} onChange={setName} autoFocus>
          <Label>
            <FormattedMessage id="branches.add.name" />
          </Label>
          <Input maxLength={80} />
        </TextField>
        <TextField
          className="field"
          value={chosenKey}
          onChange={setKey}
          isInvalid={chosenKey !== '' && !isBranchKey(chosenKey)}
        >
          <Label>
            <FormattedMessage id="branches.add.key" />
          </Label>
          <Input maxLength={32} />
          <Text slot="description">
            <FormattedMessage id="branches.add.keyHint" />
          </Text>
        </TextField>
        {add.error && (
          <p className="form-error" role="alert">
            {describeError(intl, add.error)}
          </p>
        )}
      </FormDialog>
    </section>
  )
}
