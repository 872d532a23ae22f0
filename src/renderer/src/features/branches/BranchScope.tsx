// Puts the whole UI on one branch of the app: its API client sends branch routes to
// `/b/<key>/…` (the live stream too), and each branch has a query cache of its own, so one
// branch's days, lists and settings never show at another. The first branch's cache is the
// app's own. Everything under it is mounted afresh on a switch.
import { QueryClientProvider, useQueryClient, type QueryClient } from '@tanstack/react-query'
import { Fragment, useCallback, useMemo, useState, type ReactNode } from 'react'
import { useLocation } from 'wouter'
import { PRIMARY_BRANCH_KEY } from '../../../../shared/api/branches'
import { ApiContext, useApi } from '../../app/api-context'
import { newQueryClient } from '../../app/query-client'
import { useBranches } from './app-queries'
import { BRANCH_STORAGE_KEY, branchInAddress, chosenBranch, pathAfterSwitch } from './branch-choice'
import { AppScopeContext, BranchChoiceContext, type BranchChoice } from './branch-scope-context'

function storedBranch(): string | null {
  const asked = branchInAddress(window.location.href)
  if (asked) {
    window.history.replaceState(window.history.state, '', asked.rest)
    try {
      window.localStorage.setItem(BRANCH_STORAGE_KEY, asked.key)
    } catch {
      // A browser refusing storage still opens the branch asked for, until a reload.
    }
    return asked.key
  }
  try {
    return window.localStorage.getItem(BRANCH_STORAGE_KEY)
  } catch {
    return null
  }
}

export function BranchScope({ children }: { children: ReactNode }) {
  const api = useApi()
  const appQueryClient = useQueryClient()
  const appScope = useMemo(() => ({ api, queryClient: appQueryClient }), [api, appQueryClient])
  return (
    <AppScopeContext.Provider value={appScope}>
      <ChosenBranch appQueryClient={appQueryClient}>{children}</ChosenBranch>
    </AppScopeContext.Provider>
  )
}

function ChosenBranch({
  appQueryClient,
  children,
}: {
  appQueryClient: QueryClient
  children: ReactNode
}) {
  const api = useApi()
  const branches = useBranches()
  const [stored, setStored] = useState(storedBranch)
  const [location, navigate] = useLocation()
  const [caches] = useState(() => new BranchCaches(appQueryClient))
  const current = chosenBranch(stored, branches.data)

  const switchTo = useCallback(
    (key: string, path?: string) => {
      try {
        window.localStorage.setItem(BRANCH_STORAGE_KEY, key)
      } catch {
        // A browser refusing storage still switches; a reload opens the first branch.
      }
      // A branch shown before kept its cache while its live stream was closed: read it again.
      void caches.cacheFor(key).invalidateQueries()
      setStored(key)
      navigate(path ?? pathAfterSwitch(location), { replace: path === undefined })
    },
    [caches, location, navigate],
  )
  const choice = useMemo<BranchChoice>(() => ({ current, switchTo }), [current, switchTo])

  const branchApi = useMemo(() => api.forBranch(current), [api, current])
  const cache = caches.cacheFor(current)

  return (
    <BranchChoiceContext.Provider value={choice}>
      <ApiContext.Provider value={branchApi}>
        <QueryClientProvider client={cache}>
          <Fragment key={current}>{children}</Fragment>
        </QueryClientProvider>
      </ApiContext.Provider>
    </BranchChoiceContext.Provider>
  )
}

/** One query cache per branch, made when the branch is first shown; the first branch's is the app's. */
class BranchCaches {
  readonly #byKey = new Map<string, QueryClient>()
  constructor(private readonly appCache: QueryClient) {}

  cacheFor(key: string): QueryClient {
    if (key === PRIMARY_BRANCH_KEY) return this.appCache
    let cache = this.#byKey.get(key)
    if (!cache) {
      cache = newQueryClient()
      this.#byKey.set(key, cache)
    }
    return cache
  }
}
