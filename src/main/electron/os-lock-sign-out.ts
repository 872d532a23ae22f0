// A shared desk PC that the OS locks signs its person out (DESIGN.md §7): whoever unlocks it
// next must sign in with their own PIN.
import { powerMonitor } from 'electron'
import type { SignIn } from '../core/people/sign-in'

/** Signs out on every OS lock from now on; returns how to stop listening. */
export function signOutWhenOsLocks(signIn: Pick<SignIn, 'signOut'>): () => void {
  const onLock = () => signIn.signOut('os-lock')
  powerMonitor.on('lock-screen', onLock)
  return () => powerMonitor.off('lock-screen', onLock)
}
