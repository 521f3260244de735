import { describe, expect, it } from 'vitest';
import { api } from './http.ts';

describe('platform surface', () => {
  it('answers health with every service serving', async () => {
    const health = await api<{ status: string; services: Record<string, string> }>('GET', '/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    expect(Object.keys(health.body.services).sort()).toEqual(['auth', 'billing', 'metering', 'partners', 'provisioning', 'registrations']);
  });

  it('publishes the OpenAPI 3.1 document and the reference page', async () => {
    const doc = await api<{ openapi: string; paths: Record<string, unknown> }>('GET', '/api/v1/openapi.json');
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/admin/partners/', '/api/v1/admin/registration-requests/{request_id}/approve', '/api/v1/admin/auth/login']),
    );
    const page = await api('GET', '/api/v1/reference/');
    expect(page.status).toBe(200);
  });
});
