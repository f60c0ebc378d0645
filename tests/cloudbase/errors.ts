/**
 * Errors shaped as wx-server-sdk 3.x rejects with them (node_modules/wx-server-sdk/index.js,
 * src/utils/error.ts `toSDKError` and src/api/database/api/database/helper/error-checker.ts):
 * - a CloudBase failure `{ code, message }` becomes an Error whose errCode is TCB_ERR_CODE[code]
 *   (unknown codes, e.g. DATABASE_TRANSACTION_CONFLICT, fall back to SYS_ERR -501001) and whose
 *   message and errMsg are `<api>:fail <errCode> <text>. <message>`;
 * - a thrown string (doc.get of a missing document throws `document with _id … does not exist`)
 *   becomes an Error `<api>:fail <string>` with errCode -1;
 * - an openapi errcode from WeChat becomes a CloudSDKError with errCode = errcode and
 *   errMsg `openapi.<api>:fail <errmsg>` (src/api/openapi/namespace/generic.ts).
 */

/** TCB_ERR_CODE of wx-server-sdk (src/api/cloud/provider/tcb/config/error.config.ts) */
export const TCB_ERR_CODE: Record<string, number> = {
  SYS_ERR: -501001,
  INVALID_PARAM: -501007,
  DATABASE_REQUEST_FAILED: -502001,
  DATABASE_INVALID_OPERRATOR: -502002,
  DATABASE_PERMISSION_DENIED: -502003,
  DATABASE_COLLECTION_NOT_EXIST: -502005,
  STORAGE_REQUEST_FAIL: -503001,
  STORAGE_FILE_NONEXIST: -503003,
};

/** texts of ERR_CODE in wx-server-sdk (src/config/error.config.ts) */
const ERR_TEXT: Record<number, string> = {
  [-501001]: 'resource system error',
  [-501007]: 'invalid parameters',
  [-502001]: 'database request fail',
  [-502002]: 'database invalid command',
  [-502003]: 'database permission denied',
  [-502005]: 'database collection not exists',
  [-503001]: 'storage request fail',
  [-503003]: 'storage file not exists',
  [-604100]: 'API not found',
  [-604101]: 'function has no permission to call this API',
};

export type SdkError = Error & { errCode: number; errMsg: string };

/** a CloudBase `{ code, message }` failure as wx-server-sdk rethrows it */
export function tcbFailure(api: string, code: string, message: string): SdkError {
  const errCode = TCB_ERR_CODE[code] ?? TCB_ERR_CODE.SYS_ERR;
  const e = new Error(`${api}:fail ${errCode} ${ERR_TEXT[errCode] ?? ''}. ${message}`) as SdkError;
  e.errCode = errCode;
  e.errMsg = e.message;
  return e;
}

/** a thrown string as wx-server-sdk rethrows it */
export function stringFailure(api: string, text: string): SdkError {
  const e = new Error(`${api}:fail ${text}`) as SdkError;
  e.errCode = -1;
  e.errMsg = e.message;
  return e;
}

/** a WeChat openapi errcode as wx-server-sdk rejects with it (CloudSDKError) */
export function openapiFailure(api: string, errcode: number, errmsg: string): SdkError {
  const errMsg = `openapi.${api}:fail ${errmsg}`;
  const e = new Error(`errCode: ${errcode} ${ERR_TEXT[errcode] ?? ''} | errMsg: ${errMsg}`) as SdkError;
  e.name = 'CloudSDKError';
  e.errCode = errcode;
  e.errMsg = errMsg;
  return e;
}

/**
 * The error object @cloudbase/node-sdk throws for a `{ code, message }` answer (TcbError, lib/utils/utils.js);
 * only reaches the caller unwrapped from `transaction.commit()` inside runTransaction.
 */
export function tcbError(code: string, message: string): Error & { code: string } {
  const e = new Error(message) as Error & { code: string };
  e.name = 'TcbError';
  e.code = code;
  return e;
}

/** CloudBase's answer to a write on a document another transaction holds or changed since our snapshot */
export const CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';

export const COLLECTION_MISSING_MESSAGE =
  '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem persists, contact us.';
