import { inject } from 'vitest';
import { bindClient, createChannelClient } from '@scai/grpc';
import { SYSTEM_CALLER, type Role } from '@scai/permissions';
import { auth } from '@scai/proto';
import { api, login, unique } from './http.ts';
import { Browser, signIn, SPA_SCOPES } from './oidc-flow.ts';

/** Admin users are created over the auth app's internal gRPC (the users API comes later). */
const users = bindClient(createChannelClient(auth.v1.UsersServiceClient, inject('authGrpcUrl')));

export async function createPartner(token: string, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown> & { id: string }> {
  const slug = unique('prt');
  const response = await api<{ data: Record<string, unknown> & { id: string } }>('POST', '/api/v1/admin/partners/', {
    token,
    body: { name: `Partner ${slug}`, slug, contact_email: `${slug}@e2e.test`, ...overrides },
  });
  if (response.status !== 201) throw new Error(`create partner answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.data;
}

export async function createTenant(token: string, partnerId: string, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown> & { id: string; slug: string }> {
  const slug = unique('tnt');
  const response = await api<{ data: Record<string, unknown> & { id: string; slug: string } }>('POST', '/api/v1/admin/tenants', {
    token,
    body: { name: `Tenant ${slug}`, slug, partner_id: partnerId, contact_email: `${slug}@e2e.test`, ...overrides },
  });
  if (response.status !== 201) throw new Error(`create tenant answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.data;
}

export interface AdminUser {
  id: string;
  email: string;
  password: string;
  token: string;
  refreshToken: string;
}

/** A user with one role, signed in through the gateway. */
export async function createAdmin(role: Role, scope: { partnerId?: string; tenantId?: string } = {}): Promise<AdminUser> {
  const email = `${unique(role.replace('_', '-'))}@e2e.test`;
  const password = `Pw-${unique('x')}-long-enough`;
  const created = await users.createUser(
    {
      email,
      password,
      displayName: email,
      tenantId: scope.tenantId,
      partnerId: scope.partnerId,
      roles: [{ role, tenantId: scope.tenantId, partnerId: scope.partnerId }],
    },
    { caller: SYSTEM_CALLER },
  );
  const session = await login(email, password);
  return { id: created.user?.id ?? '', email, password, token: session.access_token, refreshToken: session.refresh_token };
}

/** A user of a tenant with one role, not signed in (a tenant_member cannot use the admin sign-in). */
export async function createTenantUser(role: Role, tenantId: string): Promise<{ id: string; email: string; password: string }> {
  const email = `${unique(role.replace('_', '-'))}@e2e.test`;
  const password = `Pw-${unique('x')}-long-enough`;
  const created = await users.createUser({ email, password, displayName: email, tenantId, roles: [{ role, tenantId }] }, { caller: SYSTEM_CALLER });
  return { id: created.user?.id ?? '', email, password };
}

/** What a member's SPA asks for: sign-in plus the member's reads of its tenant (roles.ts). */
const MEMBER_SCOPES = [...SPA_SCOPES, 'billing:read', 'subscriptions:read', 'services:read'];

/**
 * A tenant_member of the tenant signed in through the tenant's OIDC issuer with a new SPA
 * application of that tenant (members cannot use the admin sign-in); the access token.
 */
export async function signedInTenantMember(root: string, tenant: { id: string; slug: string }): Promise<string> {
  const body = {
    name: unique('member-spa'),
    contact_email: 'member-spa@e2e.test',
    scope: 'TENANT',
    tenant_id: tenant.id,
    application_type: 'SPA',
    redirect_uris: ['https://spa.e2e.test/callback'],
    allowed_origins: ['https://spa.e2e.test'],
    requested_scopes: MEMBER_SCOPES,
  };
  const requested = await api<{ data: { id: string } }>('POST', '/api/v1/admin/registration-requests/', { token: root, body });
  if (requested.status !== 201) throw new Error(`registration answered ${requested.status}: ${JSON.stringify(requested.body)}`);
  const approved = await api<{ data: { client_id: string } }>('POST', `/api/v1/admin/registration-requests/${requested.body.data.id}/approve`, { token: root, body: {} });
  if (approved.status !== 200) throw new Error(`approve answered ${approved.status}: ${JSON.stringify(approved.body)}`);
  const member = await createTenantUser('tenant_member', tenant.id);
  const { tokens } = await signIn(`${inject('gatewayUrl')}/api/v1/auth/tenants/${tenant.slug}`, approved.body.data.client_id, member, new Browser(), MEMBER_SCOPES);
  return tokens.access_token;
}

/** Two sides that share nothing: partner P › tenant A with its tenant admin, partner Q › tenant B with its tenant admin. */
export async function twoTenants(root: string) {
  const p = await createPartner(root);
  const q = await createPartner(root);
  const tenantA = await createTenant(root, p.id);
  const tenantB = await createTenant(root, q.id);
  const adminA = await createAdmin('tenant_admin', { tenantId: tenantA.id, partnerId: p.id });
  const adminB = await createAdmin('tenant_admin', { tenantId: tenantB.id, partnerId: q.id });
  return { p, q, tenantA, tenantB, adminA, adminB };
}

export async function registration(root: string, body: Record<string, unknown>) {
  return created<{ id: string }>('/api/v1/admin/registration-requests/', root, { name: unique('reach'), contact_email: 'reach@e2e.test', ...body });
}

export async function approved(root: string, requestId: string) {
  const response = await api<{ data: { client_id: string; client_secret: string | null; application_id?: string } }>(
    'POST',
    `/api/v1/admin/registration-requests/${requestId}/approve`,
    { token: root, body: {} },
  );
  if (response.status !== 200) throw new Error(`approve answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.data;
}

/** A client_credentials grant at an issuer's token endpoint (a TENANT application uses its tenant's issuer). */
export async function serviceToken(clientId: string, clientSecret: string, issuerPath = '/api/v1/platform/oauth'): Promise<string> {
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64');
  const response = await fetch(`${inject('gatewayUrl')}${issuerPath}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`client_credentials answered ${response.status}: ${JSON.stringify(body)}`);
  return body.access_token;
}


/** A POST that must answer 200 or 201; its `data`. */
export async function created<T extends { id: string }>(path: string, token: string, body: unknown): Promise<T> {
  const response = await api<{ data: T }>('POST', path, { token, body });
  if (response.status !== 201 && response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.data;
}
