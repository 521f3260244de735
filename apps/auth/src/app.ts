import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { connectEvents, type EventBus, type Relay } from '@scai/events';
import { accessTokensRevokedEvent } from './events/oidc-events.ts';
import { createGrpcServer, type GrpcServer } from '@scai/grpc';
import { createOpsServer, errorHandling, type OpsServer } from '@scai/http';
import { auth } from '@scai/proto';
import { createLogger, createMetrics, initTracing, type Logger } from '@scai/telemetry';
import { resolveSecrets, type AuthConfig } from './config.ts';
import { adminAuthService } from './grpc/admin-auth-service.ts';
import { applicationsService } from './grpc/applications-service.ts';
import { authenticationService } from './grpc/authentication-service.ts';
import { usersService } from './grpc/users-service.ts';
import { groupsService } from './grpc/groups-service.ts';
import { invitationPages } from './http/invitation-pages.ts';
import { Groups } from './people/groups.ts';
import { createInvitationMailer } from './people/invitation-mailer.ts';
import { Invitations } from './people/invitations.ts';
import { grpcOrgDirectory, type OrgDirectory } from './people/org-directory.ts';
import { UserAdmin } from './people/user-admin.ts';
import { oidcHttp } from './http/oidc-http.ts';
import { SigningKeys } from './keys/signing-keys.ts';
import { AdminMfa } from './mfa/admin-mfa.ts';
import { Mfa } from './mfa/mfa.ts';
import { mfaService } from './mfa/mfa-grpc.ts';
import { grpcTenantMfa, type TenantMfaSettings } from './mfa/tenant-mfa.ts';
import { AdminAuth } from './services/admin-auth.ts';
import { Applications } from './services/applications.ts';
import type { AuthDeps } from './services/deps.ts';
import { Users } from './services/users.ts';
import { ensureConsoleClient } from './oidc/console-client.ts';
import { pruneExpiredPayloads } from './oidc/payload-adapter.ts';
import { ProviderRegistry } from './oidc/provider-registry.ts';
import { grpcTenantDirectory, type TenantDirectory } from './oidc/tenant-directory.ts';
import { createPrisma } from './store/prisma.ts';

export interface AuthApp {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Bound ports, known after `start()` (a configured 0 picks a free one). */
  readonly ports: { grpc: number; http: number; ops: number };
  readonly keys: SigningKeys;
}

export interface CreateAppOptions {
  logger?: Logger;
  /** Where tenant issuers find their tenant; the partners app over gRPC unless given. */
  tenants?: TenantDirectory;
  /** Tenants and partners for people management (policy, limits); the partners app over gRPC unless given. */
  orgs?: OrgDirectory;
  /** Whether a tenant requires MFA; the partners app over gRPC unless given. */
  tenantMfa?: TenantMfaSettings;
}

/** How often expired OpenID provider rows (sessions, codes, tokens …) are deleted. */
const PRUNE_INTERVAL_MS = 10 * 60_000;

/**
 * The auth service: gRPC (AdminAuthService, ApplicationsService, UsersService), the
 * OAuth 2.1 / OpenID Connect HTTP side (one oidc-provider per issuer, JWKS, sign-in
 * pages), the ops server, and the
 * outbox relay that publishes its events.
 */
export async function createApp(config: AuthConfig, options: CreateAppOptions = {}): Promise<AuthApp> {
  const logger = options.logger ?? createLogger({ name: 'auth', level: config.LOG_LEVEL });
  initTracing({ serviceName: 'auth', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, disabled: config.OTEL_SDK_DISABLED });
  const secrets = resolveSecrets(config, (message) => logger.warn(message));
  const metrics = createMetrics('auth');
  const db = createPrisma(config.DATABASE_URL);
  const keys = new SigningKeys(db, {
    encryptionKey: secrets.signingKeyEncryptionKey,
    publishLeadSeconds: config.SIGNING_KEY_PUBLISH_LEAD_SECONDS,
    adminTokenTtlSeconds: config.ADMIN_ACCESS_TOKEN_TTL_SECONDS,
    alg: config.SIGNING_KEY_ALG,
  });

  let bus: EventBus | null = null;
  let relay: Relay | null = null;
  let grpcServer: GrpcServer | null = null;
  let http: FastifyInstance | null = null;
  let ops: OpsServer | null = null;
  let pruner: NodeJS.Timeout | null = null;
  const tenants = options.tenants ?? grpcTenantDirectory(config.PARTNERS_GRPC_URL);
  const tenantMfa = options.tenantMfa ?? grpcTenantMfa(config.PARTNERS_GRPC_URL);
  const orgs = options.orgs ?? grpcOrgDirectory(config.PARTNERS_GRPC_URL);
  const mailer = createInvitationMailer({ smtpUrl: config.SMTP_URL, from: config.SMTP_FROM, production: config.NODE_ENV === 'production' }, logger.child({ component: 'invitations' }));
  const ports = { grpc: 0, http: 0, ops: 0 };

  const deps: AuthDeps = {
    db,
    keys,
    // Events are written through the bus's outbox once connected (start()).
    outbox: { add: (tx, event) => (bus ?? failNoBus()).add(tx, event) },
    config,
    secrets,
    now: () => new Date(),
    eventsWritten: () => relay?.nudge(),
    tenantMfa,
  };

  return {
    ports,
    keys,
    async start() {
      await keys.ensureKeys();
      bus = await connectEvents(
        { natsUrl: config.NATS_URL, stream: config.EVENTS_STREAM, subjectPrefix: config.EVENTS_SUBJECT_PREFIX },
        { logger, name: 'auth' },
      );
      relay = bus.startRelay(db);
      // The admin console's own OAuth client (first-party SPA), registered before anyone can sign in.
      await ensureConsoleClient(deps);

      grpcServer = createGrpcServer({ serviceName: 'auth', host: config.GRPC_HOST, port: config.GRPC_PORT, logger });
      const mfa = new Mfa(deps);
      const adminAuth = new AdminAuth(deps, mfa);
      grpcServer.add(auth.v1.AdminAuthServiceService, adminAuthService(adminAuth));
      grpcServer.add(auth.v1.MfaServiceService, mfaService(new AdminMfa(deps, mfa, adminAuth)));
      grpcServer.add(auth.v1.ApplicationsServiceService, applicationsService(new Applications(deps)));
      grpcServer.add(auth.v1.AuthenticationServiceService, authenticationService(deps));
      grpcServer.add(auth.v1.UsersServiceService, usersService(new Users(deps, orgs), new UserAdmin(deps, { orgs, mailer, logger })));
      grpcServer.add(auth.v1.GroupsServiceService, groupsService(new Groups(deps, orgs)));
      ports.grpc = await grpcServer.start();

      // Behind the gateway (one public origin): X-Forwarded-* name the real client.
      const server: FastifyInstance = Fastify({ loggerInstance: logger.child({ component: 'http' }) as FastifyBaseLogger, trustProxy: true });
      http = server;
      await server.register(errorHandling, { metrics });
      const registry = new ProviderRegistry({
        db,
        publicUrl: config.PUBLIC_URL,
        tenants,
        // Asked at every account lookup (sign-in, userinfo, introspection), not cached: a suspension counts at once.
        tenantIsActive: async (tenantId) => (await orgs.tenant(tenantId))?.active === true,
        activeKey: () => keys.activePrivateJwk(),
        publishedKeys: () => keys.jwks(),
        cookieKeys: [cookieKey(secrets.tokenPepper)],
        tokenPepper: secrets.tokenPepper,
        refreshTokenTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS,
        now: deps.now,
        onServerError: (error) => logger.error({ err: error }, 'oidc provider failed'),
        // The gateway refuses a revoked access token before it expires: it learns the jti from this event.
        onAccessTokensRevoked: async (tx, revoked, grantId, issuer) => {
          await deps.outbox.add(tx, accessTokensRevokedEvent(issuer, revoked, grantId));
          deps.eventsWritten();
        },
        // The providers' audit events (sign-ins, token grants, revocations, logout) go to the outbox.
        audit: {
          db: deps.db,
          write: async (event) => {
            await deps.outbox.add(deps.db, event);
            deps.eventsWritten();
          },
          onError: (error, type) => logger.error({ err: error, type }, 'audit event not written'),
        },
      });
      await server.register(oidcHttp, { registry, keys, deps });
      await server.register(invitationPages, { invitations: new Invitations(deps, orgs) });
      await server.listen({ host: config.AUTH_HTTP_HOST, port: config.AUTH_HTTP_PORT });
      ports.http = (server.server.address() as AddressInfo).port;

      ops = await createOpsServer({
        serviceName: 'auth',
        host: config.OPS_HOST,
        port: config.OPS_PORT,
        metrics,
        logger,
        ready: async () => {
          await db.$queryRawUnsafe('SELECT 1');
          return bus !== null && !bus.connection.isClosed();
        },
      });
      ports.ops = ops.port;
      pruner = setInterval(() => {
        pruneExpiredPayloads(db, new Date()).catch((error: unknown) => logger.warn({ err: error }, 'pruning expired oidc rows failed'));
      }, PRUNE_INTERVAL_MS);
      pruner.unref();
      logger.info({ grpc: ports.grpc, http: ports.http, ops: ports.ops }, 'auth started');
    },
    async stop() {
      if (pruner) clearInterval(pruner);
      pruner = null;
      await ops?.close();
      await http?.close();
      await grpcServer?.stop();
      await bus?.close();
      tenants.close();
      orgs.close();
      mailer.close();
      tenantMfa.close();
      await db.$disconnect();
      ops = null;
      http = null;
      grpcServer = null;
      bus = null;
      relay = null;
    },
  };
}

/** The provider's cookie-signing key, derived from the pepper so every instance signs alike. */
function cookieKey(pepper: string): string {
  return createHmac('sha256', pepper).update('scai-oidc-cookies').digest('base64url');
}

function failNoBus(): never {
  throw new Error('auth: events are not connected (start() was not called)');
}
