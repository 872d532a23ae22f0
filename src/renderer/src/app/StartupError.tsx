/** The whole screen when the page cannot even reach the desk (no token, no bridge). */
export function StartupError({ message }: { message: string }) {
  return (
    <main className="startup-error" data-app-state="error">
      <h1>Frontdesk cannot start</h1>
      <p role="alert">{message}</p>
    </main>
  )
}
