import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { approved, registration, serviceToken } from './fixtures.ts';
import { api, superAdminToken, unique } from './http.ts';
import { eventuallyMatching } from './stream-events.ts';

interface Entry {
  slug: string;
  status: string;
  health: string;
  missed_heartbeats: number;
  client_id: string;
  has_key: boolean;
  version: string;
}
interface Keyed {
  data: { service: Entry; x_scaicontrol_key: string | null };
}

const MINUTE = 60_000;
let nc: NatsConnection;
let root: string;
let chatToken: string;
let otherToken: string;

/** A GLOBAL SERVICE application approved from a registration request, signed in with client_credentials. */
async function serviceApplication(scopes: string[]): Promise<{ clientId: string; token: string }> {
  const request = await registration(root, { scope: 'GLOBAL', application_type: 'SERVICE', requested_scopes: scopes });
  const app = await approved(root, request.id);
  return { clientId: app.client_id, token: await serviceToken(app.client_id, app.client_secret ?? '') };
}

const body = (slug: string, version = '1.0.0') => ({
  slug,
  name: `Service ${slug}`,
  version,
  base_url: `https://${slug}.internal.test`,
  health_check_url: `https://${slug}.internal.test/healthz`,
  capabilities: ['usage'],
  heartbeat_interval_seconds: 30,
  provisioning: { steps: [] },
});

async function clockAt(at: Date): Promise<void> {
  const moved = await api('PUT', '/api/v1/_test/clock', { token: root, body: { now: at.toISOString() } });
  if (moved.status !== 200) throw new Error(`clock answered ${moved.status}`);
}
const platformNow = async () => new Date((await api<{ data: { now: string } }>('PUT', '/api/v1/_test/clock', { token: root, body: {} })).body.data.now);
const listed = async (slug: string) => (await api<{ data: Entry[] }>('GET', '/api/v1/admin/registry/services?page_size=100', { token: root })).body.data.find((entry) => entry.slug === slug);

beforeAll(async () => {
  nc = await connect({ servers: inject('natsUrl') });
  root = await superAdminToken();
  chatToken = (await serviceApplication(['registry:manage'])).token;
  otherToken = (await serviceApplication(['registry:manage'])).token;
});

afterAll(async () => {
  await nc?.close();
});

describe('service registry through the gateway', () => {
  let key: string;

  it('registers a catalog service from an application approved from a registration request: active at once, with its key shown once', async () => {
    const first = await api<Keyed>('POST', '/api/v1/registry/register', { token: chatToken, body: body('scai-chat') });
    expect(first.status).toBe(201);
    expect(first.body.data.service).toMatchObject({ slug: 'scai-chat', status: 'active', health: 'unknown', has_key: true });
    key = first.body.data.x_scaicontrol_key!;
    expect(key).toMatch(/^scai_sk_/);
    const again = await api<Keyed>('PUT', '/api/v1/registry/register', { token: chatToken, body: body('scai-chat', '1.1.0'), headers: { 'x-scaicontrol-key': key } });
    expect(again.status).toBe(200);
    expect(again.body.data).toMatchObject({ x_scaicontrol_key: null, service: { version: '1.1.0' } });
    const listing = await api('GET', '/api/v1/admin/registry/services', { token: root });
    expect(JSON.stringify(listing.body)).not.toContain(key);
  });

  it('refuses another application claiming it (409), a wrong key (401), users and applications without registry:manage (403)', async () => {
    expect((await api('POST', '/api/v1/registry/register', { token: otherToken, body: body('scai-chat') })).status).toBe(409);
    const wrongKey = await api('POST', '/api/v1/registry/heartbeat', { token: chatToken, body: { slug: 'scai-chat' }, headers: { 'x-scaicontrol-key': 'scai_sk_wrong' } });
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.body).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await api('POST', '/api/v1/registry/register', { token: root, body: body('scai-chat') })).status).toBe(403);
    const reader = await serviceApplication(['services:read']);
    expect((await api('POST', '/api/v1/registry/heartbeat', { token: reader.token, body: { slug: 'scai-chat' } })).status).toBe(403);
    expect((await api('GET', '/api/v1/admin/registry/services', { token: chatToken })).status).toBe(403);
    expect((await api('POST', '/api/v1/registry/register', { token: chatToken, body: { ...body('scai-chat'), base_url: 'not a url' } })).status).toBe(422);
  });

  it('keeps a service outside the catalog waiting; an admin approves it (key shown once); it deregisters and the key stops working', async () => {
    const slug = unique('ext').toLowerCase().replace(/[^a-z0-9-]/g, '-');
    const pending = await api<Keyed>('POST', '/api/v1/registry/register', { token: otherToken, body: body(slug) });
    expect(pending.body.data).toMatchObject({ service: { status: 'pending_approval', has_key: false }, x_scaicontrol_key: null });
    const approval = await api<Keyed>('POST', `/api/v1/admin/registry/services/${slug}/approve`, { token: root, body: {} });
    expect(approval.status).toBe(200);
    const issued = approval.body.data.x_scaicontrol_key!;
    const rotated = await api<Keyed>('POST', `/api/v1/admin/registry/services/${slug}/rotate-key`, { token: root });
    expect(rotated.body.data.x_scaicontrol_key).not.toBe(issued);
    expect((await api('POST', '/api/v1/registry/heartbeat', { token: otherToken, body: { slug }, headers: { 'x-scaicontrol-key': issued } })).status).toBe(401);
    expect((await api('DELETE', '/api/v1/registry/register', { token: otherToken, body: { slug, reason: 'retired' } })).status).toBe(204);
    expect(await listed(slug)).toMatchObject({ status: 'deregistered', has_key: false });
    expect((await api('POST', '/api/v1/registry/heartbeat', { token: otherToken, body: { slug } })).status).toBe(404);
    expect((await api('POST', '/api/v1/admin/registry/services/no-such-service/suspend', { token: root, body: {} })).status).toBe(404);
  });

  it('heartbeats; the monitor marks the silent service degraded then unreachable as the clock moves, and publishes each change', async () => {
    const beat = await api<{ data: { service: Entry; next_heartbeat_in_seconds: number } }>('POST', '/api/v1/registry/heartbeat', {
      token: chatToken,
      body: { slug: 'scai-chat', status: 'healthy', version: '1.1.0', uptime_seconds: 5 },
      headers: { 'x-scaicontrol-key': key },
    });
    expect(beat.status).toBe(200);
    expect(beat.body.data).toMatchObject({ service: { health: 'healthy', missed_heartbeats: 0 }, next_heartbeat_in_seconds: 30 });
    const heard = await platformNow();
    await clockAt(new Date(heard.getTime() + 4 * MINUTE));
    expect(await listed('scai-chat')).toMatchObject({ health: 'degraded', missed_heartbeats: 3 });
    await clockAt(new Date(heard.getTime() + 11 * MINUTE));
    expect(await listed('scai-chat')).toMatchObject({ health: 'unreachable', missed_heartbeats: 10 });
    expect((await api<{ data: Entry[] }>('GET', '/api/v1/admin/registry/services?health=unreachable', { token: root })).body.data.map((entry) => entry.slug)).toContain('scai-chat');
    await api('POST', '/api/v1/registry/heartbeat', { token: chatToken, body: { slug: 'scai-chat' } });
    expect(await listed('scai-chat')).toMatchObject({ health: 'healthy', missed_heartbeats: 0 });
    const changes = await eventuallyMatching(nc, 'provisioning', (event) => event.subject === 'scai-chat' && event.type.endsWith('.health_changed'), 4);
    expect(changes.map((event) => event.data.health)).toEqual(['healthy', 'degraded', 'unreachable', 'healthy']);
  });
});
