import * as grpc from '@grpc/grpc-js';
import {
  AppError,
  GRPC_STATUS_OF,
  codeForGrpcStatus,
  isErrorCode,
  toAppError,
  type ErrorCode,
  type ValidationIssue,
} from '@scai/api';
import {
  ERROR_CODE_KEY,
  ERROR_DETAILS_KEY,
  ERROR_HEADERS_KEY,
  ERROR_ISSUES_KEY,
  metadataJson,
  parseMetadataJson,
  readMetadata,
} from './metadata.ts';

/** What a client shows for a status that arrived without our error metadata (never the raw text). */
const GENERIC_MESSAGE: Record<ErrorCode, string> = {
  bad_request: 'Bad request',
  unauthorized: 'Authentication required',
  forbidden: 'Insufficient permissions',
  not_found: 'Resource not found',
  conflict: 'Conflict',
  validation_error: 'Request validation failed',
  rate_limited: 'Too many requests, try again later',
  unavailable: 'Service temporarily unavailable',
  internal_error: 'An internal error occurred',
};

export interface ErrorStatus {
  code: grpc.status;
  details: string;
  metadata: grpc.Metadata;
  /** The AppError sent; for anything that was not an AppError, the generic internal one. */
  appError: AppError;
  /** True when the thrown value was not an AppError (a bug or an outage to log in full). */
  unexpected: boolean;
}

/** Server side: anything thrown by a handler → the gRPC status and trailing metadata to send. */
export function errorToStatus(error: unknown): ErrorStatus {
  const appError = toAppError(error);
  const metadata = new grpc.Metadata();
  metadata.set(ERROR_CODE_KEY, appError.code);
  if (appError.details) metadata.set(ERROR_DETAILS_KEY, metadataJson(appError.details));
  if (appError.issues) metadata.set(ERROR_ISSUES_KEY, issuesJson(appError.issues));
  if (appError.headers) metadata.set(ERROR_HEADERS_KEY, metadataJson(appError.headers));
  return {
    code: GRPC_STATUS_OF[appError.code],
    details: appError.message,
    metadata,
    appError,
    unexpected: !(error instanceof AppError),
  };
}

/**
 * Client side: a failed call → the AppError the server threw. Without `x-error-code`
 * (transport failures, deadlines, foreign servers) the code comes from the status and the
 * message is generic: UNAVAILABLE / DEADLINE_EXCEEDED become `unavailable`.
 */
export function statusToAppError(error: { code?: number; details?: string; metadata?: grpc.Metadata }): AppError {
  const code = readMetadata(error.metadata, ERROR_CODE_KEY);
  if (!isErrorCode(code)) {
    const mapped = codeForGrpcStatus(error.code ?? grpc.status.UNKNOWN);
    return new AppError(mapped, GENERIC_MESSAGE[mapped]);
  }
  return new AppError(code, error.details || GENERIC_MESSAGE[code], {
    details: asRecord(parseMetadataJson(error.metadata, ERROR_DETAILS_KEY)),
    issues: asIssues(parseMetadataJson(error.metadata, ERROR_ISSUES_KEY)),
    headers: asStringRecord(parseMetadataJson(error.metadata, ERROR_HEADERS_KEY)),
  });
}

/**
 * HTTP/2 refuses header blocks beyond ~64 KiB and the call then fails as a whole, so
 * issues beyond this budget are dropped (the first ones are the useful ones anyway).
 */
export const MAX_ISSUES_JSON = 32_768;

function issuesJson(issues: ValidationIssue[]): string {
  const parts: string[] = [];
  let length = 2;
  for (const issue of issues) {
    const part = metadataJson(issue);
    if (length + part.length + 1 > MAX_ISSUES_JSON) break;
    parts.push(part);
    length += part.length + 1;
  }
  return `[${parts.join(',')}]`;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function asStringRecord(value: unknown): Record<string, string> | undefined {
  const record = asRecord(value);
  if (!record || !Object.values(record).every((entry) => typeof entry === 'string')) return undefined;
  return record as Record<string, string>;
}

function asIssues(value: unknown): ValidationIssue[] | undefined {
  return Array.isArray(value) ? (value as ValidationIssue[]) : undefined;
}
