// A side panel over the screen (react-aria's modal dialog): it traps focus, Esc or a click
// outside closes it, and focus returns to what opened it.
import type { ReactNode } from 'react'
import { Dialog, Modal, ModalOverlay } from 'react-aria-components'

interface Props {
  label: string
  onClose(): void
  children: ReactNode
  testId?: string
}

export function Drawer({ label, onClose, children, testId }: Props) {
  return (
    <ModalOverlay
      isOpen
      isDismissable
      onOpenChange={(open) => {
        if (!open) onClose()
      }}
      className="drawer-overlay"
    >
      <Modal className="drawer">
        <Dialog aria-label={label} className="drawer__dialog" data-testid={testId}>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  )
}
