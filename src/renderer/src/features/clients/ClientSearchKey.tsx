// "/" on the day grid opens the client search (the list page focuses its search field).
import { useEffect } from 'react'
import { useLocation } from 'wouter'
import { paths } from '../../app/routes'
import { isClientSearchKey } from './client-search-key'

export function ClientSearchKey({ enabled }: { enabled: boolean }) {
  const [, navigate] = useLocation()
  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return
      const target = event.target as HTMLElement | null
      const pressed = isClientSearchKey({
        key: event.key,
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        targetTag: target?.tagName ?? '',
        targetEditable: target?.isContentEditable ?? false,
      })
      if (!pressed) return
      event.preventDefault()
      navigate(paths.clients)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled, navigate])
  return null
}
