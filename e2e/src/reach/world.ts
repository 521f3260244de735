import { generateKeyPair, SignJWT } from 'jose';
import { reachOf, type Caller, type Reach } from '@scai/permissions';
import { approved, created, createAdmin, createPartner, createTenant, createTenantUser, registration, serviceToken, signedInTenantMember } from '../fixtures.ts';
import { api, unique } from '../http.ts';
import type { Owner } from './expectations.ts';

export interface MatrixCaller {
  name: string;
  token: string | undefined;
  /** From the permissions library; `null` for a caller that is not authenticated. */
  reach: Reach | null;
  /** Holds every permission (super admin): an in-reach read must answer 200. */
  unrestricted: boolean;
}

export interface MatrixTarget {
  /** `A` (tenant A under partner P) or `B` (tenant B under partner Q). */
  side: 'A' | 'B';
  id: string;
  owner: Owner;
}

/** Targets of every resource kind, one on each side. */
export type Targets = Record<string, MatrixTarget[]>;

/** The super admin's read of each resource kind, used to tell whether a refused write changed it. */
export const READ_PATH: Record<string, string> = {
  partner: '/api/v1/admin/partners/',
  tenant: '/api/v1/admin/tenants/',
  user: '/api/v1/admin/users/',
  group: '/api/v1/admin/groups/',
  application: '/api/v1/admin/applications/',
  registration_request: '/api/v1/admin/registration-requests/',
  subscription: '/api/v1/admin/subscriptions/',
  pack_subscription: '/api/v1/service-packs/subscriptions/',
};

/** What a tenant needs before it can subscribe (billing profile ready for commerce). */
const READY_PROFILE = { company_name: 'Reach B.V.', address_line1: 'Dam 1', postal_code: '1012 JS', city: 'Amsterdam', country_code: 'NL', contact_email: 'billing@reach.test' };

async function subscribed(root: string, tenantId: string): Promise<{ id: string }> {
  const profile = await api('PUT', `/api/v1/admin/tenants/${tenantId}/billing-profile`, { token: root, body: READY_PROFILE });
  if (profile.status !== 200) throw new Error(`billing profile answered ${profile.status}: ${JSON.stringify(profile.body)}`);
  return created<{ id: string }>('/api/v1/admin/subscriptions', root, { tenant_id: tenantId, plan_key: 'scai-chat.free' });
}

/** A one-item pack (scai-docs, which the world's tenants do not hold alone), bought by each side's tenant admin. */
async function reachPack(root: string): Promise<string> {
  const slug = unique('reach-pack').toLowerCase().replace(/[^a-z0-9-]/g, '-');
  await created('/api/v1/admin/service-packs', root, { slug, name: 'Reach pack', discount_type: 'fixed_price', base_price_cents: 1500, currency: 'EUR', billing_period: 'monthly', items: [{ plan_key: 'scai-docs.pro' }] });
  return slug;
}

async function boughtPack(slug: string, token: string): Promise<{ id: string }> {
  const response = await api<{ data: { id: string } }>('POST', `/api/v1/service-packs/${slug}/subscribe`, { token, headers: { 'idempotency-key': unique('reach-pack') } });
  if (response.status !== 201) throw new Error(`subscribing to ${slug} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.data;
}

async function applicationIdOf(root: string, clientId: string): Promise<string> {
  const listed = await api<{ data: { id: string; client_id: string }[] }>('GET', '/api/v1/admin/applications/?page_size=100', { token: root });
  const found = listed.body.data.find((app) => app.client_id === clientId);
  if (!found) throw new Error(`application ${clientId} not listed`);
  return found.id;
}

function serviceCaller(appScope: 'GLOBAL' | 'TENANT', tenantId: string | null, partnerId: string | null): Reach {
  const caller: Caller = { subject: 'svc', kind: 'service', tenantId, partnerId, roles: ['service'], permissions: [], clientId: 'svc', appScope, email: null, tokenId: null };
  return reachOf(caller);
}

/** An access token of this platform's shape that expired an hour ago, signed by a key the platform never published. */
async function expiredToken(like: string): Promise<string> {
  const claims = JSON.parse(Buffer.from(like.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
  const { privateKey } = await generateKeyPair('RS256');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims, iat: now - 7200, exp: now - 3600 }).setProtectedHeader({ alg: 'RS256' }).sign(privateKey);
}

/**
 * Two sides (partner P › tenant A, partner Q › tenant B) with one resource of every kind
 * each, and the callers of the issue: no token, an expired token, each admin role, a member,
 * GLOBAL SERVICE tokens with and without `admin:read`, a TENANT SERVICE token of A.
 */
export async function buildWorld(root: string): Promise<{ callers: MatrixCaller[]; targets: Targets }> {
  const p = await createPartner(root);
  const q = await createPartner(root);
  const tenantA = await createTenant(root, p.id);
  const tenantB = await createTenant(root, q.id);
  const sideOf = { A: { partnerId: p.id, tenantId: tenantA.id }, B: { partnerId: q.id, tenantId: tenantB.id } } as const;

  const targets: Targets = { partner: [], tenant: [], user: [], group: [], application: [], registration_request: [], subscription: [], pack_subscription: [] };
  for (const side of ['A', 'B'] as const) {
    const { partnerId, tenantId } = sideOf[side];
    targets.partner.push({ side, id: partnerId, owner: { partnerId, tenantId: null } });
    targets.tenant.push({ side, id: tenantId, owner: { partnerId, tenantId } });
    const user = await createTenantUser('tenant_member', tenantId);
    targets.user.push({ side, id: user.id, owner: { partnerId, tenantId } });
    const group = await created<{ id: string }>('/api/v1/admin/groups', root, { name: unique('reach'), tenant_id: tenantId });
    targets.group.push({ side, id: group.id, owner: { partnerId, tenantId } });
    const web = await registration(root, { scope: 'TENANT', tenant_id: tenantId, application_type: 'WEB', redirect_uris: ['https://app.reach.test/cb'] });
    const app = await approved(root, web.id);
    targets.application.push({ side, id: await applicationIdOf(root, app.client_id), owner: { partnerId, tenantId } });
    const pending = await registration(root, { scope: 'TENANT', tenant_id: tenantId, application_type: 'WEB', redirect_uris: ['https://app.reach.test/cb'] });
    targets.registration_request.push({ side, id: pending.id, owner: { partnerId, tenantId } });
    targets.subscription.push({ side, id: (await subscribed(root, tenantId)).id, owner: { partnerId, tenantId } });
  }

  const partnerAdminP = await createAdmin('partner_admin', { partnerId: p.id });
  const tenantAdminA = await createAdmin('tenant_admin', { tenantId: tenantA.id, partnerId: p.id });
  const tenantAdminB = await createAdmin('tenant_admin', { tenantId: tenantB.id, partnerId: q.id });
  const pack = await reachPack(root);
  for (const [side, admin] of [['A', tenantAdminA], ['B', tenantAdminB]] as const) {
    targets.pack_subscription.push({ side, id: (await boughtPack(pack, admin.token)).id, owner: sideOf[side] });
  }
  const memberToken = await signedInTenantMember(root, tenantA);
  const globalReader = await approved(root, (await registration(root, { scope: 'GLOBAL', application_type: 'SERVICE', requested_scopes: ['admin:read'] })).id);
  const globalOther = await approved(root, (await registration(root, { scope: 'GLOBAL', application_type: 'SERVICE', requested_scopes: ['services:read'] })).id);
  const tenantService = await approved(
    root,
    (await registration(root, { scope: 'TENANT', tenant_id: tenantA.id, application_type: 'SERVICE', requested_scopes: ['organization:read'] })).id,
  );

  const tenantReach = (tenantId: string, partnerId: string): Reach => ({ level: 'tenant', tenantId, partnerId });
  const callers: MatrixCaller[] = [
    { name: 'no token', token: undefined, reach: null, unrestricted: false },
    { name: 'expired token', token: await expiredToken(root), reach: null, unrestricted: false },
    { name: 'super admin', token: root, reach: { level: 'platform' }, unrestricted: true },
    { name: 'partner admin of P', token: partnerAdminP.token, reach: { level: 'partner', partnerId: p.id }, unrestricted: false },
    { name: 'tenant admin of A', token: tenantAdminA.token, reach: tenantReach(tenantA.id, p.id), unrestricted: false },
    { name: 'member of A', token: memberToken, reach: tenantReach(tenantA.id, p.id), unrestricted: false },
    { name: 'tenant admin of B', token: tenantAdminB.token, reach: tenantReach(tenantB.id, q.id), unrestricted: false },
    { name: 'GLOBAL SERVICE with admin:read', token: await serviceToken(globalReader.client_id, globalReader.client_secret ?? ''), reach: serviceCaller('GLOBAL', null, null), unrestricted: false },
    { name: 'GLOBAL SERVICE without admin:read', token: await serviceToken(globalOther.client_id, globalOther.client_secret ?? ''), reach: serviceCaller('GLOBAL', null, null), unrestricted: false },
    { name: 'TENANT SERVICE of A', token: await serviceToken(tenantService.client_id, tenantService.client_secret ?? '', `/api/v1/auth/tenants/${tenantA.slug}/oauth`), reach: serviceCaller('TENANT', tenantA.id, p.id), unrestricted: false },
  ];
  return { callers, targets };
}
