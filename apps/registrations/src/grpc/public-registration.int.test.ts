import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '@scai/api';
import type { registrations } from '@scai/proto';
import { STATUS_TOKEN_PREFIX } from '../domain/status-token.ts';
import { superAdmin, tenantAdminA1 } from '../testing/callers.ts';
import { startHarness, type Harness } from '../testing/harness.ts';
import { tenantRequest } from '../testing/requests.ts';

let h: Harness;

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);

/** Files a public request (no caller at all) and answers its id and status token. */
async function filePublic(overrides: Partial<registrations.v1.CreateRequestRequest> = {}) {
  return h.client.createPublicRequest({ registration: tenantRequest(overrides) });
}

const status = (requestId: string, statusToken: string) => h.client.getPublicRequestStatus({ id: requestId, statusToken }).then((r) => r.status!);

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

describe('public self-registration', () => {
  it('files a PENDING request without a caller; the status token is shown once and stored only as a keyed hash', async () => {
    const { requestId, statusToken } = await filePublic();
    expect(statusToken.startsWith(STATUS_TOKEN_PREFIX)).toBe(true);
    const row = await h.prisma.registrationRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row).toMatchObject({ status: 'PENDING', source: 'PUBLIC', requestedBy: 'public', tenantId: 'tnt_a1', partnerId: 'prt_a' });
    expect(row.statusTokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(statusToken);
    const events = (await h.prisma.outboxEvent.findMany()).map((e) => e.payload as { type: string; subject: string });
    expect(events).toContainEqual(expect.objectContaining({ type: 'scai.registrations.request.created', subject: requestId }));
    expect(JSON.stringify(events)).not.toContain(statusToken);
    // Admins see it like any other request, without the token.
    const seen = await h.client.getRequest({ id: requestId }, { caller: tenantAdminA1 });
    expect(seen.request).toMatchObject({ source: 'PUBLIC', status: 'PENDING', requestedBy: 'public' });
    expect(await status(requestId, statusToken)).toMatchObject({ requestId, status: 'PENDING', scope: 'TENANT', clientSecretDelivered: false });
  });

  it('allows GLOBAL; an unknown tenant or partner is 404; the usual rules apply (422)', async () => {
    const global = await filePublic({ scope: 'GLOBAL', tenantId: undefined });
    expect((await status(global.requestId, global.statusToken)).scope).toBe('GLOBAL');
    expect((await failure(filePublic({ tenantId: 'tnt_nope' })))?.code).toBe('not_found');
    expect((await failure(filePublic({ scope: 'PARTNER', tenantId: undefined, partnerId: 'prt_nope' })))?.code).toBe('not_found');
    expect((await failure(filePublic({ contactEmail: 'not-an-address' })))?.code).toBe('validation_error');
  });

  it('answers 404 for a wrong token, an unknown id, and an admin-filed request', async () => {
    const { requestId, statusToken } = await filePublic();
    expect((await failure(status(requestId, `${statusToken}x`)))?.code).toBe('not_found');
    expect((await failure(status(requestId, '')))?.code).toBe('not_found');
    expect((await failure(status('rrq_unknown', statusToken)))?.code).toBe('not_found');
    const adminFiled = await h.client.createRequest(tenantRequest(), { caller: tenantAdminA1 });
    expect((await failure(status(adminFiled.request!.id, statusToken)))?.code).toBe('not_found');
  });

  it('after approval shows the client secret on the first status read only; the admin never sees it', async () => {
    const { requestId, statusToken } = await filePublic();
    const approved = await h.client.approveRequest({ id: requestId }, { caller: superAdmin });
    expect(approved.clientSecret).toBeUndefined();
    expect(approved.request?.status).toBe('APPROVED');
    const issued = h.fakes.secrets.get(requestId)!;
    expect(issued).toMatch(/^sec_/);
    // Held sealed until read: not in clear anywhere in the row or the events.
    const held = await h.prisma.registrationRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(held.pendingSecret).toMatch(/^v1\./);
    expect(JSON.stringify(held)).not.toContain(issued);
    expect(JSON.stringify(await h.prisma.outboxEvent.findMany())).not.toContain(issued);

    const first = await status(requestId, statusToken);
    expect(first).toMatchObject({ status: 'APPROVED', clientId: approved.clientId, clientSecret: issued, clientSecretDelivered: true });
    const second = await status(requestId, statusToken);
    expect(second.clientSecret).toBeUndefined();
    expect(second).toMatchObject({ status: 'APPROVED', clientId: approved.clientId, clientSecretDelivered: true });
    const after = await h.prisma.registrationRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(after.pendingSecret).toBeNull();
    expect(after.secretDeliveredAt).toBeInstanceOf(Date);
  });

  it('hands the secret to exactly one of two concurrent reads', async () => {
    const { requestId, statusToken } = await filePublic();
    await h.client.approveRequest({ id: requestId }, { caller: superAdmin });
    const reads = await Promise.all([status(requestId, statusToken), status(requestId, statusToken), status(requestId, statusToken)]);
    expect(reads.filter((read) => read.clientSecret)).toHaveLength(1);
  });

  it('has no secret to hold for a public client type', async () => {
    const { requestId, statusToken } = await filePublic({ applicationType: 'SPA' });
    const approved = await h.client.approveRequest({ id: requestId }, { caller: superAdmin });
    expect(await status(requestId, statusToken)).toMatchObject({ status: 'APPROVED', clientId: approved.clientId, clientSecretDelivered: false });
    expect((await status(requestId, statusToken)).clientSecret).toBeUndefined();
  });

  it('shows the rejection reason', async () => {
    const { requestId, statusToken } = await filePublic();
    await h.client.rejectRequest({ id: requestId, reason: 'Unknown organisation' }, { caller: superAdmin });
    expect(await status(requestId, statusToken)).toMatchObject({ status: 'REJECTED', rejectionReason: 'Unknown organisation' });
  });

  it('cancels a PENDING request for the token holder, with its event; 404 for a wrong token, 409 once decided', async () => {
    const { requestId, statusToken } = await filePublic();
    expect((await failure(h.client.cancelPublicRequest({ id: requestId, statusToken: 'scai_rst_wrong' })))?.code).toBe('not_found');
    const cancelled = await h.client.cancelPublicRequest({ id: requestId, statusToken });
    expect(cancelled.status).toMatchObject({ requestId, status: 'CANCELLED' });
    const row = await h.prisma.registrationRequest.findUniqueOrThrow({ where: { id: requestId } });
    expect(row).toMatchObject({ status: 'CANCELLED', cancelledBy: 'public' });
    const events = (await h.prisma.outboxEvent.findMany()).map((e) => e.payload as { type: string; subject: string });
    expect(events).toContainEqual(expect.objectContaining({ type: 'scai.registrations.request.cancelled', subject: requestId }));
    expect((await failure(h.client.cancelPublicRequest({ id: requestId, statusToken })))?.code).toBe('conflict');
    expect((await failure(h.client.approveRequest({ id: requestId }, { caller: superAdmin })))?.code).toBe('conflict');
  });
});
