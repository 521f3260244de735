import { describe, expect, it } from 'vitest';
import { validationIssues } from './validation-issues.ts';

// ajv errors as Fastify hands them over when ajv ran without `verbose` (no `data`)
describe('validationIssues without verbose errors', () => {
  it('reads the failing value from the request part', () => {
    const issues = validationIssues(
      [
        { keyword: 'type', instancePath: '/page', schemaPath: '#/properties/page/type', params: { type: 'integer' }, message: 'must be integer' },
        { keyword: 'type', instancePath: '/items/0/qty', schemaPath: '#/properties/items/items/properties/qty/type', params: { type: 'integer' }, message: 'must be integer' },
      ],
      'body',
      { page: 'x', items: [{ qty: [] }] },
    );
    expect(issues).toEqual([
      { loc: ['body', 'page'], msg: 'Input should be a valid integer, unable to parse string as an integer', type: 'int_parsing' },
      { loc: ['body', 'items', 0, 'qty'], msg: 'Input should be a valid integer', type: 'int_type' },
    ]);
  });

  it('resolves JSON pointer escapes in keys', () => {
    const issues = validationIssues(
      [{ keyword: 'required', instancePath: '/a~1b', schemaPath: '#/required', params: { missingProperty: 'c~d' }, message: '' }],
      'body',
      {},
    );
    expect(issues).toEqual([{ loc: ['body', 'a/b', 'c~d'], msg: 'Field required', type: 'missing' }]);
  });

  it('reports a union of non-literal types as one union_mismatch and drops duplicates', () => {
    const union = { keyword: 'anyOf', instancePath: '/v', schemaPath: '#/properties/v/anyOf', params: {}, message: 'must match a schema in anyOf' };
    const issues = validationIssues(
      [
        { keyword: 'type', instancePath: '/v', schemaPath: '#/properties/v/anyOf/0/type', params: { type: 'string' }, message: '' },
        { keyword: 'type', instancePath: '/v', schemaPath: '#/properties/v/anyOf/1/type', params: { type: 'integer' }, message: '' },
        union,
        { keyword: 'not', instancePath: '/w', schemaPath: '#/properties/w/not', params: {}, message: 'must NOT be valid' },
        { keyword: 'not', instancePath: '/w', schemaPath: '#/properties/w/not', params: {}, message: 'must NOT be valid' },
      ],
      'querystring',
      { v: true },
    );
    expect(issues).toEqual([
      { loc: ['query', 'v'], msg: 'Input does not match any of the allowed types', type: 'union_mismatch' },
      { loc: ['query', 'w'], msg: 'Input must NOT be valid', type: 'value_error' },
    ]);
  });
});
