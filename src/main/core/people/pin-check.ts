// Checking a PIN against the copied argon2id hash (the relay's PHC string), offline.
import { verify } from '@node-rs/argon2'

export async function pinMatches(pinHash: string, pin: string): Promise<boolean> {
  try {
    return await verify(pinHash, pin)
  } catch {
    // A hash the library cannot read matches nothing.
    return false
  }
}
