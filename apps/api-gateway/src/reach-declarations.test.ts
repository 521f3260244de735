import { afterEach, describe, expect, it } from 'vitest';
import { FRAMEWORK_ROUTE_PREFIXES, type DeclaredRoute } from './app.ts';
import { closeTestGateways, testGateway } from './routes/testing/test-gateway.ts';

afterEach(closeTestGateways);

async function apiRoutes(): Promise<DeclaredRoute[]> {
  const app = await testGateway();
  return app.declaredRoutes.filter(
    (r) => r.url.startsWith('/api/v1/') && !FRAMEWORK_ROUTE_PREFIXES.some((prefix) => r.url.startsWith(prefix)) && r.method !== 'HEAD',
  );
}

const label = (r: DeclaredRoute) => `${r.method} ${r.url}`;
const pathParams = (url: string) => [...url.matchAll(/:(\w+)/g)].map((m) => m[1]);

describe('reach declarations (what each route touches, for the reach matrix)', () => {
  it('are declared on every API route', async () => {
    const routes = await apiRoutes();
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => r.reach === undefined).map(label)).toEqual([]);
  });

  it('name a path parameter of their own URL, and every id in a URL is declared', async () => {
    const routes = await apiRoutes();
    const wrongParam = routes.filter((r) => typeof r.reach === 'object' && 'param' in r.reach && !pathParams(r.url).includes(r.reach.param));
    expect(wrongParam.map(label)).toEqual([]);
    // An id in the path that no declaration names would be a resource the matrix never aims at.
    const undeclaredId = routes.filter((r) => pathParams(r.url).some((p) => p.endsWith('_id')) && !(typeof r.reach === 'object' && 'param' in r.reach) && r.reach !== 'platform' && r.auth !== 'public');
    expect(undeclaredId.map(label)).toEqual([]);
  });

  it('keep public routes off owned data: a public route touches nothing or only its own session', async () => {
    const routes = await apiRoutes();
    expect(routes.filter((r) => r.auth === 'public' && typeof r.reach === 'object').map(label)).toEqual([]);
  });
});
