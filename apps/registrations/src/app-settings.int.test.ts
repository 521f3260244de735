import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppError } from '@scai/api';
import { createOutbox } from '@scai/events';
import { waitFor } from '@scai/events/testing';
import type { registrations } from '@scai/proto';
import { createPrisma } from './store/prisma.ts';
import { partnerAdminA, superAdmin, tenantAdminA1 } from './testing/callers.ts';
import { startHarness, type Harness } from './testing/harness.ts';
import { tenantRequest } from './testing/requests.ts';
import { expireRegistrations } from './use-cases/expire-registrations.ts';

let h: Harness;

const failure = (promise: Promise<unknown>) => promise.then(() => null, (error: AppError) => error);

async function file(caller = tenantAdminA1) {
  return (await h.client.createRequest(tenantRequest(), { caller })).request as registrations.v1.RegistrationRequest;
}

async function backdate(id: string) {
  await h.prisma.registrationRequest.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
}

beforeAll(async () => {
  h = await startHarness({ REGISTRATION_REQUIRE_SECOND_ADMIN: 'true', REGISTRATION_EXPIRY_INTERVAL_MS: '200', REGISTRATION_TTL_DAYS: '7' });
});

afterAll(async () => {
  await h?.stop();
});

describe('REGISTRATION_REQUIRE_SECOND_ADMIN', () => {
  it('forbids approving your own request, a second admin may', async () => {
    const request = await file();
    expect((await failure(h.client.approveRequest({ id: request.id }, { caller: tenantAdminA1 })))?.code).toBe('forbidden');
    expect((await h.client.getRequest({ id: request.id }, { caller: superAdmin })).request?.status).toBe('PENDING');
    expect((await h.client.approveRequest({ id: request.id }, { caller: partnerAdminA })).request?.status).toBe('APPROVED');
  });
});

describe('expiry', () => {
  it('uses REGISTRATION_TTL_DAYS for the deadline', async () => {
    const request = await file();
    expect(Date.parse(request.expiresAt ?? '') - Date.parse(request.createdAt ?? '')).toBe(7 * 24 * 3600 * 1000);
  });

  it('the scheduled job moves overdue PENDING requests to EXPIRED with an event', async () => {
    const overdue = await file();
    const fresh = await file();
    const decided = await file();
    await h.client.cancelRequest({ id: decided.id }, { caller: tenantAdminA1 });
    await backdate(overdue.id);
    await backdate(decided.id);
    await waitFor(async () => (await h.prisma.registrationRequest.findUnique({ where: { id: overdue.id } }))?.status === 'EXPIRED', 10_000);
    expect((await h.prisma.registrationRequest.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe('PENDING');
    expect((await h.prisma.registrationRequest.findUniqueOrThrow({ where: { id: decided.id } })).status).toBe('CANCELLED');
    const events = (await h.prisma.outboxEvent.findMany()).map((e) => e.payload as { type: string; subject: string; tenantid?: string });
    expect(events.filter((e) => e.subject === overdue.id && e.type === 'scai.registrations.request.expired')).toEqual([
      expect.objectContaining({ tenantid: 'tnt_a1' }),
    ]);
    expect((await failure(h.client.approveRequest({ id: overdue.id }, { caller: partnerAdminA })))?.code).toBe('conflict');
    // The relay publishes it.
    await waitFor(async () => (await h.prisma.outboxEvent.count({ where: { publishedAt: null } })) === 0, 10_000);
  });

  it('two instances expiring at once expire each request once', async () => {
    const requests = await Promise.all([file(), file(), file(), file()]);
    for (const request of requests) await backdate(request.id);
    // A second instance: its own connection pool on the same database.
    const other = createPrisma(h.databaseUrl);
    const outbox = createOutbox({ subjectPrefix: h.events.subjectPrefix });
    const future = new Date(Date.now() + 60_000);
    const counts = await Promise.all([expireRegistrations(h.prisma, outbox, future), expireRegistrations(other, outbox, future)]).finally(
      () => other.$disconnect(),
    );
    const ids = new Set(requests.map((r) => r.id));
    const expiredEvents = (await h.prisma.outboxEvent.findMany())
      .map((e) => e.payload as { type: string; subject: string })
      .filter((e) => e.type === 'scai.registrations.request.expired' && ids.has(e.subject));
    // The scheduled job may have taken some of them; every request expired exactly once overall.
    expect(expiredEvents).toHaveLength(4);
    expect(counts[0] + counts[1]).toBeLessThanOrEqual(4);
    const statuses = await h.prisma.registrationRequest.findMany({ where: { id: { in: [...ids] } } });
    expect(statuses.every((row) => row.status === 'EXPIRED')).toBe(true);
  });
});
