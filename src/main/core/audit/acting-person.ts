// Who is acting, for the length of one local API request: the signed-in person and this desk's
// relay device. The local API runs each route's handler inside `actingAs`, so the audit log and an
// appointment's history name them without every action passing them along. Work that no request
// started (the inbox, the outbox worker) acts as no one.
import { AsyncLocalStorage } from 'node:async_hooks'

export interface ActingPerson {
  person: { id: string; name: string } | null
  deviceId: string | null
}

const storage = new AsyncLocalStorage<ActingPerson>()

export function actingAs<T>(who: ActingPerson, work: () => T): T {
  return storage.run(who, work)
}

export function actingPerson(): ActingPerson | undefined {
  return storage.getStore()
}
