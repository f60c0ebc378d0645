/** One error type for the whole core: a stable code for programs, a Chinese message for users. */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'VALIDATION_FAILED'
  | 'BAD_CREDIT_CODE'
  | 'ENTERPRISE_NOT_FOUND'
  | 'ENTERPRISE_NAME_MISMATCH'
  | 'ENTERPRISE_CONTACTS_FULL'
  | 'NOT_BOUND'
  | 'ALREADY_BOUND'
  | 'NOT_FOUND'
  | 'INVALID_STATE'
  | 'CONFLICT'
  | 'CONTENT_REJECTED'
  | 'UNKNOWN_ACTION'
  /** a scanned code is unknown, forged or revoked */
  | 'CODE_INVALID'
  /** the official is still checked in at another enterprise */
  | 'VISIT_OPEN_ELSEWHERE'
  /** sign-in (self-hosted): wrong phone or password */
  | 'BAD_CREDENTIALS'
  /** sign-in, invite or bootstrap codes: too many failures, locked for a while */
  | 'TOO_MANY_ATTEMPTS'
  /** too many submits in a period (a script flooding a grid officer) */
  | 'RATE_LIMITED'
  /** a body or file above its size limit */
  | 'TOO_LARGE'
  /** an upload whose bytes are not an image (or .xlsx) we take */
  | 'UNSUPPORTED_FILE'
  /** a referenced file that is not the caller's own upload in this deployment */
  | 'FILE_NOT_ALLOWED'
  | 'INTERNAL';

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: Array<{ field: string; message: string }>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** What every transport returns for an error. */
export type ErrorBody = { ok: false; code: ErrorCode; message: string; details?: AppError['details'] };

export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof AppError) {
    return { ok: false, code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
  }
  return { ok: false, code: 'INTERNAL', message: '系统繁忙，请稍后再试' };
}
