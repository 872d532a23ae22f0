// The header's branch switcher: every branch of the app by name, the one on screen selected.
// Choosing one moves the whole UI there (BranchScope). B opens it from anywhere but a field.
// Hidden while the app holds one branch.
import { useEffect, useRef, useState } from 'react'
import {
  Button,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
} from 'react-aria-components'
import { useIntl } from 'react-intl'
import { useBranches } from './app-queries'
import { isSwitcherKey, showsSwitcher } from './branch-choice'
import { useBranchChoice } from './branch-scope-context'
import './branches.css'

export function BranchSwitcher() {
  const intl = useIntl()
  const branches = useBranches()
  const { current, switchTo } = useBranchChoice()
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)
  const shown = showsSwitcher(branches.data)

  useEffect(() => {
    if (!shown) return
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return
      const target = event.target as HTMLElement | null
      const pressed = isSwitcherKey({
        key: event.key,
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        targetTag: target?.tagName ?? '',
        targetEditable: target?.isContentEditable ?? false,
      })
      // A dialog open over the page keeps its keys.
      if (!pressed || document.querySelector('[role="dialog"]')) return
      event.preventDefault()
      button.current?.focus()
      setOpen(true)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [shown])

  if (!shown || !branches.data) return null
  return (
    <Select
      className="branch-switcher"
      selectedKey={current}
      isOpen={open}
      onOpenChange={setOpen}
      onSelectionChange={(key) => {
        if (typeof key === 'string' && key !== current) switchTo(key)
      }}
      data-testid="branch-switcher"
    >
      <Label className="branch-switcher__label">
        {intl.formatMessage({ id: 'branches.switcher' })}
      </Label>
      <Button ref={button} className="branch-switcher__button" aria-keyshortcuts="B">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="branch-switcher__popover" placement="bottom start">
        <ListBox className="branch-switcher__options">
          {branches.data.map((b) => (
            <ListBoxItem
              key={b.key}
              id={b.key}
              textValue={b.name}
              className="branch-switcher__option"
            >
              <span>{b.name}</span>
              {b.offline && (
                <span className="branch-switcher__mark">
                  {intl.formatMessage({ id: 'branches.offline' })}
                </span>
              )}
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  )
}
