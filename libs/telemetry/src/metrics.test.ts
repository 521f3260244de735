import { describe, expect, it } from 'vitest';
import { createMetrics } from './metrics.ts';

/** Value of the sample `name` whose labels include all of `labels` (prom-client orders labels freely). */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-z_]+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = Object.fromEntries([...match[2].matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([key, value]) => present[key] === value)) return Number(match[3]);
  }
  return undefined;
}

describe('createMetrics', () => {
  it('exposes default Node metrics and ours, all labelled with the service', async () => {
    const metrics = createMetrics('partners');
    metrics.httpRequestDuration.observe({ method: 'GET', route: '/api/v1/partners/:id', status_code: '200' }, 0.02);
    metrics.grpcCallDuration.observe({ side: 'server', method: '/scai.partners.v1.Partners/Get', code: 'OK' }, 0.003);
    metrics.eventsPublished.inc({ type: 'scai.partners.partner.created' });
    metrics.eventsConsumed.inc({ consumer: 'billing', type: 'scai.partners.partner.created', outcome: 'processed' });
    const text = await metrics.registry.metrics();
    const service = { service: 'partners' };
    expect(sample(text, 'process_cpu_user_seconds_total', service)).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'nodejs_eventloop_lag_seconds', service)).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'http_request_duration_seconds_count', { ...service, method: 'GET', route: '/api/v1/partners/:id', status_code: '200' })).toBe(1);
    expect(sample(text, 'grpc_call_duration_seconds_bucket', { ...service, le: '0.005', side: 'server', code: 'OK' })).toBe(1);
    expect(sample(text, 'events_published_total', { ...service, type: 'scai.partners.partner.created' })).toBe(1);
    expect(sample(text, 'events_consumed_total', { ...service, consumer: 'billing', outcome: 'processed' })).toBe(1);
    expect(metrics.registry.contentType).toContain('text/plain');
  });

  it('gives each call its own registry', () => {
    const a = createMetrics('a');
    const b = createMetrics('b');
    expect(a.registry).not.toBe(b.registry);
  });
});
