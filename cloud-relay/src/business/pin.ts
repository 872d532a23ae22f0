import { hash, verify } from '@node-rs/argon2'

// argon2id, the library's default algorithm, with its default cost (19 MiB, 2 passes: OWASP's
// minimum); desks verify the same PHC string offline.
export const hashPin = (pin: string): Promise<string> => hash(pin)

export async function pinMatches(pinHash: string, pin: string): Promise<boolean> {
  try {
    return await verify(pinHash, pin)
  } catch {
    return false
  }
}
