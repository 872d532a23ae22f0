// Building the IpcResult values main answers with (the type lives in src/shared/domain/desk-ipc.ts,
// shared with the preload).
import type { IpcErrorCode, IpcResult } from '../../shared/domain/desk-ipc'

export type { IpcErrorCode, IpcResult }

export const ipcOk = <T>(value: T): IpcResult<T> => ({ ok: true, value })

export const ipcFail = <T = never>(code: IpcErrorCode, message: string): IpcResult<T> => ({
  ok: false,
  error: { code, message },
})
