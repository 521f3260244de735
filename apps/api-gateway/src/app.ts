import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import formBody from '@fastify/formbody';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { errorHandling, httpServerOptions } from '@scai/http';
import type { Logger, Metrics } from '@scai/telemetry';
import { createAuthenticate, type RevocationCheck } from './auth/authenticate.ts';
import type { TokenVerifier } from './auth/token-verifier.ts';
import { trustProxySetting } from './config.ts';
import { allowedOrigins, registerCors } from './cors.ts';
import { assertTestClockAllowed } from '@scai/clock';
import type { RouteAuth, RouteReach } from './auth/route-auth.ts';
import { registerOpenApi, registerReferencePage } from './openapi.ts';
import { registerProbes } from './probes.ts';
import { registerRequestTracing } from './request-tracing.ts';
import { health, openApiDocument } from './routes/health.ts';
import { routeGroups as defaultGroups } from './routes/index.ts';
import { setTestClock } from './routes/testing-clock/set-test-clock.ts';
import { sharedSchemas } from './routes/common-schemas.ts';
import type { GatewayApp, GatewayDeps, RouteGroup, RouteModule } from './routes/types.ts';
import { describeOperation } from './openapi-operation.ts';

export interface GatewayOptions extends GatewayDeps {
  verifyToken: TokenVerifier;
  logger: Logger;
  metrics?: Metrics;
  groups?: RouteGroup[];
  /** Blocked tenants, partners and users (`revocation/`); tokens are not checked against it without. */
  revocations?: RevocationCheck;
  /** Readiness for `/readyz`; without it the probes (`/healthz`, `/readyz`) are not served. */
  ready?: () => boolean;
}

export interface DeclaredRoute {
  method: string;
  url: string;
  auth: RouteAuth | undefined;
  reach: RouteReach | undefined;
  /** The route module that registered it (its function name), the operation's `operationId`. */
  operationId: string | undefined;
  bodyOptional: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    declaredRoutes: DeclaredRoute[];
  }
  interface FastifyContextConfig {
    /** The body may be left out (the published reference marks it not required). */
    bodyOptional?: boolean;
    /** What the route touches; the reach matrix holds every route to it. */
    reach?: RouteReach;
    /** A public route that reads a bearer token when one is sent (the document lists the scheme as optional). */
    acceptsBearer?: boolean;
    /** `false`: the gateway's CORS stays out (the OAuth proxy, whose provider answers per client's allowed origins). */
    cors?: false;
  }
}

/** Where the scope of a route module keeps the module's name (see the `onRoute` hook). */
const MODULE_NAME = Symbol('routeModule');

/** Routes that answer without being part of the API surface (no `config.auth` needed). */
export const FRAMEWORK_ROUTE_PREFIXES = ['/api/v1/reference'];

/**
 * Builds the gateway (not listening): error envelope, request ids, token check and
 * declared permissions on every route, the OpenAPI document and reference page, and
 * every endpoint group. `server.ts` only listens.
 */
export async function buildGateway(options: GatewayOptions): Promise<GatewayApp> {
  const app = Fastify({
    // pino's Logger is a FastifyBaseLogger; naming the base type keeps GatewayApp's generics simple.
    loggerInstance: options.logger as FastifyBaseLogger,
    trustProxy: trustProxySetting(options.config.TRUST_PROXY),
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
    ...httpServerOptions(),
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(errorHandling, { metrics: options.metrics });
  await app.register(formBody);
  await registerCors(app as unknown as FastifyInstance, allowedOrigins(options.config.CORS_ORIGINS, options.config.PUBLIC_URL));
  registerRequestTracing(app as unknown as FastifyInstance);
  app.decorateRequest('caller', null);
  app.addHook('preHandler', createAuthenticate(options.verifyToken, options.revocations));

  const groups = options.groups ?? defaultGroups;
  // Groups that share a schema (tenants and billing both answer BillingProfile) list it each; it is added once.
  const schemas = new Map<unknown, object>([...sharedSchemas, ...groups.flatMap((g) => g.schemas)].map((schema) => [(schema as { $id?: string }).$id, schema]));
  for (const schema of schemas.values()) app.addSchema(schema);

  // Non-public routes advertise the bearer scheme in the document; every route is
  // recorded with its declared requirement so a test can hold each one to it.
  const declaredRoutes: DeclaredRoute[] = [];
  app.decorate('declaredRoutes', declaredRoutes);
  // Each route module is one operation, registered in a scope of its own that carries the
  // module's function name: the stable operationId, also for routes a module adds from a nested plugin.
  app.addHook('onRoute', function recordRoute(this: object, route) {
    const auth = route.config?.auth;
    const operationId = (this as { [MODULE_NAME]?: string })[MODULE_NAME];
    for (const method of [route.method].flat()) {
      declaredRoutes.push({ method, url: route.url, auth, reach: route.config?.reach, operationId, bodyOptional: route.config?.bodyOptional === true });
    }
    if (!route.schema || route.schema.hide || !auth) return;
    if (operationId) route.schema.operationId ??= operationId;
    describeOperation(route.schema, auth, route.config?.acceptsBearer === true);
  });
  const declarations = () => new Map(declaredRoutes.map((r) => [`${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`, r] as const));
  await registerOpenApi(app as unknown as FastifyInstance, { publicUrl: options.config.PUBLIC_URL, groups, declarations });
  await registerReferencePage(app as unknown as FastifyInstance);

  const deps: GatewayDeps = { config: options.config, clients: options.clients, probeServices: options.probeServices };
  const registerModule = (route: RouteModule) =>
    app.register(async (scope) => {
      Object.assign(scope, { [MODULE_NAME]: route.name || undefined });
      route(scope as unknown as GatewayApp, deps);
    });
  for (const route of [health, openApiDocument]) await registerModule(route);
  assertTestClockAllowed({ enabled: options.config.TEST_CLOCK_CONTROL, nodeEnv: options.config.NODE_ENV });
  if (options.config.TEST_CLOCK_CONTROL) await registerModule(setTestClock);
  if (options.ready) registerProbes(app, options.ready);
  for (const group of groups) {
    for (const route of group.routes) await registerModule(route);
  }
  return app;
}
