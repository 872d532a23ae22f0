// How the day sheet reaches a printer: in Electron through the main process (the preload's
// `print`, which opens the system dialog on the chosen paper); in a browser on the headless
// desk through the browser's own print. Either way the page's print stylesheet lays it out.
import type { DeskBridge } from '../../../../shared/domain/desk-bridge'
import { isPaperSize, type PaperSize } from '../../../../shared/domain/desk-ipc'

export interface PrintTarget {
  bridge: Pick<DeskBridge, 'print'> | undefined
  browserPrint(): void
}

export async function printSheet(target: PrintTarget, paper: PaperSize): Promise<void> {
  if (target.bridge) await target.bridge.print(paper)
  else target.browserPrint()
}

export function windowPrintTarget(): PrintTarget {
  const bridge = (window as { frontdesk?: Partial<Pick<DeskBridge, 'print'>> }).frontdesk
  return {
    bridge:
      bridge && typeof bridge.print === 'function'
        ? (bridge as Pick<DeskBridge, 'print'>)
        : undefined,
    browserPrint: () => window.print(),
  }
}

const PAPER_KEY = 'frontdesk.paper'
/** Where Letter is the usual paper (the Americas that follow the US size). */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE'])

/** The paper last chosen at this desk, else the usual one where the computer's locale is. */
export function rememberedPaper(storage: Pick<Storage, 'getItem'>, locale: string): PaperSize {
  const kept = storage.getItem(PAPER_KEY)
  if (isPaperSize(kept)) return kept
  let region: string | undefined
  try {
    region = new Intl.Locale(locale).maximize().region
  } catch {
    region = undefined
  }
  return region && LETTER_REGIONS.has(region) ? 'Letter' : 'A4'
}

export function rememberPaper(storage: Pick<Storage, 'setItem'>, paper: PaperSize): void {
  storage.setItem(PAPER_KEY, paper)
}
