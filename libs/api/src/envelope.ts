import { AppError, type ValidationIssue } from './app-error.ts';
import type { ErrorCode } from './error-codes.ts';

export interface ErrorEnvelope {
  error: {
    code: ErrorCode;
    message: string;
    details?: Record<string, unknown>;
    request_id: string;
  };
  /** Present on 422 only: the seeds' `HTTPValidationError.detail`. */
  detail?: ValidationIssue[];
}

/** Anything thrown becomes an AppError; unknown errors are hidden behind a generic message. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  return new AppError('internal_error', 'An internal error occurred');
}

/** The one mapping from an error to the HTTP status and body every non-2xx answer uses. */
export function errorEnvelope(error: unknown, requestId: string): { status: number; body: ErrorEnvelope } {
  const appError = toAppError(error);
  const body: ErrorEnvelope = {
    error: { code: appError.code, message: appError.message, request_id: requestId },
  };
  if (appError.details) body.error.details = appError.details;
  if (appError.code === 'validation_error') body.detail = appError.issues ?? [];
  return { status: appError.status, body };
}
