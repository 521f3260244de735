import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '@scai/api';
import type { registrations } from '@scai/proto';
import { partnerAdminA, partnerAdminB, superAdmin, tenantAdminA1, tenantAdminA2, tenantMember } from '../testing/callers.ts';
import { startHarness, type Harness } from '../testing/harness.ts';
import { tenantRequest } from '../testing/requests.ts';

let h: Harness;
let globalReq: registrations.v1.RegistrationRequest;
let partnerA: registrations.v1.RegistrationRequest;
let tenantA1: registrations.v1.RegistrationRequest;
let tenantA2: registrations.v1.RegistrationRequest;
let tenantB1: registrations.v1.RegistrationRequest;

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);
const ids = (list: registrations.v1.ListRequestsResponse) => list.requests.map((r) => r.id).sort();

beforeAll(async () => {
  h = await startHarness();
  const create = async (caller: typeof superAdmin, request: registrations.v1.CreateRequestRequest) =>
    (await h.client.createRequest(request, { caller })).request as registrations.v1.RegistrationRequest;
  globalReq = await create(superAdmin, tenantRequest({ scope: 'GLOBAL', tenantId: undefined, name: 'Global' }));
  partnerA = await create(partnerAdminA, tenantRequest({ scope: 'PARTNER', tenantId: undefined, partnerId: 'prt_a', name: 'Partner A' }));
  tenantA1 = await create(tenantAdminA1, tenantRequest({ name: 'A1' }));
  tenantA2 = await create(partnerAdminA, tenantRequest({ tenantId: 'tnt_a2', name: 'A2' }));
  tenantB1 = await create(partnerAdminB, tenantRequest({ tenantId: 'tnt_b1', name: 'B1' }));
});

afterAll(async () => {
  await h?.stop();
});

describe('create', () => {
  it('stores a PENDING request with defaults, the requester and the resolved partner', () => {
    expect(tenantA1).toMatchObject({
      status: 'PENDING',
      scope: 'TENANT',
      tenantId: 'tnt_a1',
      partnerId: 'prt_a',
      source: 'ADMIN',
      requestedBy: tenantAdminA1.subject,
      requestedScopes: ['openid', 'profile', 'email'],
      grantTypes: ['authorization_code', 'refresh_token'],
    });
    expect(tenantA1.id).toMatch(/^rrq_/);
    expect(Date.parse(tenantA1.expiresAt ?? '') - Date.parse(tenantA1.createdAt ?? '')).toBe(30 * 24 * 3600 * 1000);
  });

  it('writes a created event with tenant and partner in the outbox', async () => {
    const rows = await h.prisma.outboxEvent.findMany();
    const created = rows.map((row) => row.payload as { type: string; subject: string; tenantid?: string; partnerid?: string });
    expect(created.find((event) => event.subject === tenantA1.id)).toMatchObject({
      type: 'scai.registrations.request.created',
      tenantid: 'tnt_a1',
      partnerid: 'prt_a',
    });
  });

  it('answers 422 with the field for scope rules', async () => {
    const error = await failure(h.client.createRequest(tenantRequest({ tenantId: undefined }), { caller: superAdmin }));
    expect(error?.code).toBe('validation_error');
    expect(error?.issues).toContainEqual(expect.objectContaining({ loc: ['body', 'tenant_id'] }));
  });

  it('keeps creation within reach', async () => {
    expect((await failure(h.client.createRequest(tenantRequest({ tenantId: 'tnt_b1' }), { caller: tenantAdminA1 })))?.code).toBe('not_found');
    expect((await failure(h.client.createRequest(tenantRequest({ tenantId: 'tnt_b1' }), { caller: partnerAdminA })))?.code).toBe('not_found');
    expect((await failure(h.client.createRequest(tenantRequest({ tenantId: 'tnt_zz' }), { caller: superAdmin })))?.code).toBe('not_found');
    const global = tenantRequest({ scope: 'GLOBAL', tenantId: undefined });
    expect((await failure(h.client.createRequest(global, { caller: partnerAdminA })))?.code).toBe('forbidden');
    const otherPartner = tenantRequest({ scope: 'PARTNER', tenantId: undefined, partnerId: 'prt_b' });
    expect((await failure(h.client.createRequest(otherPartner, { caller: partnerAdminA })))?.code).toBe('not_found');
  });

  it('refuses callers without an admin role or identity', async () => {
    expect((await failure(h.client.createRequest(tenantRequest(), { caller: tenantMember })))?.code).toBe('forbidden');
    expect((await failure(h.client.listRequests({}, {})))?.code).toBe('unauthorized');
  });
});

describe('list and get per admin level', () => {
  it('super admin sees all', async () => {
    const list = await h.client.listRequests({}, { caller: superAdmin });
    expect(ids(list)).toEqual([globalReq, partnerA, tenantA1, tenantA2, tenantB1].map((r) => r.id).sort());
    expect(list.pageInfo).toMatchObject({ page: 1, pageSize: 20, total: 5, totalPages: 1 });
  });

  it("partner admin sees its partner's PARTNER and TENANT requests only", async () => {
    expect(ids(await h.client.listRequests({}, { caller: partnerAdminA }))).toEqual([partnerA, tenantA1, tenantA2].map((r) => r.id).sort());
    expect(ids(await h.client.listRequests({}, { caller: partnerAdminB }))).toEqual([tenantB1.id]);
  });

  it("tenant admin sees its tenant's requests only, and 404 for another tenant's", async () => {
    expect(ids(await h.client.listRequests({}, { caller: tenantAdminA1 }))).toEqual([tenantA1.id]);
    expect((await failure(h.client.getRequest({ id: tenantA2.id }, { caller: tenantAdminA1 })))?.code).toBe('not_found');
    expect((await failure(h.client.getRequest({ id: tenantB1.id }, { caller: tenantAdminA1 })))?.code).toBe('not_found');
    expect((await failure(h.client.getRequest({ id: partnerA.id }, { caller: tenantAdminA2 })))?.code).toBe('not_found');
    expect((await h.client.getRequest({ id: tenantA1.id }, { caller: tenantAdminA1 })).request?.name).toBe('A1');
  });

  it('partner admin gets 404 for another partner and for GLOBAL requests', async () => {
    expect((await failure(h.client.getRequest({ id: tenantB1.id }, { caller: partnerAdminA })))?.code).toBe('not_found');
    expect((await failure(h.client.getRequest({ id: globalReq.id }, { caller: partnerAdminA })))?.code).toBe('not_found');
  });

  it('filters by status and scope and pages', async () => {
    expect(ids(await h.client.listRequests({ scope: 'PARTNER' }, { caller: superAdmin }))).toEqual([partnerA.id]);
    expect((await h.client.listRequests({ status: 'APPROVED' }, { caller: superAdmin })).requests).toEqual([]);
    const page = await h.client.listRequests({ page: { page: 2, pageSize: 2 } }, { caller: superAdmin });
    expect(page.requests).toHaveLength(2);
    expect(page.pageInfo).toMatchObject({ page: 2, pageSize: 2, total: 5, totalPages: 3 });
    const bad = await failure(h.client.listRequests({ status: 'DONE' }, { caller: superAdmin }));
    expect(bad?.issues).toContainEqual(expect.objectContaining({ loc: ['query', 'status'] }));
  });
});
