// Dragging a card up or down its column with the mouse (or a pen) to move the appointment: one
// set of listeners on the grid's body for all its cards, so a 300-card day carries no handler
// per card. While dragging, a ghost shows where the card would land; on release, `onDrop` gets
// the new wall-clock minute (the reschedule dialog takes it from there). A press that does not
// travel is a click and opens the card as before; Esc or leaving the window drops nothing.
// The keyboard's way to the same move is the drawer's Reschedule.
import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react'
import { MINUTE_PX } from './day-layout'
import { DRAG_THRESHOLD_PX, droppedMinute } from './drag-move'
import type { Span } from './grid-layout'

export interface MovableCard {
  /** Where it is on the grid, in wall-clock minutes of the day. */
  span: Span
  clientName: string
}

/** Where the dragged card would land, in pixels of the grid's body. */
export interface DragGhost {
  uid: string
  clientName: string
  left: number
  width: number
  top: number
  height: number
  startMinute: number
  endMinute: number
}

interface Press {
  uid: string
  card: MovableCard
  pointerId: number
  /** The pointer's height in the body when pressed (the body scrolls with the cards). */
  y0: number
  left: number
  width: number
  height: number
  dragging: boolean
}

export function useCardDrag(
  body: RefObject<HTMLElement | null>,
  /** The card `uid` if it can be moved now (a live booking nobody has checked in yet). */
  movable: (uid: string) => MovableCard | undefined,
  window: Span,
  onDrop: (uid: string, minute: number) => void,
): DragGhost | null {
  const [ghost, setGhost] = useState<DragGhost | null>(null)
  // The listeners stay on the body for the grid's life; what they read changes with each render.
  const latest = useRef({ movable, window, onDrop })
  useLayoutEffect(() => {
    latest.current = { movable, window, onDrop }
  })

  useEffect(() => {
    const element = body.current
    if (!element) return
    let press: Press | null = null
    // After a drag the release would click the card's link and open its drawer. The browser sends
    // that click, if any, before the next task: the flag must not outlive it and eat the next one.
    let swallowClick = false
    const swallowNextClick = () => {
      swallowClick = true
      setTimeout(() => (swallowClick = false), 0)
    }
    // Esc put the card back while the button is still down: the click comes with the release.
    let heldAfterCancel = false
    const heightIn = (event: PointerEvent) => event.clientY - element.getBoundingClientRect().top

    const ghostAt = (p: Press, event: PointerEvent): DragGhost => {
      const minute = droppedMinute(p.card.span, heightIn(event) - p.y0, latest.current.window)
      const length = p.card.span.endMinute - p.card.span.startMinute
      return {
        uid: p.uid,
        clientName: p.card.clientName,
        left: p.left,
        width: p.width,
        top: (minute - latest.current.window.startMinute) * MINUTE_PX,
        height: p.height,
        startMinute: minute,
        endMinute: minute + length,
      }
    }
    const end = (how: 'released' | 'cancelled') => {
      if (press?.dragging) {
        if (element.hasPointerCapture(press.pointerId))
          element.releasePointerCapture(press.pointerId)
        if (how === 'released') swallowNextClick()
        else heldAfterCancel = true
      }
      press = null
      setGhost(null)
    }
    const released = () => end('released')

    const onPointerDown = (event: PointerEvent) => {
      swallowClick = false
      heldAfterCancel = false
      if (event.button !== 0 || event.pointerType === 'touch' || event.ctrlKey || event.metaKey)
        return
      const cardElement = (event.target as Element).closest<HTMLElement>(
        '[data-testid="appointment"]',
      )
      const uid = cardElement?.dataset.uid
      const card = uid ? latest.current.movable(uid) : undefined
      if (!cardElement || !uid || !card) return
      const cardBox = cardElement.getBoundingClientRect()
      const bodyBox = element.getBoundingClientRect()
      press = {
        uid,
        card,
        pointerId: event.pointerId,
        y0: event.clientY - bodyBox.top,
        left: cardBox.left - bodyBox.left,
        width: cardBox.width,
        height: cardBox.height,
        dragging: false,
      }
    }
    const onPointerMove = (event: PointerEvent) => {
      if (!press || event.pointerId !== press.pointerId) return
      if (!press.dragging) {
        if (Math.abs(heightIn(event) - press.y0) < DRAG_THRESHOLD_PX) return
        press.dragging = true
        element.setPointerCapture(press.pointerId)
      }
      const next = ghostAt(press, event)
      setGhost((shown) => (shown?.startMinute === next.startMinute ? shown : next))
    }
    const onPointerUp = (event: PointerEvent) => {
      if (heldAfterCancel) {
        heldAfterCancel = false
        swallowNextClick()
      }
      if (!press || event.pointerId !== press.pointerId) return
      const dropped = press.dragging ? ghostAt(press, event) : null
      const { uid, card } = press
      released()
      if (dropped && dropped.startMinute !== card.span.startMinute)
        latest.current.onDrop(uid, dropped.startMinute)
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !press?.dragging) return
      // Esc puts the card back; it must not also close or open anything else.
      event.preventDefault()
      event.stopPropagation()
      end('cancelled')
    }
    const onClick = (event: MouseEvent) => {
      if (!swallowClick) return
      swallowClick = false
      event.preventDefault()
      event.stopPropagation()
    }
    // A link is draggable by the browser itself (to another window or the address bar), which
    // would take the pointer away from the grid.
    const onDragStart = (event: DragEvent) => {
      if ((event.target as Element | null)?.closest?.('[data-testid="appointment"]'))
        event.preventDefault()
    }

    const listeners = [
      ['pointerdown', onPointerDown],
      ['pointermove', onPointerMove],
      ['pointerup', onPointerUp],
      ['pointercancel', released],
      ['lostpointercapture', released],
      ['dragstart', onDragStart],
    ] as const
    for (const [type, listener] of listeners)
      element.addEventListener(type, listener as EventListener)
    element.addEventListener('click', onClick, true)
    document.addEventListener('keydown', onKeyDown, true)
    return () => {
      for (const [type, listener] of listeners)
        element.removeEventListener(type, listener as EventListener)
      element.removeEventListener('click', onClick, true)
      document.removeEventListener('keydown', onKeyDown, true)
    }
  }, [body])

  return ghost
}
