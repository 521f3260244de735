import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '@scai/api';
import { manualClock } from '@scai/clock';
import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { provisioning, testing } from '@scai/proto';
import { startTestService, type TestService } from '@scai/service/testing';
import { createApp } from '../app.ts';
import { loadProvisioningConfig } from '../config.ts';
import { fixedBillingDirectory } from '../registry/billing-directory.ts';
import { sweepHeartbeats } from '../registry/heartbeat-monitor.ts';
import { createPrisma, type Db } from '../store/prisma.ts';
import { serviceCaller, userCaller } from '../testing/callers.ts';
import { createOutbox } from '@scai/events';

const start = new Date('2026-12-07T10:00:00.000Z');
const clock = manualClock(start);
const root = userCaller('super_admin');
const MINUTE = 60_000;
/** Catalog services, with their live subscription counts. */
const catalog = { 'scai-chat': 0, 'scai-docs': 2, 'scai-race': 0, 'scai-beat': 0 };

function registration(slug: string, overrides: Partial<provisioning.v1.ServiceRegistration> = {}): provisioning.v1.ServiceRegistration {
  return {
    slug,
    name: `Service ${slug}`,
    version: '1.0.0',
    description: 'A platform service',
    baseUrl: `https://${slug}.internal.test`,
    healthCheckUrl: `https://${slug}.internal.test/healthz`,
    capabilities: ['provisioning', 'usage'],
    heartbeatIntervalSeconds: 30,
    provisioningJson: '{"steps":[{"name":"create_workspace"}]}',
    ...overrides,
  };
}

async function failure(call: Promise<unknown>): Promise<{ code: string; details?: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, details: error.details };
    throw error;
  }
  throw new Error('expected the call to fail');
}

describe('service registry (gRPC, real PostgreSQL)', () => {
  let service: TestService<Awaited<ReturnType<typeof createApp>>>;
  let registry: BoundClient<provisioning.v1.RegistryServiceClient>;
  let testClock: BoundClient<testing.v1.TestClockServiceClient>;
  let prisma: Db;
  const closers: Array<() => void> = [];

  const eventsOf = async (slug: string) =>
    prisma.$queryRawUnsafe<{ type: string; data: Record<string, unknown> }[]>(
      "SELECT payload->>'type' AS type, payload->'data' AS data FROM outbox_events WHERE payload->>'subject' = $1 ORDER BY created_at, id",
      slug,
    );
  const listed = async (slug: string) => (await registry.listRegisteredServices({ page: { page: 1, pageSize: 100 } }, root)).services.find((entry) => entry.slug === slug);

  beforeAll(async () => {
    service = await startTestService({
      name: 'provisioning',
      env: { TEST_CLOCK_CONTROL: 'true', NODE_ENV: 'test', HEARTBEAT_MONITOR_TICK_SECONDS: '60' },
      createApp: (env, logger) => createApp(loadProvisioningConfig(env), { logger, clock, billing: fixedBillingDirectory(catalog) }),
    });
    const registryClient = createChannelClient(provisioning.v1.RegistryServiceClient, service.grpcAddress);
    const clockClient = createChannelClient(testing.v1.TestClockServiceClient, service.grpcAddress);
    closers.push(() => registryClient.close(), () => clockClient.close());
    registry = bindClient(registryClient);
    testClock = bindClient(clockClient);
    prisma = createPrisma(service.databaseUrl);
  });

  afterAll(async () => {
    closers.forEach((close) => close());
    await prisma?.$disconnect();
    await service?.stop();
  });

  it('approves a catalog service at once and answers its key once; the key is stored only as a keyed hash', async () => {
    const answer = await registry.registerService({ registration: registration('scai-chat') }, serviceCaller('cli_chat'));
    expect(answer.created).toBe(true);
    expect(answer.key).toMatch(/^scai_sk_[A-Za-z0-9_-]{43}$/);
    expect(answer.service).toMatchObject({ slug: 'scai-chat', status: 'active', health: 'unknown', known: true, hasKey: true, clientId: 'cli_chat', capabilities: ['provisioning', 'usage'] });
    const row = await prisma.registeredService.findUniqueOrThrow({ where: { slug: 'scai-chat' } });
    expect(row.keyHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(answer.key!);
    const again = await registry.registerService({ registration: registration('scai-chat') }, serviceCaller('cli_chat'));
    expect(again).toMatchObject({ created: false });
    expect(again.key).toBeUndefined();
    expect((await eventsOf('scai-chat')).map((event) => event.type)).toEqual(['scai.provisioning.service.registered', 'scai.provisioning.service.approved']);
    expect(JSON.stringify(await eventsOf('scai-chat'))).not.toContain(answer.key!);
  });

  it('keeps a service outside the catalog waiting for an admin, who approves it with a key', async () => {
    const answer = await registry.registerService({ registration: registration('partner-crm') }, serviceCaller('cli_crm'));
    expect(answer.service).toMatchObject({ status: 'pending_approval', known: false, hasKey: false });
    expect(answer.key).toBeUndefined();
    expect((await registry.listRegisteredServices({ status: 'pending_approval' }, root)).services.map((entry) => entry.slug)).toContain('partner-crm');
    const approved = await registry.approveService({ slug: 'partner-crm' }, root);
    expect(approved.service).toMatchObject({ status: 'active', hasKey: true });
    expect(approved.key).toMatch(/^scai_sk_/);
    expect(await failure(registry.approveService({ slug: 'partner-crm' }, root))).toMatchObject({ code: 'bad_request' });
  });

  it('refuses a second application claiming a bound service, until an admin re-binds it to that one', async () => {
    await registry.registerService({ registration: registration('scai-race') }, serviceCaller('cli_first'));
    expect(await failure(registry.registerService({ registration: registration('scai-race') }, serviceCaller('cli_second')))).toMatchObject({ code: 'conflict' });
    expect(await listed('scai-race')).toMatchObject({ clientId: 'cli_first', claimedByClientId: 'cli_second' });
    expect(await failure(registry.approveService({ slug: 'scai-race', clientId: 'cli_somebody' }, root))).toMatchObject({ code: 'bad_request' });
    const rebound = await registry.approveService({ slug: 'scai-race', clientId: 'cli_second' }, root);
    expect(rebound.service).toMatchObject({ clientId: 'cli_second', status: 'active' });
    expect(rebound.service!.claimedByClientId).toBeUndefined();
    expect(await failure(registry.heartbeat({ slug: 'scai-race', status: 'healthy' }, serviceCaller('cli_first')))).toMatchObject({ code: 'not_found' });
    await registry.heartbeat({ slug: 'scai-race', status: 'healthy', key: rebound.key }, serviceCaller('cli_second'));
    const types = (await eventsOf('scai-race')).map((event) => event.type);
    expect(types.filter((type) => type.endsWith('claim_refused'))).toHaveLength(1);
    expect((await eventsOf('scai-race')).find((event) => event.type.endsWith('approved') && event.data.rebound)).toBeDefined();
  });

  it('binds a new slug to exactly one of ten applications registering it at once', async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 10 }, (_, index) => registry.registerService({ registration: registration('scai-beat') }, serviceCaller(`cli_beat${index}`))));
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    expect(attempts.filter((attempt) => attempt.status === 'rejected' && attempt.reason instanceof AppError && attempt.reason.code === 'conflict')).toHaveLength(9);
    expect(await prisma.registeredService.count({ where: { slug: 'scai-beat' } })).toBe(1);
  });

  it('checks x-scaicontrol-key when a request carries it; a rotation retires the old key', async () => {
    const { key } = await registry.rotateServiceKey({ slug: 'scai-chat' }, root);
    const chat = serviceCaller('cli_chat');
    expect(await failure(registry.heartbeat({ slug: 'scai-chat', status: 'healthy', key: 'scai_sk_wrong' }, chat))).toMatchObject({ code: 'unauthorized' });
    await registry.heartbeat({ slug: 'scai-chat', status: 'healthy', key }, chat);
    await registry.heartbeat({ slug: 'scai-chat', status: 'healthy' }, chat);
    const { key: next } = await registry.rotateServiceKey({ slug: 'scai-chat' }, root);
    expect(await failure(registry.heartbeat({ slug: 'scai-chat', status: 'healthy', key }, chat))).toMatchObject({ code: 'unauthorized' });
    expect(await failure(registry.registerService({ registration: registration('scai-chat'), key }, chat))).toMatchObject({ code: 'unauthorized' });
    await registry.heartbeat({ slug: 'scai-chat', status: 'healthy', key: next }, chat);
  });

  it('records version changes from re-registration and heartbeats', async () => {
    const chat = serviceCaller('cli_chat');
    await registry.registerService({ registration: registration('scai-chat', { version: '1.1.0' }) }, chat);
    await registry.heartbeat({ slug: 'scai-chat', status: 'healthy', version: '1.2.0', uptimeSeconds: 42 }, chat);
    await registry.heartbeat({ slug: 'scai-chat', status: 'healthy', version: '1.2.0' }, chat);
    const versions = await prisma.registryVersionChange.findMany({ where: { service: { slug: 'scai-chat' } }, orderBy: { changedAt: 'asc' } });
    expect(versions.map((change) => [change.fromVersion, change.toVersion])).toEqual([[null, '1.0.0'], ['1.0.0', '1.1.0'], ['1.1.0', '1.2.0']]);
    expect(await listed('scai-chat')).toMatchObject({ version: '1.2.0', uptimeSeconds: 42, health: 'healthy' });
    expect((await eventsOf('scai-chat')).filter((event) => event.type.endsWith('version_changed'))).toHaveLength(2);
  });

  it('lets only GLOBAL SERVICE applications with registry:manage speak for a service, and only admins with platform reach administer', async () => {
    const reg = { registration: registration('scai-docs') };
    expect(await failure(registry.registerService(reg, root))).toMatchObject({ code: 'forbidden' });
    expect(await failure(registry.registerService(reg, serviceCaller('cli_x', ['usage:report'])))).toMatchObject({ code: 'forbidden' });
    expect(await failure(registry.registerService(reg, serviceCaller('cli_x', ['registry:manage'], 'TENANT', 'tnt_a')))).toMatchObject({ code: 'forbidden' });
    expect(await failure(registry.registerService(reg, { caller: null as never }))).toMatchObject({ code: 'unauthorized' });
    expect(await failure(registry.listRegisteredServices({}, userCaller('partner_admin', { partnerId: 'prt_p' })))).toMatchObject({ code: 'forbidden' });
    expect(await failure(registry.listRegisteredServices({}, serviceCaller('cli_chat')))).toMatchObject({ code: 'forbidden' });
    expect(await failure(registry.approveService({ slug: 'scai-chat' }, serviceCaller('cli_r', ['admin:read'])))).toMatchObject({ code: 'forbidden' });
    expect((await registry.listRegisteredServices({}, serviceCaller('cli_r', ['admin:read']))).services.length).toBeGreaterThan(0);
    expect(await failure(registry.registerService({ registration: registration('Bad Slug', { baseUrl: 'ftp://x', heartbeatIntervalSeconds: 1, provisioningJson: '[' }) }, serviceCaller('cli_x')))).toMatchObject({
      code: 'validation_error',
    });
  });

  it('refuses deregistration while the service has live subscriptions; without any it leaves, and can come back', async () => {
    const docs = serviceCaller('cli_docs');
    await registry.registerService({ registration: registration('scai-docs') }, docs);
    expect(await failure(registry.deregister({ slug: 'scai-docs', reason: 'retired' }, docs))).toEqual({ code: 'conflict', details: { live_subscriptions: 2 } });
    expect(await listed('scai-docs')).toMatchObject({ status: 'active' });
    const crm = serviceCaller('cli_crm');
    await registry.deregister({ slug: 'partner-crm', reason: 'retired' }, crm);
    expect(await listed('partner-crm')).toMatchObject({ status: 'deregistered', hasKey: false });
    expect(await failure(registry.heartbeat({ slug: 'partner-crm', status: 'healthy' }, crm))).toMatchObject({ code: 'not_found' });
    const back = await registry.registerService({ registration: registration('partner-crm') }, serviceCaller('cli_crm2'));
    expect(back).toMatchObject({ created: true, service: { status: 'pending_approval', clientId: 'cli_crm2' } });
  });

  it('suspends a service: its heartbeats are refused until an admin approves it again', async () => {
    const beatWinner = (await listed('scai-beat'))!;
    await registry.suspendService({ slug: 'scai-beat', reason: 'abuse' }, root);
    expect(await failure(registry.heartbeat({ slug: 'scai-beat', status: 'healthy' }, serviceCaller(beatWinner.clientId)))).toMatchObject({ code: 'forbidden' });
    const again = await registry.approveService({ slug: 'scai-beat' }, root);
    await registry.heartbeat({ slug: 'scai-beat', status: 'healthy', key: again.key }, serviceCaller(beatWinner.clientId));
    expect((await eventsOf('scai-beat')).map((event) => event.type)).toContain('scai.provisioning.service.suspended');
  });

  it('marks a silent service degraded after 3 misses and unreachable after 10 as the clock moves; a heartbeat makes it healthy; each change published once', async () => {
    const chat = serviceCaller('cli_chat');
    const heard = clock.now();
    await registry.heartbeat({ slug: 'scai-chat', status: 'healthy' }, chat);
    const at = (minutes: number) => new Date(heard.getTime() + minutes * MINUTE).toISOString();
    // Silent beyond 3 × 30 s = 90 s: a miss at each tick after that.
    await testClock.setClock({ now: at(1.5) }, root);
    expect(await listed('scai-chat')).toMatchObject({ health: 'healthy', missedHeartbeats: 0 });
    await testClock.setClock({ now: at(3) }, root);
    expect(await listed('scai-chat')).toMatchObject({ health: 'healthy', missedHeartbeats: 2 });
    await testClock.setClock({ now: at(4) }, root);
    expect(await listed('scai-chat')).toMatchObject({ health: 'degraded', missedHeartbeats: 3 });
    await testClock.setClock({ now: at(6) }, root);
    expect(await listed('scai-chat')).toMatchObject({ health: 'degraded', missedHeartbeats: 5 });
    await testClock.setClock({ now: at(11) }, root);
    expect(await listed('scai-chat')).toMatchObject({ health: 'unreachable', missedHeartbeats: 10 });
    await testClock.setClock({ now: at(30) }, root);
    await registry.heartbeat({ slug: 'scai-chat', status: 'healthy' }, chat);
    expect(await listed('scai-chat')).toMatchObject({ health: 'healthy', missedHeartbeats: 0 });
    const changes = (await eventsOf('scai-chat')).filter((event) => event.type === 'scai.provisioning.service.health_changed').map((event) => [event.data.previous_health, event.data.health, event.data.cause]);
    expect(changes.slice(-3)).toEqual([
      ['healthy', 'degraded', 'monitor'],
      ['degraded', 'unreachable', 'monitor'],
      ['unreachable', 'healthy', 'heartbeat'],
    ]);
  });

  it('publishes a health change once when two monitors sweep at the same moment', async () => {
    const silentSince = clock.now();
    await registry.heartbeat({ slug: 'scai-chat', status: 'healthy' }, serviceCaller('cli_chat'));
    const before = (await eventsOf('scai-chat')).length;
    const other = createPrisma(service.databaseUrl);
    const outbox = createOutbox({ subjectPrefix: service.events.subjectPrefix });
    const later = new Date(silentSince.getTime() + 20 * MINUTE);
    const deps = (db: Db) => ({ db, outbox, tickSeconds: 60, eventsWritten: () => undefined });
    await Promise.all([sweepHeartbeats(deps(prisma), later), sweepHeartbeats(deps(other), later)]);
    await other.$disconnect();
    const added = (await eventsOf('scai-chat')).slice(before).filter((event) => event.type.endsWith('health_changed'));
    expect(added.map((event) => event.data.health)).toEqual(['unreachable']);
  });
});
