import { describe, expect, it } from 'vitest';
import { planPlatform, settingsOf } from './platform-plan.ts';

describe('planPlatform', () => {
  it('defaults to the local servers, the contracts’ ports and the scai_ databases', () => {
    const plan = planPlatform({}, {});
    expect(plan.origin).toBe('http://127.0.0.1:8080');
    expect(plan.databasePrefix).toBe('scai_');
    expect(plan.config.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/postgres');
    expect(plan.config.NATS_URL).toBe('nats://127.0.0.1:4222');
    const settings = settingsOf(plan, {});
    expect(settings.publicUrl).toBe('http://127.0.0.1:8080');
    expect(settings.eventsStream).toBe('SCAI_EVENTS');
  });

  it('takes options over the environment', () => {
    const env = { GATEWAY_PORT: '9000', DATABASE_PREFIX: 'dev_', PORT_OFFSET: '10' };
    expect(planPlatform({}, env).origin).toBe('http://127.0.0.1:9000');
    expect(planPlatform({}, env).ports.services.auth.grpc).toBe(50061);
    const plan = planPlatform({ gatewayPort: 18080, portOffset: 1000, databasePrefix: 'e2e_' }, env);
    expect(plan.origin).toBe('http://127.0.0.1:18080');
    expect(plan.ports.services.auth.grpc).toBe(51051);
    expect(plan.databasePrefix).toBe('e2e_');
    expect(planPlatform({ portOffset: 1000 }, {}).origin).toBe('http://127.0.0.1:9080');
  });

  it('uses PUBLIC_URL as the token issuers’ base when set, and the caller’s env over process env', () => {
    const plan = planPlatform({ env: { PUBLIC_URL: 'https://api.example.test/', EVENTS_STREAM: 'E2E' } }, { EVENTS_STREAM: 'X' });
    const settings = settingsOf(plan, {});
    expect(settings.publicUrl).toBe('https://api.example.test');
    expect(settings.eventsStream).toBe('E2E');
  });

  it('stops on a bad setting with one line', () => {
    expect(() => planPlatform({}, { NATS_URL: 'http://x' })).toThrow('Configuration error: NATS_URL must be a URL (nats, tls).');
  });
});
