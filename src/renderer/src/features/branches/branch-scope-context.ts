// The app around the branch on screen: its own API client and query cache (the branches, the
// overview, the first branch's sign-in, which the app's routes go by), and the choice of branch.
import type { QueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'
import type { ApiClient } from '../../app/api-client'

export interface AppScope {
  api: ApiClient
  queryClient: QueryClient
}

export interface BranchChoice {
  /** The key of the branch on screen. */
  current: string
  /** Shows another branch: the same screen there (branch-choice.ts), or `path` when given. */
  switchTo(key: string, path?: string): void
}

export const AppScopeContext = createContext<AppScope | null>(null)
export const BranchChoiceContext = createContext<BranchChoice | null>(null)

export function useAppScope(): AppScope {
  const scope = useContext(AppScopeContext)
  if (!scope) throw new Error('useAppScope outside <BranchScope>')
  return scope
}

export function useBranchChoice(): BranchChoice {
  const choice = useContext(BranchChoiceContext)
  if (!choice) throw new Error('useBranchChoice outside <BranchScope>')
  return choice
}
