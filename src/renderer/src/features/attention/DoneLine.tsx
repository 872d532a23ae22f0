// The line a list says what was just done in ("Confirmed Rita Sousa, 10:00"): a status, read out
// when it changes, and where focus lands when the last row leaves (leaving-row.ts).
import type { RefObject } from 'react'

export function DoneLine({
  text,
  lineRef,
  testId,
}: {
  text: string | null
  lineRef: RefObject<HTMLParagraphElement | null>
  testId: string
}) {
  return (
    <p className="list-page__done" role="status" tabIndex={-1} ref={lineRef} data-testid={testId}>
      {text}
    </p>
  )
}
