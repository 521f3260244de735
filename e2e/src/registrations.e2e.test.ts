import { beforeAll, describe, expect, it, inject } from 'vitest';
import { api, superAdminToken, unique, type ErrorBody } from './http.ts';
import { createAdmin, createPartner, createTenant } from './fixtures.ts';

let root: string;

beforeAll(async () => {
  root = await superAdminToken();
});

type Request = Record<string, unknown> & { id: string; status: string };

function requestBody(overrides: Record<string, unknown> = {}) {
  return {
    scope: 'GLOBAL',
    name: unique('app'),
    application_type: 'SERVICE',
    contact_email: 'dev@e2e.test',
    requested_scopes: ['admin:read'],
    ...overrides,
  };
}

async function createRequest(token: string, overrides: Record<string, unknown> = {}): Promise<Request> {
  const response = await api<{ data: Request }>('POST', '/api/v1/admin/registration-requests/', { token, body: requestBody(overrides) });
  if (response.status !== 201) throw new Error(`create request answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.data;
}

describe('Registration Requests (seed 002) through the gateway', () => {
  it('applies the seed defaults and the scope rules', async () => {
    const created = await createRequest(root, { application_type: 'WEB', redirect_uris: ['https://app.e2e.test/callback'], requested_scopes: undefined });
    expect(created).toMatchObject({
      status: 'PENDING',
      scope: 'GLOBAL',
      requested_scopes: ['openid', 'profile', 'email'],
      grant_types: ['authorization_code', 'refresh_token'],
    });
    expect(created.id).toMatch(/^rrq_/);

    const noTenant = await api<ErrorBody>('POST', '/api/v1/admin/registration-requests/', { token: root, body: requestBody({ scope: 'TENANT' }) });
    expect(noTenant.status).toBe(422);
    expect(noTenant.body.detail?.[0].loc).toEqual(['body', 'tenant_id']);
    const noPartner = await api<ErrorBody>('POST', '/api/v1/admin/registration-requests/', { token: root, body: requestBody({ scope: 'PARTNER' }) });
    expect(noPartner.status).toBe(422);
    expect(noPartner.body.detail?.[0].loc).toEqual(['body', 'partner_id']);
    const badEmail = await api<ErrorBody>('POST', '/api/v1/admin/registration-requests/', { token: root, body: requestBody({ contact_email: 'nope' }) });
    expect(badEmail.status).toBe(422);
    expect(badEmail.body.detail?.map((d) => d.loc.join('.'))).toEqual(['body.contact_email']);
    // The seed types application_type as a string; the service still refuses unknown types.
    const badType = await api<ErrorBody>('POST', '/api/v1/admin/registration-requests/', { token: root, body: requestBody({ application_type: 'MAINFRAME' }) });
    expect(badType.status).toBe(422);
    expect(badType.body.detail?.[0].loc).toEqual(['body', 'application_type']);
  });

  it('approves once, shows the secret once, and refuses any further transition', async () => {
    const created = await createRequest(root);
    const approved = await api<{ data: Request & { client_id: string; client_secret: string } }>(
      'POST',
      `/api/v1/admin/registration-requests/${created.id}/approve`,
      { token: root, body: { notes: 'ok' } },
    );
    expect(approved.status).toBe(200);
    expect(approved.body.data.status).toBe('APPROVED');
    expect(approved.body.data.client_id).toBeTruthy();
    expect(approved.body.data.client_secret).toBeTruthy();

    const fetched = await api<{ data: Request }>('GET', `/api/v1/admin/registration-requests/${created.id}`, { token: root });
    expect(fetched.body.data).toMatchObject({ status: 'APPROVED', client_id: approved.body.data.client_id });
    expect(JSON.stringify(fetched.body)).not.toContain(approved.body.data.client_secret);

    for (const [method, path, body] of [
      ['POST', `/api/v1/admin/registration-requests/${created.id}/approve`, {}],
      ['POST', `/api/v1/admin/registration-requests/${created.id}/reject`, { reason: 'late' }],
      ['DELETE', `/api/v1/admin/registration-requests/${created.id}`, undefined],
    ] as const) {
      const response = await api<ErrorBody>(method, path, { token: root, body });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('conflict');
    }
  });

  it('rejects with a reason, cancels pending requests, and validates the reason', async () => {
    const toReject = await createRequest(root);
    const noReason = await api<ErrorBody>('POST', `/api/v1/admin/registration-requests/${toReject.id}/reject`, { token: root, body: {} });
    expect(noReason.status).toBe(422);
    const rejected = await api<{ data: Request }>('POST', `/api/v1/admin/registration-requests/${toReject.id}/reject`, {
      token: root,
      body: { reason: 'not needed' },
    });
    expect(rejected.body.data).toMatchObject({ status: 'REJECTED', rejection_reason: 'not needed' });

    const toCancel = await createRequest(root);
    const cancelled = await api<{ data: Request }>('DELETE', `/api/v1/admin/registration-requests/${toCancel.id}`, { token: root });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.data.status).toBe('CANCELLED');

    const filtered = await api<{ data: Request[] }>('GET', '/api/v1/admin/registration-requests/?status=CANCELLED&scope=GLOBAL&per_page=100', {
      token: root,
    });
    expect(filtered.body.data.map((r) => r.id)).toContain(toCancel.id);
    expect(filtered.body.data.every((r) => r.status === 'CANCELLED')).toBe(true);
  });

  it('shows each admin level only what the seed allows, and 404 beyond it', async () => {
    const partnerA = await createPartner(root);
    const partnerB = await createPartner(root);
    const tenantA = await createTenant(root, partnerA.id);
    const tenantB = await createTenant(root, partnerB.id);
    const tenantAdminA = await createAdmin('tenant_admin', { tenantId: tenantA.id, partnerId: partnerA.id });
    const partnerAdminA = await createAdmin('partner_admin', { partnerId: partnerA.id });

    const forTenantA = await createRequest(tenantAdminA.token, { scope: 'TENANT', tenant_id: tenantA.id });
    const forTenantB = await createRequest(root, { scope: 'TENANT', tenant_id: tenantB.id });
    const forPartnerA = await createRequest(root, { scope: 'PARTNER', partner_id: partnerA.id });
    const global = await createRequest(root);

    const visible = async (token: string) =>
      (await api<{ data: Request[] }>('GET', '/api/v1/admin/registration-requests/?per_page=100', { token })).body.data.map((r) => r.id);
    const seenByTenant = await visible(tenantAdminA.token);
    expect(seenByTenant).toContain(forTenantA.id);
    expect(seenByTenant).not.toContain(forTenantB.id);
    expect(seenByTenant).not.toContain(forPartnerA.id);
    expect(seenByTenant).not.toContain(global.id);
    const seenByPartner = await visible(partnerAdminA.token);
    expect(seenByPartner).toEqual(expect.arrayContaining([forTenantA.id, forPartnerA.id]));
    expect(seenByPartner).not.toContain(forTenantB.id);
    expect(seenByPartner).not.toContain(global.id);

    for (const [method, path] of [
      ['GET', `/api/v1/admin/registration-requests/${forTenantB.id}`],
      ['POST', `/api/v1/admin/registration-requests/${forTenantB.id}/approve`],
      ['DELETE', `/api/v1/admin/registration-requests/${forTenantB.id}`],
    ] as const) {
      expect((await api(method, path, { token: tenantAdminA.token, body: method === 'POST' ? {} : undefined })).status).toBe(404);
    }
    // Another tenant's id in a create is not found either, and nothing is written.
    const foreign = await api<ErrorBody>('POST', '/api/v1/admin/registration-requests/', {
      token: tenantAdminA.token,
      body: requestBody({ scope: 'TENANT', tenant_id: tenantB.id }),
    });
    expect(foreign.status).toBe(404);
    expect(await visible(root)).not.toContain(undefined);

    // A partner admin may approve its tenants' requests; the GLOBAL one needs the platform.
    const approved = await api('POST', `/api/v1/admin/registration-requests/${forTenantA.id}/approve`, { token: partnerAdminA.token, body: {} });
    expect(approved.status).toBe(200);
    expect((await api('GET', `/api/v1/admin/registration-requests/${forTenantB.id}`, { token: root })).status).toBe(200);
  });

  it('traces one approval from the gateway through registrations and auth to the event consumer', async () => {
    const created = await createRequest(root);
    const traceId = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const approved = await api('POST', `/api/v1/admin/registration-requests/${created.id}/approve`, {
      token: root,
      body: {},
      headers: { traceparent: `00-${traceId}-${'1'.repeat(16)}-01` },
    });
    expect(approved.status).toBe(200);
    let services: string[] = [];
    let spans: { service: string; name: string; kind: number }[] = [];
    for (let i = 0; i < 60; i += 1) {
      spans = (await (await fetch(`${inject('otlpUrl')}/spans?trace_id=${traceId}`)).json()) as typeof spans;
      services = [...new Set(spans.map((s) => s.service))];
      const consumed = spans.some((s) => s.service === 'registrations' && s.kind === 5);
      if (services.includes('auth') && consumed) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(services).toEqual(expect.arrayContaining(['api-gateway', 'registrations', 'auth']));
    // SpanKind.CONSUMER = 5 in OTLP: the approval event's consumer continued the same trace.
    expect(spans.some((s) => s.kind === 5)).toBe(true);
  });
});
