// One person at the app, whichever branch is on screen (DESIGN.md §7, §9). Each branch core keeps
// its own sign-in, checked against its own copy of the business; an app holding several branches
// of one business is still one computer with one person at it. So a PIN typed at one branch signs
// that person in at every other branch of the same business where they may sign in (owners at
// all, admins and receptionists at their branches), and signs out whoever was signed in at the
// others; signing out (by hand, idle, the OS locking) ends it everywhere; activity at one branch
// counts at all, so the idle clock is the app's. The PIN is checked only where it was typed, so
// lockouts stay per branch; a branch of another business is never signed in this way.
import type { SessionChange, SignIn } from '../people/sign-in'

type SharedSignIn = Pick<SignIn, 'watch' | 'adopt' | 'signOut' | 'touch' | 'businessId'>

/** Sign-outs that end the person's time at the computer, not only at one branch. */
const ENDS_EVERYWHERE = new Set(['user', 'idle', 'os-lock'])

export class AppSignIn {
  readonly #branches = new Map<string, { signIn: SharedSignIn; stop: () => void }>()
  /** Set while a change is being spread, so what it does at the others is not spread again. */
  #spreading = false

  follow(key: string, signIn: SharedSignIn): void {
    this.unfollow(key)
    const stop = signIn.watch((change) => this.#spread(key, change))
    this.#branches.set(key, { signIn, stop })
  }

  unfollow(key: string): void {
    this.#branches.get(key)?.stop()
    this.#branches.delete(key)
  }

  close(): void {
    for (const key of [...this.#branches.keys()]) this.unfollow(key)
  }

  #spread(from: string, change: SessionChange): void {
    if (this.#spreading) return
    this.#spreading = true
    try {
      for (const [key, { signIn }] of this.#branches) {
        if (key === from) continue
        if (change.kind === 'activity') signIn.touch()
        else if (change.kind === 'signedOut') {
          if (ENDS_EVERYWHERE.has(change.reason)) signIn.signOut(change.reason)
        } else {
          const same = change.businessId !== null && signIn.businessId() === change.businessId
          // Where they may not sign in, the person before them must not stay signed in either.
          if (!same || !signIn.adopt(change.personId, from)) signIn.signOut('switch')
        }
      }
    } finally {
      this.#spreading = false
    }
  }
}
