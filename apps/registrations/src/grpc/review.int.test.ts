import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conflict, unavailable, type AppError } from '@scai/api';
import { waitFor } from '@scai/events/testing';
import type { registrations } from '@scai/proto';
import { partnerAdminA, partnerAdminB, superAdmin, tenantAdminA1, tenantAdminA2 } from '../testing/callers.ts';
import { startHarness, type Harness } from '../testing/harness.ts';
import { tenantRequest } from '../testing/requests.ts';

let h: Harness;

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);

async function file(overrides: Partial<registrations.v1.CreateRequestRequest> = {}, caller = tenantAdminA1) {
  return (await h.client.createRequest(tenantRequest(overrides), { caller })).request as registrations.v1.RegistrationRequest;
}

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h?.stop();
});

describe('approve', () => {
  it('creates the application as the caller and answers the secret once; GET never shows it', async () => {
    const request = await file();
    const approved = await h.client.approveRequest({ id: request.id, notes: '  looks good ' }, { caller: partnerAdminA, requestId: 'req-approve-1' });
    expect(approved.clientSecret).toMatch(/^sec_/);
    expect(approved.request).toMatchObject({
      status: 'APPROVED',
      reviewedBy: partnerAdminA.subject,
      reviewNotes: 'looks good',
      applicationId: approved.applicationId,
      clientId: approved.clientId,
    });
    const call = h.fakes.calls.find((c) => c.request.registrationRequestId === request.id);
    expect(call?.caller?.subject).toBe(partnerAdminA.subject);
    expect(call?.requestId).toBe('req-approve-1');
    expect(call?.traceparent).toMatch(/^00-[0-9a-f]{32}-/);
    expect(call?.request).toMatchObject({ scope: 'TENANT', tenantId: 'tnt_a1', partnerId: 'prt_a', allowedScopes: ['openid', 'profile', 'email'] });

    const fetched = await h.client.getRequest({ id: request.id }, { caller: superAdmin });
    expect(JSON.stringify(fetched)).not.toContain(approved.clientSecret);
    expect(fetched.request?.clientId).toBe(approved.clientId);
    const row = await h.prisma.registrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(JSON.stringify(row)).not.toContain(approved.clientSecret);
    const outbox = await h.prisma.outboxEvent.findMany();
    expect(JSON.stringify(outbox)).not.toContain(approved.clientSecret);
  });

  it('answers no secret for public clients', async () => {
    const request = await file({ applicationType: 'SPA' });
    const approved = await h.client.approveRequest({ id: request.id }, { caller: tenantAdminA1 });
    expect(approved.clientSecret).toBeUndefined();
    expect(approved.clientId).toMatch(/^cli_/);
  });

  it('a second approve is 409 and creates nothing', async () => {
    const request = await file();
    await h.client.approveRequest({ id: request.id }, { caller: superAdmin });
    const calls = h.fakes.calls.length;
    const error = await failure(h.client.approveRequest({ id: request.id }, { caller: superAdmin }));
    expect(error?.code).toBe('conflict');
    expect(h.fakes.calls.length).toBe(calls);
  });

  it('concurrent approvals create one application and one approval', async () => {
    const request = await file();
    h.fakes.delayMs = 300;
    try {
      const results = await Promise.allSettled([
        h.client.approveRequest({ id: request.id }, { caller: superAdmin }),
        h.client.approveRequest({ id: request.id }, { caller: partnerAdminA }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((rejected.reason as AppError).code).toBe('conflict');
    } finally {
      h.fakes.delayMs = 0;
    }
    expect(h.fakes.calls.filter((c) => c.request.registrationRequestId === request.id)).toHaveLength(1);
    const approvedEvents = await h.prisma.outboxEvent.findMany();
    const mine = approvedEvents.filter((e) => (e.payload as { type: string; subject: string }).subject === request.id);
    expect(mine.map((e) => (e.payload as { type: string }).type).sort()).toEqual([
      'scai.registrations.request.approved',
      'scai.registrations.request.created',
    ]);
  });

  it('leaves the request PENDING when the auth app fails', async () => {
    const request = await file();
    h.fakes.failures.push(unavailable('auth is down'));
    expect((await failure(h.client.approveRequest({ id: request.id }, { caller: superAdmin })))?.code).toBe('unavailable');
    h.fakes.failures.push(conflict('Application name taken'));
    expect((await failure(h.client.approveRequest({ id: request.id }, { caller: superAdmin })))?.code).toBe('conflict');
    const row = await h.prisma.registrationRequest.findUniqueOrThrow({ where: { id: request.id } });
    expect(row).toMatchObject({ status: 'PENDING', applicationId: null, reviewedBy: null });
    // Once auth is back the same request can be approved.
    expect((await h.client.approveRequest({ id: request.id }, { caller: superAdmin })).request?.status).toBe('APPROVED');
  });

  it('enforces approval rights and visibility', async () => {
    const tenantReq = await file();
    expect((await failure(h.client.approveRequest({ id: tenantReq.id }, { caller: tenantAdminA2 })))?.code).toBe('not_found');
    expect((await failure(h.client.approveRequest({ id: tenantReq.id }, { caller: partnerAdminB })))?.code).toBe('not_found');
    const partnerReq = await file({ scope: 'PARTNER', tenantId: undefined, partnerId: 'prt_a' }, partnerAdminA);
    expect((await failure(h.client.approveRequest({ id: partnerReq.id }, { caller: tenantAdminA1 })))?.code).toBe('not_found');
    expect((await h.client.approveRequest({ id: partnerReq.id }, { caller: partnerAdminA })).request?.status).toBe('APPROVED');
    expect((await failure(h.client.approveRequest({ id: 'rrq_unknown' }, { caller: superAdmin })))?.code).toBe('not_found');
  });
});

describe('reject and cancel', () => {
  it('rejects with a reason, then every move is 409', async () => {
    const request = await file();
    const rejected = await h.client.rejectRequest({ id: request.id, reason: 'Duplicate of another app' }, { caller: partnerAdminA });
    expect(rejected.request).toMatchObject({ status: 'REJECTED', rejectionReason: 'Duplicate of another app', reviewedBy: partnerAdminA.subject });
    for (const move of [
      () => h.client.approveRequest({ id: request.id }, { caller: superAdmin }),
      () => h.client.rejectRequest({ id: request.id, reason: 'again' }, { caller: superAdmin }),
      () => h.client.cancelRequest({ id: request.id }, { caller: superAdmin }),
    ]) {
      expect((await failure(move()))?.code).toBe('conflict');
    }
  });

  it('needs a reason to reject', async () => {
    const request = await file();
    const error = await failure(h.client.rejectRequest({ id: request.id, reason: '  ' }, { caller: superAdmin }));
    expect(error?.issues).toContainEqual(expect.objectContaining({ loc: ['body', 'reason'] }));
  });

  it('cancels a pending request (requester), then approving it is 409', async () => {
    const request = await file();
    const cancelled = await h.client.cancelRequest({ id: request.id }, { caller: tenantAdminA1 });
    expect(cancelled.request).toMatchObject({ status: 'CANCELLED', cancelledBy: tenantAdminA1.subject });
    expect(cancelled.request?.cancelledAt).toBeTruthy();
    expect((await failure(h.client.approveRequest({ id: request.id }, { caller: superAdmin })))?.code).toBe('conflict');
    expect((await failure(h.client.cancelRequest({ id: request.id }, { caller: tenantAdminA1 })))?.code).toBe('conflict');
  });

  it('the approved and rejected events reach the requester notifier once each', async () => {
    const approvedReq = await file({ name: 'Notify me' });
    const approved = await h.client.approveRequest({ id: approvedReq.id }, { caller: superAdmin });
    const rejectedReq = await file({ name: 'Reject me' });
    await h.client.rejectRequest({ id: rejectedReq.id, reason: 'Not needed' }, { caller: superAdmin });
    await waitFor(() => h.notices.some((n) => n.subject === 'Application "Notify me" approved'), 15_000);
    await waitFor(() => h.notices.some((n) => n.subject === 'Application "Reject me" rejected'), 15_000);
    // Give a duplicate delivery time to show up, then count.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const approvedNotices = h.notices.filter((n) => n.subject === 'Application "Notify me" approved');
    expect(approvedNotices).toHaveLength(1);
    expect(approvedNotices[0]).toMatchObject({ to: 'dev@example.com' });
    expect(approvedNotices[0].text).toContain(approved.clientId);
    expect(approvedNotices[0].text).not.toContain(approved.clientSecret ?? 'no-secret');
    const processed = await h.prisma.processedEvent.findMany({ where: { consumer: 'registrations-notify-approved' } });
    expect(processed.length).toBeGreaterThanOrEqual(1);
  });
});
