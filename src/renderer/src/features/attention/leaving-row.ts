// Pending and Needs attention: a row leaves its list once it is dealt with (confirmed, declined,
// sent again, discarded). A line says what was done, and keyboard focus, which was on the row's
// button (disabled while busy, then removed with the row), moves to the next row's first button,
// or to the line when the list is empty, instead of falling to the page.
import { useEffect, useRef, useState } from 'react'

export function useLeavingRow(keys: readonly string[] | undefined) {
  const [done, setDone] = useState<string | null>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const doneRef = useRef<HTMLParagraphElement>(null)
  const leaving = useRef<string | null>(null)
  useEffect(() => {
    const key = leaving.current
    if (key === null || !keys || keys.includes(key)) return
    leaving.current = null
    const at = document.activeElement
    // Focus went somewhere on purpose meanwhile: leave it there.
    if (at && at !== document.body && at.isConnected) return
    ;(listRef.current?.querySelector<HTMLElement>('button') ?? doneRef.current)?.focus()
  })
  const onDone = (key: string, message: string) => {
    setDone(message)
    leaving.current = key
  }
  return { done, listRef, doneRef, onDone }
}
