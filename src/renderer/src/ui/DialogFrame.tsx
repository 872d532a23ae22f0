// A modal dialog from react-aria-components: focus moves in, is trapped, and returns to what
// opened it; Esc and a click outside close it. Shared by new booking and the confirmations.
import type { ReactNode } from 'react'
import { Dialog, Modal, ModalOverlay } from 'react-aria-components'
import './dialog-frame.css'

interface Props {
  isOpen: boolean
  onOpenChange(open: boolean): void
  /** The dialog's accessible role: alertdialog for "are you sure?" questions. */
  role?: 'dialog' | 'alertdialog'
  wide?: boolean
  testId?: string
  children: ReactNode | ((opts: { close(): void }) => ReactNode)
}

export function DialogFrame({ isOpen, onOpenChange, role, wide, testId, children }: Props) {
  return (
    <ModalOverlay
      className="dialog-frame__overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={role !== 'alertdialog'}
    >
      <Modal className={`dialog-frame${wide ? ' dialog-frame--wide' : ''}`}>
        <Dialog className="dialog-frame__dialog" role={role} data-testid={testId}>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}
