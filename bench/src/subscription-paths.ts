import { randomUUID } from 'node:crypto';
import { bindClient, createChannelClient } from '@scai/grpc';
import { SYSTEM_CALLER } from '@scai/permissions';
import { auth } from '@scai/proto';
import type { LoadShape } from './http-load.ts';
import type { LoadResult } from './measure-grpc.ts';

interface Platform {
  gatewayUrl: string;
  appEnv: Record<string, Record<string, string>>;
}

const PROFILE = { company_name: 'Bench B.V.', address_line1: 'Dam 1', postal_code: '1012 JS', city: 'Amsterdam', country_code: 'NL', contact_email: 'billing@bench.test' };

async function call<T>(platform: Platform, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${platform.gatewayUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

/** One tenant per connection, ready to buy: a billing profile and a signed-in tenant admin. */
async function buyer(platform: Platform, root: string, partnerId: string, index: number): Promise<string> {
  const slug = `bench-buyer-${index}-${randomUUID().slice(0, 8)}`;
  const tenant = await call<{ data: { id: string } }>(platform, 'POST', '/api/v1/admin/tenants', root, { name: slug, slug, partner_id: partnerId, contact_email: `${slug}@bench.test` });
  if (tenant.status !== 201) throw new Error(`creating a buyer tenant answered ${tenant.status}: ${JSON.stringify(tenant.body)}`);
  await call(platform, 'PUT', `/api/v1/admin/tenants/${tenant.body.data.id}/billing-profile`, root, PROFILE);
  const users = bindClient(createChannelClient(auth.v1.UsersServiceClient, `127.0.0.1:${platform.appEnv.auth.GRPC_PORT}`));
  const email = `${slug}@bench.test`;
  const password = `Bench-${randomUUID()}`;
  await users.createUser({ email, password, displayName: email, tenantId: tenant.body.data.id, partnerId, roles: [{ role: 'tenant_admin', tenantId: tenant.body.data.id, partnerId }] }, { caller: SYSTEM_CALLER });
  const login = await fetch(`${platform.gatewayUrl}/api/v1/admin/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  return ((await login.json()) as { access_token: string }).access_token;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

/**
 * `POST /api/v1/subscriptions` with a fresh `Idempotency-Key`, closed loop, one buyer
 * tenant per connection. A tenant holds one live subscription per service, so each
 * purchase is followed by an admin's immediate cancel: that call is not counted, but it
 * shares the machine, so the rate is of purchases in a purchase-and-cancel workload.
 */
export async function measureSubscriptionPaths(platform: Platform, root: string, shape: LoadShape): Promise<{ subscribe: LoadResult }> {
  // A partner of its own, with room for one buyer per connection.
  const slug = `bench-buyers-${randomUUID().slice(0, 8)}`;
  const partner = await call<{ data: { id: string } }>(platform, 'POST', '/api/v1/admin/partners/', root, { name: slug, slug, contact_email: `${slug}@bench.test`, max_tenants: shape.connections });
  const partnerId = partner.body.data.id;
  const buyers = await Promise.all(Array.from({ length: shape.connections }, (_, index) => buyer(platform, root, partnerId, index)));
  const latencies: number[] = [];
  let errors = 0;
  const deadline = Date.now() + shape.durationSeconds * 1000;
  const started = Date.now();
  await Promise.all(
    buyers.map(async (token) => {
      while (Date.now() < deadline) {
        const sent = performance.now();
        const bought = await call<{ data: { id: string } }>(platform, 'POST', '/api/v1/subscriptions', token, { plan_key: 'scai-chat.free' }, { 'idempotency-key': randomUUID() });
        latencies.push(performance.now() - sent);
        if (bought.status !== 201) {
          errors += 1;
          continue;
        }
        await call(platform, 'POST', `/api/v1/admin/subscriptions/${bought.body.data.id}/cancel`, root, { immediate: true });
      }
    }),
  );
  const seconds = (Date.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    subscribe: {
      requests: latencies.length,
      errors,
      requestsPerSecond: Math.round(latencies.length / seconds),
      latencyMs: { p50: Math.round(percentile(sorted, 50)), p99: Math.round(percentile(sorted, 99)), max: Math.round(sorted.at(-1) ?? 0) },
    },
  };
}
