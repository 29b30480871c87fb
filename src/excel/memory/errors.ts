/**
 * Errors shaped like OfficeExtension.Error (name "RichApi.Error", code, message, debugInfo),
 * so code that inspects `error.code` behaves as it does against real Excel.
 */
export type MemErrorCode =
  | 'PropertyNotLoaded'
  | 'ItemNotFound'
  | 'ItemAlreadyExists'
  | 'InvalidArgument'
  | 'InvalidOperation'
  | 'InvalidReference'
  | 'InvalidSelection'
  | 'AccessDenied'
  | 'InvalidOperationInCellEditMode'
  | 'InvalidObjectPath'
  | 'InvalidRequestContext'
  | 'NotImplemented'
  | 'InactiveWorkbook'
  | 'GeneralException';

export class MemOfficeError extends Error {
  readonly code: MemErrorCode;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  readonly traceMessages: string[] = [];
  readonly innerError: MemOfficeError | null = null;
  constructor(code: MemErrorCode, message: string, errorLocation?: string) {
    super(message);
    this.name = 'RichApi.Error';
    this.code = code;
    this.debugInfo = { code, message, errorLocation };
    Object.setPrototypeOf(this, MemOfficeError.prototype);
  }
}

export function isMemOfficeError(e: unknown): e is MemOfficeError {
  return e instanceof MemOfficeError;
}
