// A small modal form over the drawer (cancel with a reason, reschedule…): react-aria traps and
// returns focus, Esc closes, Enter submits; the opener stays a plain button.
import type { FormEvent, ReactNode } from 'react'
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components'

interface Props {
  /** The button that opens it. */
  trigger: ReactNode
  triggerClassName?: string
  /** The opener's accessible name when its text alone is ambiguous ("Edit" in a list). */
  triggerLabel?: string
  title: string
  submitLabel: string
  backLabel: string
  busy: boolean
  busyLabel: string
  /** Resolves true when done (the dialog closes), false to keep it open (an error shows). */
  onSubmit(): Promise<boolean>
  canSubmit?: boolean
  children: ReactNode
  testId: string
  danger?: boolean
  /** Opened and closed by its owner (a card dropped on a new time opens its reschedule). */
  isOpen?: boolean
  onOpenChange?(open: boolean): void
}

export function FormDialog(props: Props) {
  return (
    <DialogTrigger isOpen={props.isOpen} onOpenChange={props.onOpenChange}>
      <Button className={props.triggerClassName} aria-label={props.triggerLabel}>
        {props.trigger}
      </Button>
      <ModalOverlay isDismissable={!props.busy} className="dialog-overlay">
        <Modal className="dialog">
          <Dialog className="dialog__body" data-testid={props.testId}>
            {({ close }) => (
              <form
                className="dialog__form"
                onSubmit={(event: FormEvent) => {
                  event.preventDefault()
                  if (props.busy || props.canSubmit === false) return
                  void props.onSubmit().then((done) => {
                    if (done) close()
                  })
                }}
              >
                <Heading slot="title" className="dialog__title">
                  {props.title}
                </Heading>
                {props.children}
                <div className="dialog__buttons">
                  <button
                    type="submit"
                    className={props.danger ? 'button--danger' : 'button--primary'}
                    disabled={props.busy || props.canSubmit === false}
                  >
                    {props.busy ? props.busyLabel : props.submitLabel}
                  </button>
                  <button type="button" onClick={close} disabled={props.busy}>
                    {props.backLabel}
                  </button>
                </div>
              </form>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  )
}
