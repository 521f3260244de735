import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEvents, createEvent, type EventBus, type EventsConfig } from '@scai/events';
import { createTestEventsConfig, deleteTestStream, waitFor } from '@scai/events/testing';
import { createLogger } from '@scai/telemetry';
import { RevocationEventTypes as T } from './revocation-events.ts';
import { startRevocationFeed, type RevocationFeed } from './revocation-feed.ts';
import { createRevocationView, type RevocationView } from './revocation-view.ts';

const logger = createLogger({ name: 'test', level: 'silent' });

const tenantEvent = (type: string, id: string, status: string) =>
  createEvent({ source: '/apps/partners', type, subject: id, tenantId: id, partnerId: 'prt_a', data: { id, partner_id: 'prt_a', status } });
const userEvent = (type: string, userId: string) =>
  createEvent({ source: '/apps/auth', type, subject: userId, tenantId: 'tnt_a', data: { user_id: userId, tenant_id: 'tnt_a', partner_id: 'prt_a' } });

describe('revocation feed (real NATS)', () => {
  let config: EventsConfig;
  let bus: EventBus;
  const feeds: RevocationFeed[] = [];

  const start = (view: RevocationView, cfg: EventsConfig = config) => {
    const feed = startRevocationFeed(cfg, view, { logger, retryDelayMs: 100 });
    feeds.push(feed);
    return feed;
  };

  beforeAll(async () => {
    config = createTestEventsConfig();
    bus = await connectEvents(config, { logger, name: 'revocation-feed-test' });
  });
  afterAll(async () => {
    await Promise.all(feeds.map((feed) => feed.stop()));
    await bus?.close();
    await deleteTestStream(config);
  });

  it('replays the retained history before it calls itself seeded, then follows new events', async () => {
    // History from before this gateway instance started.
    await bus.publishDirect(tenantEvent(T.tenantSuspended, 'tnt_old', 'SUSPENDED'));
    await bus.publishDirect(tenantEvent(T.tenantUpdated, 'tnt_back', 'SUSPENDED'));
    await bus.publishDirect(tenantEvent(T.tenantUpdated, 'tnt_back', 'ACTIVE'));
    await bus.publishDirect(userEvent(T.userDeactivated, 'usr_old'));
    await bus.publishDirect(createEvent({ source: '/apps/partners', type: T.partnerDeleted, subject: 'prt_old', partnerId: 'prt_old', data: { id: 'prt_old' } }));
    await bus.publishDirect(createEvent({ source: '/apps/billing', type: 'scai.billing.invoice.issued', data: { id: 'inv_1' } }));

    const view = createRevocationView();
    const feed = start(view);
    expect(await feed.whenSeeded(10_000)).toBe(true);
    expect(view.seeded).toBe(true);
    expect(view.tenants.blockedIds()).toEqual(['tnt_old']);
    expect(view.tenants.get('tnt_back')).toMatchObject({ lifted: true });
    expect(view.users.blockedIds()).toEqual(['usr_old']);
    expect(view.partners.blockedIds()).toEqual(['prt_old']);
    await waitFor(() => feed.ready(), 5000);

    // A second instance (another gateway pod) sees every event too: no shared durable.
    const other = createRevocationView();
    const otherFeed = start(other);
    expect(await otherFeed.whenSeeded(10_000)).toBe(true);

    await bus.publishDirect(tenantEvent(T.tenantUpdated, 'tnt_live', 'SUSPENDED'));
    await bus.publishDirect(tenantEvent(T.tenantSuspended, 'tnt_live', 'SUSPENDED'));
    await bus.publishDirect(userEvent(T.userSuspended, 'usr_live'));
    for (const v of [view, other]) {
      await waitFor(() => v.tenants.blockedIds().includes('tnt_live') && v.users.blockedIds().includes('usr_live'), 5000);
    }

    await bus.publishDirect(tenantEvent(T.tenantUpdated, 'tnt_live', 'ACTIVE'));
    await bus.publishDirect(userEvent(T.userReactivated, 'usr_live'));
    await bus.publishDirect(userEvent(T.userReactivated, 'usr_old'));
    for (const v of [view, other]) {
      await waitFor(() => !v.tenants.blockedIds().includes('tnt_live') && v.users.blockedIds().length === 0, 5000);
    }
    expect(view.tenants.blockedIds()).toEqual(['tnt_old']);
  });

  it('is seeded at once on a stream with no revocation history', async () => {
    const empty = createTestEventsConfig();
    try {
      const view = createRevocationView();
      const feed = start(view, empty);
      expect(await feed.whenSeeded(10_000)).toBe(true);
      expect(view.tenants.blockedIds()).toEqual([]);
      await feed.stop();
    } finally {
      await deleteTestStream(empty);
    }
  });

  it('is not ready while NATS cannot be reached, and stops cleanly', async () => {
    const view = createRevocationView();
    const feed = start(view, { ...config, natsUrl: 'nats://127.0.0.1:9' });
    expect(await feed.whenSeeded(300)).toBe(false);
    expect(feed.ready()).toBe(false);
    expect(view.seeded).toBe(false);
    await feed.stop();
  });
});
