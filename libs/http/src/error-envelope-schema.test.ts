import { errorEnvelope, notFound, validationFailed } from '@scai/api';
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { ErrorEnvelopeSchema } from './error-envelope-schema.ts';

describe('ErrorEnvelopeSchema', () => {
  it('describes what errorEnvelope builds', () => {
    const issues = [{ loc: ['body', 'items', 0], msg: 'Field required', type: 'missing' }];
    expect(Value.Check(ErrorEnvelopeSchema, errorEnvelope(notFound('Partner'), 'req_1').body)).toBe(true);
    expect(Value.Check(ErrorEnvelopeSchema, errorEnvelope(validationFailed(issues), 'req_1').body)).toBe(true);
    expect(Value.Check(ErrorEnvelopeSchema, errorEnvelope(new Error('x'), 'req_1').body)).toBe(true);
    expect(Value.Check(ErrorEnvelopeSchema, { error: { code: 'teapot', message: 'x', request_id: 'r' } })).toBe(false);
  });
});
