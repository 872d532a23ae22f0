import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { createApiClient } from './api/api-client'
import { browserEnvironment, resolveSession } from './api/session'
import { browserSignInOpener } from './branch/open-sign-in'
import { App } from './components/App'
import { StartupError } from './components/StartupError'
import './styles.css'

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')

// Resolve the session once, before React starts: it also strips the token from the address bar.
const session = resolveSession(browserEnvironment())

createRoot(container).render(
  <StrictMode>
    {session.ok ? (
      <App api={createApiClient(session.session)} openUrl={browserSignInOpener()} />
    ) : (
      <StartupError message={session.message} />
    )}
  </StrictMode>,
)
