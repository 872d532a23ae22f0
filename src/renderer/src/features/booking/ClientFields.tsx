// The client: a name combobox that suggests the branch's past clients as it is typed (choosing
// one fills phone and email), then phone and email. The list opens while the suggestions are
// still on their way (they arrive after the keystroke), saying so, or that nobody matched.
import { useContext, type KeyboardEvent } from 'react'
import {
  ComboBox,
  ComboBoxStateContext,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Text,
  TextField,
} from 'react-aria-components'
import { useIntl } from 'react-intl'
import type { ClientSuggestion } from '../../../../shared/api/client-suggestions'
import { realEmail } from '../../ui/client-email'
import { enterBooks } from './client-enter'
import { useClientSuggestions } from './queries'

export interface ClientValue {
  name: string
  phone: string
  email: string
}

interface Props {
  value: ClientValue
  onChange(next: ClientValue): void
  autoFocus?: boolean
  nameInvalid: boolean
}

const keyOf = (c: ClientSuggestion) => `${c.name}\u0000${c.email ?? ''}\u0000${c.phone ?? ''}`

export function ClientFields({ value, onChange, autoFocus, nameInvalid }: Props) {
  const intl = useIntl()
  const suggestions = useClientSuggestions(value.name)
  const asked = value.name.trim().length >= 2
  const items = asked ? (suggestions.data ?? []) : []
  return (
    <div className="booking__client">
      <ComboBox
        className="booking__combobox"
        allowsCustomValue
        menuTrigger="input"
        allowsEmptyCollection
        inputValue={value.name}
        onInputChange={(name) => onChange({ ...value, name })}
        onSelectionChange={(key) => {
          const chosen = items.find((c) => keyOf(c) === key)
          if (!chosen) return
          onChange({
            name: chosen.name,
            phone: chosen.phone ?? '',
            email: realEmail(chosen.email) ?? '',
          })
        }}
        isInvalid={nameInvalid}
        isRequired
        data-testid="booking-client"
      >
        <Label>{intl.formatMessage({ id: 'booking.client' })}</Label>
        <NameInput autoFocus={autoFocus} />
        <Text slot="description" className="booking__hint">
          {intl.formatMessage({ id: 'booking.clientHint' })}
        </Text>
        <Popover className="booking__popover">
          <ListBox
            className="booking__options"
            items={items}
            renderEmptyState={() => (
              <p className="booking__hint booking__options-empty">
                {intl.formatMessage({
                  id: !asked
                    ? 'booking.clientTypeMore'
                    : suggestions.isFetching
                      ? 'booking.clientSearching'
                      : 'booking.clientNoMatch',
                })}
              </p>
            )}
          >
            {(c) => (
              <ListBoxItem id={keyOf(c)} textValue={c.name} className="booking__option">
                <span className="booking__suggestion-name">{c.name}</span>
                <span className="booking__suggestion-details">
                  {[c.phone, realEmail(c.email)].filter(Boolean).join(' · ')}
                </span>
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      <div className="booking__row">
        <TextField
          className="booking__field"
          value={value.phone}
          onChange={(phone) => onChange({ ...value, phone })}
          type="tel"
        >
          <Label>{intl.formatMessage({ id: 'booking.phoneNumber' })}</Label>
          <Input autoComplete="off" />
        </TextField>
        <TextField
          className="booking__field"
          value={value.email}
          onChange={(email) => onChange({ ...value, email })}
          type="email"
        >
          <Label>{intl.formatMessage({ id: 'booking.email' })}</Label>
          <Input autoComplete="off" />
        </TextField>
      </div>
    </div>
  )
}

/** The name input, where Enter books unless a suggestion is highlighted (client-enter.ts). */
function NameInput({ autoFocus }: { autoFocus?: boolean | undefined }) {
  const state = useContext(ComboBoxStateContext)
  const onKeyDownCapture = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || !state) return
    const moment = { isOpen: state.isOpen, focusedKey: state.selectionManager.focusedKey }
    if (!state.isOpen || !enterBooks(moment)) return
    // Ahead of the combobox, which would keep the key to choose from its list.
    event.preventDefault()
    event.stopPropagation()
    state.close()
    event.currentTarget.form?.requestSubmit()
  }
  return <Input autoFocus={autoFocus} autoComplete="off" onKeyDownCapture={onKeyDownCapture} />
}
