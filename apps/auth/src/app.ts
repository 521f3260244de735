import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { connectEvents, type EventBus, type Relay } from '@scai/events';
import { createGrpcServer, type GrpcServer } from '@scai/grpc';
import { createOpsServer, errorHandling, type OpsServer } from '@scai/http';
import { auth } from '@scai/proto';
import { createLogger, createMetrics, initTracing, type Logger } from '@scai/telemetry';
import { resolveSecrets, type AuthConfig } from './config.ts';
import { adminAuthService } from './grpc/admin-auth-service.ts';
import { applicationsService } from './grpc/applications-service.ts';
import { usersService } from './grpc/users-service.ts';
import { platformOAuth } from './http/platform-oauth.ts';
import { SigningKeys } from './keys/signing-keys.ts';
import { AdminAuth } from './services/admin-auth.ts';
import { Applications } from './services/applications.ts';
import { ClientCredentials } from './services/client-credentials.ts';
import type { AuthDeps } from './services/deps.ts';
import { Users } from './services/users.ts';
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
}

/**
 * The auth service: gRPC (AdminAuthService, ApplicationsService, UsersService), the
 * OAuth/OIDC HTTP side (JWKS, discovery, token endpoint), the ops server, and the
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
  });

  let bus: EventBus | null = null;
  let relay: Relay | null = null;
  let grpcServer: GrpcServer | null = null;
  let http: FastifyInstance | null = null;
  let ops: OpsServer | null = null;
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

      grpcServer = createGrpcServer({ serviceName: 'auth', host: config.GRPC_HOST, port: config.GRPC_PORT, logger });
      grpcServer.add(auth.v1.AdminAuthServiceService, adminAuthService(new AdminAuth(deps)));
      grpcServer.add(auth.v1.ApplicationsServiceService, applicationsService(new Applications(deps)));
      grpcServer.add(auth.v1.UsersServiceService, usersService(new Users(deps)));
      ports.grpc = await grpcServer.start();

      // Behind the gateway (one public origin): X-Forwarded-* name the real client.
      const server: FastifyInstance = Fastify({ loggerInstance: logger.child({ component: 'http' }) as FastifyBaseLogger, trustProxy: true });
      http = server;
      await server.register(errorHandling, { metrics });
      await server.register(platformOAuth, { publicUrl: config.PUBLIC_URL, keys, clientCredentials: new ClientCredentials(deps) });
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
      logger.info({ grpc: ports.grpc, http: ports.http, ops: ports.ops }, 'auth started');
    },
    async stop() {
      await ops?.close();
      await http?.close();
      await grpcServer?.stop();
      await bus?.close();
      await db.$disconnect();
      ops = null;
      http = null;
      grpcServer = null;
      bus = null;
      relay = null;
    },
  };
}

function failNoBus(): never {
  throw new Error('auth: events are not connected (start() was not called)');
}
