// Main's side of the IPC surface (VS Code's ipcMain discipline): only allow-listed channels can
// get a handler, every message is checked to come from the app's own top-level page, and every
// argument is validated before use. Results cross as IpcResult values.
import { ipcMain, shell, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron'
import { externalUrlProblem } from './external-url'
import {
  IPC_CHANNELS,
  isAllowedChannel,
  isPaperSize,
  PAPER_SIZES,
  type BootstrapValue,
  type IpcChannel,
  type PrintValue,
  type UpdateState,
} from '../../shared/domain/desk-ipc'
import { ipcFail, ipcOk, type IpcResult } from './ipc-result'
import { originOf } from './security'

/** True when the message comes from the main frame of a page on the app's origin. */
export function isAppSender(event: IpcMainEvent | IpcMainInvokeEvent, appOrigin: string): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return originOf(frame.url) === appOrigin
}

function assertAllowed(channel: string): asserts channel is IpcChannel {
  if (!isAllowedChannel(channel)) throw new Error(`IPC channel not on the allow-list: ${channel}`)
}

/** Registers a sendSync handler on an allow-listed channel, behind the sender check. */
export function handleSync<T>(
  channel: string,
  appOrigin: string,
  handler: (event: IpcMainEvent, ...args: unknown[]) => IpcResult<T>,
): void {
  assertAllowed(channel)
  ipcMain.on(channel, (event, ...args: unknown[]) => {
    event.returnValue = isAppSender(event, appOrigin)
      ? handler(event, ...args)
      : ipcFail('FORBIDDEN', 'This page may not talk to Frontdesk.')
  })
}

/** Registers an invoke handler on an allow-listed channel, behind the sender check. */
export function handleInvoke<T>(
  channel: string,
  appOrigin: string,
  handler: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcResult<T>>,
): void {
  assertAllowed(channel)
  ipcMain.handle(channel, async (event, ...args: unknown[]) => {
    if (!isAppSender(event, appOrigin)) {
      return ipcFail('FORBIDDEN', 'This page may not talk to Frontdesk.')
    }
    try {
      return await handler(event, ...args)
    } catch (error) {
      return ipcFail('FAILED', error instanceof Error ? error.message : String(error))
    }
  })
}

/** Prints the sender's page: the system dialog, starting on the page's paper. */
function printPage(event: IpcMainInvokeEvent, paper: string): Promise<IpcResult<PrintValue>> {
  return new Promise((resolve) => {
    event.sender.print(
      { silent: false, printBackground: true, pageSize: paper as 'A4' | 'Letter' },
      (success, failureReason) => {
        // Cancelling the dialog is a choice, not a failure.
        if (success || failureReason === 'cancelled') resolve(ipcOk({ printed: success }))
        else resolve(ipcFail('FAILED', `The page could not be printed: ${failureReason}`))
      },
    )
  })
}

export function registerIpcHandlers(
  bootstrap: BootstrapValue,
  updates: () => UpdateState = () => ({ state: 'not-packaged' }),
): void {
  const appOrigin = originOf(bootstrap.apiBaseUrl)
  if (!appOrigin) throw new Error(`The desk URL is not a URL: ${bootstrap.apiBaseUrl}`)

  handleSync(IPC_CHANNELS.bootstrap, appOrigin, () => ipcOk(bootstrap))

  handleInvoke(IPC_CHANNELS.openExternal, appOrigin, async (_event, url) => {
    const problem = externalUrlProblem(url)
    if (problem) return ipcFail('INVALID_ARGUMENT', problem)
    await shell.openExternal(url as string)
    return ipcOk(undefined)
  })

  handleInvoke(IPC_CHANNELS.print, appOrigin, async (event, paper) => {
    if (!isPaperSize(paper)) {
      return ipcFail('INVALID_ARGUMENT', `The paper must be one of ${PAPER_SIZES.join(', ')}.`)
    }
    return printPage(event, paper)
  })

  handleInvoke(IPC_CHANNELS.updateState, appOrigin, async () => ipcOk(updates()))
}
