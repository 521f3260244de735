import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { api, login, superAdminToken, type ErrorBody } from './http.ts';
import { createAdmin, createPartner, createTenant } from './fixtures.ts';

let root: string;

beforeAll(async () => {
  root = await superAdminToken();
});

/** "At once" in the catalog: the gateway hears of the change through NATS within a few seconds. */
const REVOCATION_DEADLINE_MS = 5000;

const me = (token: string) => api<ErrorBody>('GET', '/api/v1/admin/auth/me', { token });

/** Polls `GET /admin/auth/me` with `token` until it answers `status`; returns that response. */
async function meAnswers(token: string, status: number) {
  const deadline = Date.now() + REVOCATION_DEADLINE_MS;
  for (;;) {
    const response = await me(token);
    if (response.status === status) return response;
    if (Date.now() > deadline) throw new Error(`/me answered ${response.status}, not ${status}, within ${REVOCATION_DEADLINE_MS} ms`);
    await sleep(100);
  }
}

describe('token revocation at the gateway', () => {
  it("suspending a tenant refuses its users' existing tokens at once; reactivation lets a fresh sign-in in", async () => {
    const partner = await createPartner(root);
    const tenant = await createTenant(root, partner.id);
    const bystanderTenant = await createTenant(root, partner.id);
    const admin = await createAdmin('tenant_admin', { tenantId: tenant.id, partnerId: partner.id });
    const bystander = await createAdmin('tenant_admin', { tenantId: bystanderTenant.id, partnerId: partner.id });
    expect((await me(admin.token)).status).toBe(200);
    // `iat` has whole seconds: let the suspension fall in a later second than the sign-in.
    await sleep(1100);

    const suspended = await api('PATCH', `/api/v1/admin/tenants/${tenant.id}`, { token: root, body: { status: 'SUSPENDED' } });
    expect(suspended.status).toBe(200);

    const refused = await meAnswers(admin.token, 401);
    expect(refused.body.error).toMatchObject({ code: 'unauthorized', message: 'Token has been revoked' });
    expect((await me(bystander.token)).status).toBe(200);
    expect((await me(root)).status).toBe(200);

    // Signing in again while suspended gets nowhere either.
    const during = await api<{ access_token?: string }>('POST', '/api/v1/admin/auth/login', { body: { email: admin.email, password: admin.password } });
    if (during.status === 200) expect((await me(during.body.access_token ?? '')).status).toBe(401);

    const reactivated = await api('PATCH', `/api/v1/admin/tenants/${tenant.id}`, { token: root, body: { status: 'ACTIVE' } });
    expect(reactivated.status).toBe(200);
    const fresh = await login(admin.email, admin.password);
    const admitted = await meAnswers(fresh.access_token, 200);
    expect(admitted.body).toMatchObject({ id: admin.id });
    // The token from before the suspension stays dead.
    expect((await me(admin.token)).status).toBe(401);
  });

  it("deleting a partner refuses its admins' and its tenants' tokens at once", async () => {
    const partner = await createPartner(root);
    const tenant = await createTenant(root, partner.id);
    const partnerAdmin = await createAdmin('partner_admin', { partnerId: partner.id });
    const tenantAdmin = await createAdmin('tenant_admin', { tenantId: tenant.id, partnerId: partner.id });
    expect((await me(partnerAdmin.token)).status).toBe(200);
    expect((await me(tenantAdmin.token)).status).toBe(200);

    expect((await api('DELETE', `/api/v1/admin/partners/${partner.id}`, { token: root })).status).toBe(204);

    await meAnswers(partnerAdmin.token, 401);
    await meAnswers(tenantAdmin.token, 401);
    expect((await me(root)).status).toBe(200);
  });
});
