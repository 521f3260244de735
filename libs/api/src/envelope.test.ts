import { describe, expect, it } from 'vitest';
import { AppError, conflict, notFound, rateLimited, validationFailed } from './app-error.ts';
import { errorEnvelope } from './envelope.ts';
import { GRPC_STATUS_OF, codeForGrpcStatus, ERROR_CODES } from './error-codes.ts';

describe('errorEnvelope', () => {
  it('maps a typed error to its status and code with the request id', () => {
    const { status, body } = errorEnvelope(notFound('Partner'), 'req-1');
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: 'Partner not found', request_id: 'req-1' } });
  });

  it('hides unknown errors behind internal_error without their message', () => {
    const { status, body } = errorEnvelope(new Error('relation "partners" does not exist SELECT * FROM'), 'r');
    expect(status).toBe(500);
    expect(body.error.code).toBe('internal_error');
    expect(JSON.stringify(body)).not.toContain('SELECT');
  });

  it('carries the seeds detail[] on validation errors', () => {
    const issues = [{ loc: ['body', 'name'], msg: 'field required', type: 'missing' }];
    const { status, body } = errorEnvelope(validationFailed(issues), 'r');
    expect(status).toBe(422);
    expect(body.error.code).toBe('validation_error');
    expect(body.detail).toEqual(issues);
  });

  it('keeps details and headers of rate limits', () => {
    const err = rateLimited(30);
    expect(err.headers).toEqual({ 'retry-after': '30' });
    expect(errorEnvelope(err, 'r').body.error.details).toEqual({ retry_after_seconds: 30 });
    expect(errorEnvelope(conflict('x', { state: 'APPROVED' }), 'r').status).toBe(409);
  });
});

describe('gRPC status mapping', () => {
  it('round-trips every envelope code through its gRPC status', () => {
    for (const code of ERROR_CODES) {
      expect(codeForGrpcStatus(GRPC_STATUS_OF[code])).toBe(code);
    }
  });

  it('treats unknown statuses as internal errors', () => {
    expect(codeForGrpcStatus(2)).toBe('internal_error');
    expect(new AppError('forbidden', 'no').status).toBe(403);
  });
});
