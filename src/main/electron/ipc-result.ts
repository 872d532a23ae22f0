// What crosses the process boundary: a value or an error with a code, never a thrown exception
// (Signal Desktop's pattern). The preload turns `ok: false` into a rejected promise for the page.
export type IpcResult<T> =
  { ok: true; value: T } | { ok: false; error: { code: IpcErrorCode; message: string } }

export type IpcErrorCode = 'FORBIDDEN' | 'INVALID_ARGUMENT' | 'FAILED'

export const ipcOk = <T>(value: T): IpcResult<T> => ({ ok: true, value })

export const ipcFail = <T = never>(code: IpcErrorCode, message: string): IpcResult<T> => ({
  ok: false,
  error: { code, message },
})
