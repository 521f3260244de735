import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEvents, createEvent, type EventBus } from '@scai/events';
import { waitFor } from '@scai/events/testing';
import { partners } from '@scai/proto';
import { createLogger } from '@scai/telemetry';
import { superAdmin } from '../testing/callers.ts';
import { startHarness, uniqueSlug, type Harness } from '../testing/harness.ts';
import { PARTNER_DELETED_DURABLE } from './partner-deleted-consumer.ts';
import { EVENT_SOURCE, PartnerEvents } from './event-types.ts';

const { TenantStatus } = partners.v1;

describe('partner.deleted → tenants suspended (real NATS)', () => {
  let h: Harness;
  let bus: EventBus;
  const root = () => h.as(superAdmin());

  beforeAll(async () => {
    h = await startHarness();
    bus = await connectEvents(h.events, { logger: createLogger({ name: 'test', level: 'silent' }), name: 'partners-test' });
  });
  afterAll(async () => {
    await bus?.close();
    await h?.close();
  });

  const suspendedEventsFor = async (tenantIds: string[]) => {
    const rows = await h.prisma.outboxEvent.findMany({ where: { subject: { endsWith: 'partners.tenant.suspended' } } });
    return rows
      .map((row) => row.payload as { tenantid?: string; data: { reason?: string } })
      .filter((payload) => tenantIds.includes(payload.tenantid ?? ''));
  };

  it('suspends the live tenants of a deleted partner once, each with tenant.suspended', async () => {
    const { partner } = await h.partners.createPartner({ name: 'Doomed', slug: uniqueSlug('doomed'), contactEmail: 'd@d.test' }, root());
    const create = (name: string) =>
      h.tenants.createTenant({ partnerId: partner!.id, name, slug: uniqueSlug(name.toLowerCase()), contactEmail: 't@t.test' }, root()).then((r) => r.tenant!);
    const [t1, t2, already] = [await create('One'), await create('Two'), await create('Already')];
    await h.tenants.updateTenant({ id: already.id, status: TenantStatus.SUSPENDED, clearFields: [] }, root());
    const { partner: bystander } = await h.partners.createPartner({ name: 'Bystander', slug: uniqueSlug('by'), contactEmail: 'b@b.test' }, root());
    const other = (await h.tenants.createTenant({ partnerId: bystander!.id, name: 'Other', slug: uniqueSlug('other'), contactEmail: 'o@o.test' }, root())).tenant!;

    await h.partners.deletePartner({ id: partner!.id }, root());

    await waitFor(async () => {
      const rows = await h.prisma.tenant.findMany({ where: { id: { in: [t1.id, t2.id] } } });
      return rows.every((row) => row.status === 'SUSPENDED');
    }, 10_000);
    const events = await suspendedEventsFor([t1.id, t2.id, already.id]);
    expect(events.filter((e) => e.data.reason === 'partner_deleted').map((e) => e.tenantid).sort()).toEqual([t1.id, t2.id].sort());
    expect((await h.prisma.tenant.findUniqueOrThrow({ where: { id: other.id } })).status).toBe('ACTIVE');
    const processed = await h.prisma.processedEvent.findMany({ where: { consumer: PARTNER_DELETED_DURABLE } });
    expect(processed).toHaveLength(1);

    // Another delivery for the same partner (a new event id) finds nothing left to suspend.
    const again = createEvent({ source: EVENT_SOURCE, type: PartnerEvents.deleted, subject: partner!.id, data: { id: partner!.id }, partnerId: partner!.id });
    await bus.publishDirect(again);
    await waitFor(() => h.prisma.processedEvent.findUnique({ where: { consumer_eventId: { consumer: PARTNER_DELETED_DURABLE, eventId: again.id } } }), 10_000);
    expect(await suspendedEventsFor([t1.id, t2.id, already.id])).toHaveLength(events.length);
  });
});
