import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createApiClient } from './app/api-client'
import { App } from './app/App'
import { AppProviders } from './app/AppProviders'
import { LocaleProvider } from './app/i18n/LocaleProvider'
import { browserEnvironment, resolveSession } from './app/session'
import { StartupError } from './app/StartupError'
import { BranchScope } from './features/branches/BranchScope'
import { SignInGate } from './features/people/SignInGate'
import { DesktopNotifier } from './features/notifications/DesktopNotifier'
import { browserSignInOpener } from './features/settings/connect/open-sign-in'
import './styles.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

// Resolve the session once, before React starts: it also strips the token from the address bar.
const session = resolveSession(browserEnvironment())

createRoot(container).render(
  <StrictMode>
    {session.ok ? (
      <AppProviders api={createApiClient(session.session)}>
        <BranchScope>
          <DesktopNotifier />
          <SignInGate>
            <App openUrl={browserSignInOpener()} />
          </SignInGate>
        </BranchScope>
      </AppProviders>
    ) : (
      // No desk to ask, but the words still follow the computer's language (or the override).
      <LocaleProvider>
        <StartupError problem={session} />
      </LocaleProvider>
    )}
  </StrictMode>,
)
