import { afterEach, describe, expect, it } from 'vitest';
import { CALLERS, auth } from '../partners/fake-partners-clients.ts';
import { closeTestGateways, testGateway } from '../testing/test-gateway.ts';
import type { ServiceClients } from '../../clients.ts';

afterEach(closeTestGateways);

const calls: unknown[] = [];
const appClock = (jobsApplied: Record<string, number>) =>
  ({
    setClock: async (request: { now?: string }) => {
      calls.push(request);
      return { now: request.now ?? '2026-12-07T00:00:00.000Z', jobsApplied };
    },
  }) as unknown as ServiceClients['testClocks'][number];
const testClocks = [appClock({ reaper: 1 }), appClock({ heartbeat_monitor: 2 })];

describe('the test clock control', () => {
  it('does not exist unless TEST_CLOCK_CONTROL is on', async () => {
    const gw = await testGateway({ groups: [], callers: CALLERS, clients: { testClocks } });
    const response = await gw.inject({ method: 'PUT', url: '/api/v1/_test/clock', headers: auth('super'), payload: {} });
    expect(response.statusCode).toBe(404);
  });

  it('is refused at start-up with NODE_ENV=production', async () => {
    await expect(testGateway({ groups: [], env: { TEST_CLOCK_CONTROL: 'true', NODE_ENV: 'production' } })).rejects.toThrow(/NODE_ENV=production/);
  });

  it('when on: super admins move the clock of every app with jobs, nobody else; it stays out of the document', async () => {
    const gw = await testGateway({ groups: [], callers: CALLERS, clients: { testClocks }, env: { TEST_CLOCK_CONTROL: 'true', NODE_ENV: 'test' } });
    const moved = await gw.inject({ method: 'PUT', url: '/api/v1/_test/clock', headers: auth('super'), payload: { now: '2027-01-01T00:00:00.000Z' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().data).toEqual({ now: '2027-01-01T00:00:00.000Z', jobs_applied: { reaper: 1, heartbeat_monitor: 2 } });
    expect(calls).toEqual([{ now: '2027-01-01T00:00:00.000Z' }, { now: '2027-01-01T00:00:00.000Z' }]);
    expect((await gw.inject({ method: 'PUT', url: '/api/v1/_test/clock', headers: auth('partner'), payload: {} })).statusCode).toBe(403);
    expect((await gw.inject({ method: 'PUT', url: '/api/v1/_test/clock', payload: {} })).statusCode).toBe(401);
    const document = (await gw.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    expect(Object.keys(document.paths).some((path) => path.includes('_test'))).toBe(false);
  });
});
