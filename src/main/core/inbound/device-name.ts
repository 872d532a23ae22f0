// The name this desk gives itself at the relay, and under which the audit log names it: the
// computer's, since a branch tells its desks apart by the PC they run on.
import { hostname } from 'node:os'

export const deskDeviceName = (): string => `Frontdesk on ${hostname()}`.slice(0, 100)
