// Until the desk holds a business, the desk opens as before. After, it shows the sign-in screen
// until someone signs in, and tells the desk whenever the person is active (keys, pointer) so the
// idle sign-out counts from the last thing they did.
import { useEffect, type ReactNode } from 'react'
import { FormattedMessage } from 'react-intl'
import { useApi } from '../../app/api-context'
import { BranchSwitcher } from '../branches/BranchSwitcher'
import { SignInScreen } from './SignInScreen'
import { useSession } from './session-queries'

/** At most one activity report a minute: the idle limit is counted in minutes. */
const ACTIVITY_EVERY_MS = 60_000

export function SignInGate({ children }: { children: ReactNode }) {
  const session = useSession()
  const signedIn = session.data?.person ?? null
  useActivityReports(signedIn !== null)

  if (!session.data) {
    return session.isError ? (
      <>{children}</>
    ) : (
      <p className="loading">
        <FormattedMessage id="app.loading" />
      </p>
    )
  }
  if (session.data.signInRequired && !signedIn) {
    // The switcher stays at hand: another branch of the app may be the one this person works at.
    return (
      <>
        <div className="sign-in__branch">
          <BranchSwitcher />
        </div>
        <SignInScreen businessName={session.data.business?.name ?? ''} />
      </>
    )
  }
  return <>{children}</>
}

function useActivityReports(active: boolean) {
  const api = useApi()
  useEffect(() => {
    if (!active) return
    let last = Date.now()
    const report = () => {
      if (Date.now() - last < ACTIVITY_EVERY_MS) return
      last = Date.now()
      void api.call('activity', { body: {} }).catch(() => undefined)
    }
    window.addEventListener('keydown', report, true)
    window.addEventListener('pointerdown', report, true)
    return () => {
      window.removeEventListener('keydown', report, true)
      window.removeEventListener('pointerdown', report, true)
    }
  }, [api, active])
}
