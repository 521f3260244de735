import { STATUS_CODES } from 'node:http';
import { AppError, errorEnvelope, isAppError, rateLimited, validationFailed, type ErrorCode, type ErrorEnvelope } from '@scai/api';
import type { FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { validationIssues, type RequestPart } from './validation-issues.ts';

export interface ErrorReply {
  status: number;
  body: ErrorEnvelope;
  headers: Record<string, string>;
  /** A fault of ours (5xx): logged with its stack, never shown. */
  internal: boolean;
}

/** What Fastify and its plugins throw: an Error with an HTTP status and often an `FST_…` code. */
interface HttpError extends Error {
  statusCode: number;
  code?: string;
  validation?: FastifySchemaValidationError[];
  validationContext?: RequestPart;
}

function isHttpError(error: unknown): error is HttpError {
  return error instanceof Error && typeof (error as Partial<HttpError>).statusCode === 'number';
}

/** The envelope code for an HTTP status that did not come from an AppError. */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 429:
      return 'rate_limited';
    default:
      return 'bad_request';
  }
}

const PART_VALUE: Record<RequestPart, (request: FastifyRequest) => unknown> = {
  body: (request) => request.body,
  querystring: (request) => request.query,
  params: (request) => request.params,
  headers: (request) => request.headers,
};

function retryAfterSeconds(reply: FastifyReply): number | undefined {
  const header = Number(reply.getHeader('retry-after'));
  return Number.isInteger(header) && header >= 0 ? header : undefined;
}

/**
 * A 4xx raised by Fastify itself or a plugin. Fastify's own (`FST_…`) messages are safe to
 * show; others get the status's standard phrase. The status is kept (413, 415, …) even
 * where the envelope has no code of its own for it: those read `bad_request`.
 */
function clientError(error: HttpError, reply: FastifyReply): AppError {
  if (error.statusCode === 429) {
    const retryAfter = retryAfterSeconds(reply);
    return retryAfter === undefined ? new AppError('rate_limited', 'Too many requests, try again later') : rateLimited(retryAfter);
  }
  const message = error.code?.startsWith('FST_') ? error.message : (STATUS_CODES[error.statusCode] ?? 'Bad request');
  return new AppError(codeForStatus(error.statusCode), message);
}

/** The one mapping from anything thrown during a request to the status, envelope and headers. */
export function errorReply(error: unknown, request: FastifyRequest, reply: FastifyReply): ErrorReply {
  const requestId = request.id;
  if (isAppError(error)) {
    const { status, body } = errorEnvelope(error, requestId);
    return { status, body, headers: { ...error.headers }, internal: status >= 500 };
  }
  if (isHttpError(error) && Array.isArray(error.validation) && error.validationContext) {
    const part = error.validationContext;
    const issues = validationIssues(error.validation, part, PART_VALUE[part]?.(request));
    return { ...errorEnvelope(validationFailed(issues), requestId), headers: {}, internal: false };
  }
  if (isHttpError(error) && error.statusCode >= 400 && error.statusCode < 500) {
    const appError = clientError(error, reply);
    const { body } = errorEnvelope(appError, requestId);
    return { status: error.statusCode, body, headers: { ...appError.headers }, internal: false };
  }
  if (isHttpError(error) && error.statusCode === 503) {
    return { ...errorEnvelope(new AppError('unavailable', 'Service temporarily unavailable'), requestId), headers: {}, internal: true };
  }
  // errorEnvelope hides anything that is not an AppError behind a generic message
  return { ...errorEnvelope(error, requestId), headers: {}, internal: true };
}
