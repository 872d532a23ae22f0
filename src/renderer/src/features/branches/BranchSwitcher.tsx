// The header's branch switcher: every branch of the app by name, the one on screen selected, each
// saying whether it is offline and how many changes wait to sync or need attention there; the
// button counts what needs attention at the other branches, so nothing there goes unseen. The
// marks follow the app's live news of its branches. Words and icons, never colour alone.
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
import { attentionElsewhere, isSwitcherKey, showsSwitcher } from './branch-choice'
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
  const elsewhere = attentionElsewhere(branches.data, current)
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
        {/* The branch's name alone: its own marks are the status strip's. */}
        <SelectValue>{({ selectedText }) => selectedText}</SelectValue>
        {elsewhere > 0 && (
          <span
            className="branch-switcher__mark branch-switcher__mark--attention"
            data-testid="branch-switcher-elsewhere"
            data-count={elsewhere}
          >
            <span aria-hidden="true">⚠ </span>
            {intl.formatMessage({ id: 'branches.attentionElsewhere' }, { count: elsewhere })}
          </span>
        )}
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
              <span className="branch-switcher__marks" data-testid={`branch-marks-${b.key}`}>
                {b.offline && (
                  <span className="branch-switcher__mark">
                    {intl.formatMessage({ id: 'branches.offline' })}
                  </span>
                )}
                {b.waiting > 0 && (
                  <span
                    className="branch-switcher__mark"
                    data-mark="waiting"
                    data-count={b.waiting}
                  >
                    <span aria-hidden="true">⟳ </span>
                    {intl.formatMessage({ id: 'branches.waiting' }, { count: b.waiting })}
                  </span>
                )}
                {b.attention > 0 && (
                  <span
                    className="branch-switcher__mark branch-switcher__mark--attention"
                    data-mark="attention"
                    data-count={b.attention}
                  >
                    <span aria-hidden="true">⚠ </span>
                    {intl.formatMessage({ id: 'branches.attention' }, { count: b.attention })}
                  </span>
                )}
              </span>
            </ListBoxItem>
          ))}
        </ListBox>
      </Popover>
    </Select>
  )
}
