import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { schemaResolver, type OpenApiDocument } from './fuzz/openapi-operations.ts';
import { arbitraryFor, type Resolve } from './fuzz/schema-arbitrary.ts';
import { withoutMeta } from './fuzz/write-check.ts';
import { api, superAdminToken } from './http.ts';
import { judgeCell, reaches, visibleTo } from './reach/expectations.ts';
import { isRead, matrixRoutes, urlFor, type MatrixRoute } from './reach/routes.ts';
import { buildWorld, READ_PATH, type MatrixCaller, type MatrixTarget, type Targets } from './reach/world.ts';

let document: OpenApiDocument;
let routes: MatrixRoute[];
let resolve: Resolve;
let root: string;
let callers: MatrixCaller[];
let targets: Targets;

beforeAll(async () => {
  document = (await api<OpenApiDocument>('GET', '/api/v1/openapi.json')).body;
  routes = matrixRoutes(document);
  resolve = schemaResolver(document);
  root = await superAdminToken();
  ({ callers, targets } = await buildWorld(root));
}, 120_000);

const allIds = () => Object.values(targets).flat();

/** A body that passes the route's schema, so what answers is the route's auth and reach, not validation. */
function validBody(route: MatrixRoute): unknown {
  if (!route.body) return undefined;
  return fc.sample(arbitraryFor(route.body, resolve), { seed: 2026, numRuns: 1 })[0];
}

async function fingerprint(kind: string, target: MatrixTarget): Promise<string> {
  const read = await api('GET', `${READ_PATH[kind]}${target.id}`, { token: root });
  return `${read.status} ${withoutMeta(JSON.stringify(read.body))}`;
}

describe('reach matrix: every declared route × every kind of caller × resources of A, of B and of P', () => {
  it('declares its reach on every operation of the document', () => {
    expect(routes.length).toBeGreaterThanOrEqual(55);
    expect(routes.filter((route) => route.reach === undefined).map((route) => route.operationId)).toEqual([]);
  });

  it('answers 401, 403 or 404 for every id out of reach, 200 for reads in reach, never a 5xx; refused writes change nothing', { timeout: 600_000 }, async () => {
    const problems: string[] = [];
    let cells = 0;
    let routesCovered = 0;
    for (const route of routes) {
      const reach = route.reach;
      if (typeof reach !== 'object' || !('resource' in reach)) continue;
      routesCovered += 1;
      for (const target of targets[reach.resource] ?? []) {
        for (const caller of callers) {
          const inReach = reaches(caller.reach, target.owner);
          // A write in reach would change the fixtures every other cell reads; the resource's own e2e tests cover it.
          if (!isRead(route) && inReach) continue;
          const before = isRead(route) ? undefined : await fingerprint(reach.resource, target);
          const answer = await api(route.method, urlFor(route, target.id), { token: caller.token, body: validBody(route) });
          cells += 1;
          const verdict = judgeCell({ status: answer.status, body: JSON.stringify(answer.body) }, { inReach, read: isRead(route), unrestricted: caller.unrestricted });
          if (verdict) problems.push(`${route.operationId} on ${reach.resource} of ${target.side} as ${caller.name}: ${verdict}`);
          if (before !== undefined && (await fingerprint(reach.resource, target)) !== before) {
            problems.push(`${route.operationId} on ${reach.resource} of ${target.side} as ${caller.name}: a refused write changed it`);
          }
        }
      }
    }
    console.log(`reach matrix (ids): ${routesCovered} routes × ${callers.length} callers × 2 targets, ${cells} requests sent`);
    expect(problems).toEqual([]);
  });

  it('lists only what is in reach: no list answers an id of a side the caller cannot reach', { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    let cells = 0;
    const lists = routes.filter((route) => isRead(route) && typeof route.reach === 'object' && 'collection' in route.reach);
    for (const route of lists) {
      for (const caller of callers) {
        const answer = await api('GET', route.path, { token: caller.token });
        cells += 1;
        const text = JSON.stringify(answer.body);
        const verdict = judgeCell({ status: answer.status, body: text }, { inReach: caller.reach !== null, read: true, unrestricted: caller.unrestricted });
        if (verdict) problems.push(`${route.operationId} as ${caller.name}: ${verdict}`);
        if (answer.status !== 200) continue;
        const leaked = allIds().filter((target) => !visibleTo(caller.reach, target.owner) && text.includes(target.id));
        for (const target of leaked) problems.push(`${route.operationId} as ${caller.name}: lists ${target.id} of ${target.side}`);
      }
    }
    console.log(`reach matrix (lists): ${lists.length} routes × ${callers.length} callers, ${cells} requests sent`);
    expect(problems).toEqual([]);
  });

  it('keeps routes on no owned data, the caller’s own session or own tenant free of 5xx for every caller, and own-tenant reads free of others’ ids', async () => {
    const problems: string[] = [];
    const ownKinds = ['none', 'self', 'own_tenant', 'platform'];
    const own = routes.filter((route) => isRead(route) && typeof route.reach === 'string' && ownKinds.includes(route.reach) && !route.path.includes('{'));
    for (const route of own) {
      for (const caller of callers) {
        const answer = await api('GET', route.path, { token: caller.token });
        if (answer.status >= 500) problems.push(`${route.operationId} as ${caller.name}: answered ${answer.status}`);
        if (route.reach !== 'own_tenant' || answer.status !== 200) continue;
        // The caller's own tenant's data names nothing of a tenant or partner it cannot see.
        const text = JSON.stringify(answer.body);
        for (const target of allIds().filter((t) => !visibleTo(caller.reach, t.owner) && text.includes(t.id))) {
          problems.push(`${route.operationId} as ${caller.name}: names ${target.id} of ${target.side}`);
        }
      }
    }
    console.log(`reach matrix (own): ${own.length} routes × ${callers.length} callers`);
    expect(problems).toEqual([]);
  });
});
