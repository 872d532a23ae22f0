/** `http403`: what a credential not allowed that call gets (e.g. an OAuth token lacking its scope). */
export type ApiFaultMode = 'http500' | 'http429' | 'http403' | 'hang'

export interface ApiFault {
  mode: ApiFaultMode
  remaining: number
  /** only calls whose path starts with this are affected */
  pathPrefix: string
  /** how long a hang lasts; 0 = until the client gives up or the sandbox closes */
  hangMs: number
}

/** "The next N API calls fail": consumed in order by matching /v2 calls. */
export class ApiFaults {
  private faults: ApiFault[] = []

  add(fault: ApiFault): void {
    this.faults.push(fault)
  }

  take(path: string): ApiFault | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && path.startsWith(f.pathPrefix))
    if (!fault) return undefined
    fault.remaining -= 1
    this.faults = this.faults.filter((f) => f.remaining > 0)
    return fault
  }

  pending(): ApiFault[] {
    return [...this.faults]
  }

  clear(): void {
    this.faults = []
  }
}
