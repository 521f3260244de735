import * as grpc from '@grpc/grpc-js';
import { AppError, conflict, notFound, validationFailed } from '@scai/api';
import { describe, expect, it } from 'vitest';
import { MAX_ISSUES_JSON, errorToStatus, statusToAppError } from './errors.ts';
import { ERROR_CODE_KEY, ERROR_DETAILS_KEY, ERROR_ISSUES_KEY, metadataJson, splitPath } from './metadata.ts';

describe('errorToStatus', () => {
  it('maps an AppError to its status and error metadata', () => {
    const status = errorToStatus(conflict('Taken', { slug: 'acme' }));
    expect(status.code).toBe(grpc.status.ABORTED);
    expect(status.details).toBe('Taken');
    expect(status.unexpected).toBe(false);
    expect(status.metadata.get(ERROR_CODE_KEY)).toEqual(['conflict']);
    expect(status.metadata.get(ERROR_DETAILS_KEY)).toEqual(['{"slug":"acme"}']);
  });

  it('keeps the leading issues that fit the metadata budget', () => {
    const issues = Array.from({ length: 2_000 }, (_, i) => ({ loc: ['body', `field_${i}`], msg: 'Field required', type: 'missing' }));
    const status = errorToStatus(validationFailed(issues));
    const json = status.metadata.get(ERROR_ISSUES_KEY)[0] as string;
    expect(json.length).toBeLessThanOrEqual(MAX_ISSUES_JSON);
    const kept = JSON.parse(json) as typeof issues;
    expect(kept.length).toBeGreaterThan(100);
    expect(kept).toEqual(issues.slice(0, kept.length));
  });

  it('hides anything else behind a generic internal error', () => {
    const status = errorToStatus(new Error('password=hunter2'));
    expect(status.code).toBe(grpc.status.INTERNAL);
    expect(status.details).not.toContain('hunter2');
    expect(status.unexpected).toBe(true);
  });
});

describe('statusToAppError', () => {
  it('rebuilds the AppError that errorToStatus described', () => {
    const original = validationFailed([{ loc: ['body', 'näme'], msg: 'Feld “name” fehlt', type: 'missing' }]);
    const status = errorToStatus(original);
    const back = statusToAppError(status);
    expect(back).toBeInstanceOf(AppError);
    expect(back).toMatchObject({ code: original.code, message: original.message, issues: original.issues });
  });

  it('uses the status code and a generic message without error metadata', () => {
    expect(statusToAppError({ code: grpc.status.NOT_FOUND, details: 'raw text' })).toMatchObject({
      code: 'not_found',
      message: 'Resource not found',
    });
    expect(statusToAppError({ code: grpc.status.DEADLINE_EXCEEDED, details: 'Deadline exceeded' })).toMatchObject({
      code: 'unavailable',
      message: 'Service temporarily unavailable',
    });
    expect(statusToAppError({ code: grpc.status.UNIMPLEMENTED })).toMatchObject({ code: 'internal_error' });
  });

  it('ignores malformed error metadata', () => {
    const metadata = new grpc.Metadata();
    metadata.set(ERROR_CODE_KEY, 'not_found');
    metadata.set(ERROR_DETAILS_KEY, '{oops');
    const error = statusToAppError({ code: grpc.status.NOT_FOUND, details: notFound('Tenant').message, metadata });
    expect(error).toMatchObject({ code: 'not_found', message: 'Tenant not found', details: undefined });
  });
});

describe('metadata helpers', () => {
  it('writes JSON as printable ASCII that parses back unchanged', () => {
    const value = { name: 'Zürich — 東京 🚀' };
    const json = metadataJson(value);
    expect(json).toMatch(/^[\x20-\x7e]*$/);
    expect(JSON.parse(json)).toEqual(value);
    expect(() => new grpc.Metadata().set('x-test', json)).not.toThrow();
  });

  it('splits a method path', () => {
    expect(splitPath('/partners.v1.PartnersService/GetPartner')).toEqual({
      service: 'partners.v1.PartnersService',
      method: 'GetPartner',
    });
  });
});
