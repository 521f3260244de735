import { inject } from 'vitest';
import { bindClient, createChannelClient } from '@scai/grpc';
import { SYSTEM_CALLER, type Role } from '@scai/permissions';
import { auth } from '@scai/proto';
import { api, login, unique } from './http.ts';

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
