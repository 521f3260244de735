import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeedText } from './seed-text.ts';
import { typeText } from './model.ts';

const seedsDir = join(import.meta.dirname, '../../../../shared/spec/seeds');
const seed = (prefix: string) => readFileSync(join(seedsDir, readdirSync(seedsDir).find((f) => f.startsWith(prefix)) as string), 'utf8');

describe('parseSeedText', () => {
  it('reads the Registration Requests page', () => {
    const page = parseSeedText(seed('002'));
    expect(page.group).toBe('Registration Requests');
    expect(page.endpoints.map((e) => `${e.method} ${e.path}`)).toEqual([
      'GET /api/v1/admin/registration-requests/',
      'POST /api/v1/admin/registration-requests/',
      'DELETE /api/v1/admin/registration-requests/{request_id}',
      'GET /api/v1/admin/registration-requests/{request_id}',
      'POST /api/v1/admin/registration-requests/{request_id}/approve',
      'POST /api/v1/admin/registration-requests/{request_id}/reject',
    ]);
    const list = page.endpoints[0];
    expect(list.summary).toBe('List Registration Requests');
    expect(list.parameters.map((p) => [p.name, p.in, p.required, typeText(p.type)])).toEqual([
      ['page', 'query', false, 'integer'],
      ['per_page', 'query', false, 'integer'],
      ['status', 'query', false, 'string | null'],
      ['scope', 'query', false, 'string | null'],
      ['authorization', 'header', false, 'string | null'],
    ]);
    expect(list.parameters[2].description).toBe('Filter by status: PENDING, APPROVED, REJECTED, CANCELLED, EXPIRED');
    expect(page.endpoints[1].requestBody).toMatchObject({ required: true });
    expect(page.endpoints[4].requestBody).toMatchObject({ required: false });
    expect(page.endpoints[1].responses.map((r) => r.status)).toEqual(['201', '422']);
    const create = page.schemas.find((s) => s.name === 'RegistrationRequestCreate');
    expect(create?.description).toBe('Create a new registration request.');
    expect(create?.fields.find((f) => f.name === 'contact_email')).toMatchObject({ required: true });
    expect(typeText(create?.fields.find((f) => f.name === 'contact_email')?.type ?? { kind: 'any' })).toBe('string (email)');
    expect(create?.fields.find((f) => f.name === 'requested_scopes')?.description).toBe("Default: ['openid', 'profile', 'email']");
    const validation = page.schemas.find((s) => s.name === 'ValidationError');
    expect(typeText(validation?.fields[0].type ?? { kind: 'any' })).toBe('array of string | integer');
  });

  it('reads the Admin Auth page and its named responses', () => {
    const page = parseSeedText(seed('003'));
    expect(page.endpoints).toHaveLength(4);
    const login = page.endpoints[0];
    expect(login.responses[0]).toMatchObject({ status: '200', type: { kind: 'ref', name: 'scaikey__api__v1__admin__auth__LoginResponse' } });
    expect(page.endpoints[1].responses.map((r) => r.status)).toEqual(['200']);
    expect(page.schemas.map((s) => s.name)).toContain('scaikey__api__v1__me__auth__RefreshResponse');
  });
});
