// A shared desk PC that the OS locks signs its person out (DESIGN.md §7): whoever unlocks it
// next must sign in with their own PIN. An app holding several branches keeps a sign-in per
// branch core, so the lock signs out at every branch the app holds at the time of the lock.
import { powerMonitor } from 'electron'
import type { SignIn } from '../core/people/sign-in'

/** Signs out at every branch on every OS lock from now on; returns how to stop listening. */
export function signOutWhenOsLocks(signIns: () => Iterable<Pick<SignIn, 'signOut'>>): () => void {
  const onLock = () => {
    for (const signIn of signIns()) signIn.signOut('os-lock')
  }
  powerMonitor.on('lock-screen', onLock)
  return () => powerMonitor.off('lock-screen', onLock)
}
