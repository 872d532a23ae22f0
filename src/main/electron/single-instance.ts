import { app } from 'electron'

/**
 * One desk per machine user: two instances would fight over the data directory and the
 * Cal.com sync. A second start hands over to the first (which comes to the front) and quits.
 * Returns false when this process is the second one and is quitting.
 */
export function claimSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return false
  }
  app.on('second-instance', () => onSecondInstance())
  return true
}
