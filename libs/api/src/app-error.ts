import { HTTP_STATUS_OF, type ErrorCode } from './error-codes.ts';

/** One entry of the seeds' `HTTPValidationError.detail[]`. */
export interface ValidationIssue {
  loc: (string | number)[];
  msg: string;
  type: string;
}

/**
 * The one error type domain code throws. Its message is shown to the caller, so it
 * must never carry SQL, stack traces or secrets; anything else thrown is reported
 * as `internal_error` with a generic message.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  readonly issues?: ValidationIssue[];
  /** Extra response headers, e.g. `Retry-After` for `rate_limited`. */
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; issues?: ValidationIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = options.details;
    this.issues = options.issues;
    this.headers = options.headers;
  }

  get status(): number {
    return HTTP_STATUS_OF[this.code];
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new AppError('bad_request', message, { details });
export const unauthorized = (message = 'Authentication required') => new AppError('unauthorized', message);
export const forbidden = (message = 'Insufficient permissions') => new AppError('forbidden', message);
export const notFound = (what = 'Resource') => new AppError('not_found', `${what} not found`);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError('conflict', message, { details });
export const rateLimited = (retryAfterSeconds: number) =>
  new AppError('rate_limited', 'Too many requests, try again later', {
    details: { retry_after_seconds: retryAfterSeconds },
    headers: { 'retry-after': String(retryAfterSeconds) },
  });
export const unavailable = (message = 'Service temporarily unavailable') => new AppError('unavailable', message);
export const validationFailed = (issues: ValidationIssue[], message = 'Request validation failed') =>
  new AppError('validation_error', message, { issues });

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
