import { migrateDatabase, appPaths } from '@scai/db';
import { connectEvents, type Consumer, type EventBus, type Relay } from '@scai/events';
import { createGrpcServer, type GrpcServer } from '@scai/grpc';
import { createOpsServer, type OpsServer } from '@scai/http';
import { createLogger, createMetrics, initTracing, type Logger } from '@scai/telemetry';
import { APP_DIR } from './app-dir.ts';
import { createUpstreamClients, type UpstreamClients } from './clients.ts';
import type { RegistrationsConfig } from './config.ts';
import { startExpiryJob, type ExpiryJob } from './events/expiry-job.ts';
import { createLogNotifier, type Notifier } from './events/notifier.ts';
import { startRequesterNotifications } from './events/notify-requester.ts';
import { RegistrationsServiceDefinition, registrationsService } from './grpc/registrations-service.ts';
import { createPrisma, type PrismaClient } from './store/prisma.ts';

const SERVICE_NAME = 'registrations';

export interface AppOptions {
  /** Where requesters' notices go; the default writes them to the log. */
  notifier?: Notifier;
  logger?: Logger;
}

export interface RegistrationsApp {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Bound ports, known after `start()` (0 in the config picks free ones). */
  readonly grpcPort: number;
  readonly opsPort: number;
}

interface Running {
  prisma: PrismaClient;
  bus: EventBus;
  relay: Relay;
  consumers: Consumer[];
  upstream: UpstreamClients;
  grpc: GrpcServer;
  ops: OpsServer;
  expiry: ExpiryJob;
  grpcPort: number;
}

/**
 * The registrations service: its database (migrated on start), the outbox relay, the
 * requester-notification consumers, the gRPC server (with health), the ops server and
 * the expiry job.
 */
export async function createApp(config: RegistrationsConfig, options: AppOptions = {}): Promise<RegistrationsApp> {
  const logger = options.logger ?? createLogger({ name: SERVICE_NAME, level: config.LOG_LEVEL });
  initTracing({ serviceName: SERVICE_NAME, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, disabled: config.OTEL_SDK_DISABLED });
  const metrics = createMetrics(SERVICE_NAME);
  const notifier = options.notifier ?? createLogNotifier(logger);
  let running: Running | null = null;

  async function start(): Promise<void> {
    await migrateDatabase({ databaseUrl: config.DATABASE_URL, ...appPaths(APP_DIR) });
    const prisma = createPrisma(config.DATABASE_URL);
    const bus = await connectEvents(
      { natsUrl: config.NATS_URL, stream: config.EVENTS_STREAM, subjectPrefix: config.EVENTS_SUBJECT_PREFIX },
      { logger, name: SERVICE_NAME },
    );
    const relay = bus.startRelay(prisma);
    const consumers = await startRequesterNotifications(bus, prisma, notifier);
    const upstream = createUpstreamClients({ auth: config.AUTH_GRPC_URL, partners: config.PARTNERS_GRPC_URL });

    const grpc = createGrpcServer({ serviceName: SERVICE_NAME, host: config.GRPC_HOST, port: config.GRPC_PORT, logger });
    grpc.add(
      RegistrationsServiceDefinition,
      registrationsService({
        prisma,
        outbox: bus,
        applications: upstream.applications,
        tenants: upstream.tenants,
        partners: upstream.partners,
        settings: {
          requireSecondAdmin: config.REGISTRATION_REQUIRE_SECOND_ADMIN,
          ttlDays: config.REGISTRATION_TTL_DAYS,
          grpcDeadlineMs: config.GRPC_DEADLINE_MS,
        },
        eventsWritten: () => relay.nudge(),
      }),
    );
    const grpcPort = await grpc.start();
    const ops = await createOpsServer({
      serviceName: SERVICE_NAME,
      host: config.OPS_HOST,
      port: config.OPS_PORT,
      metrics,
      logger,
      ready: async () => {
        await prisma.$queryRaw`SELECT 1`;
        return !bus.connection.isClosed();
      },
    });
    const expiry = startExpiryJob({
      prisma,
      outbox: bus,
      intervalMs: config.REGISTRATION_EXPIRY_INTERVAL_MS,
      logger,
      eventsWritten: () => relay.nudge(),
    });
    running = { prisma, bus, relay, consumers, upstream, grpc, ops, expiry, grpcPort };
    logger.info({ grpcPort, opsPort: ops.port }, 'registrations started');
  }

  async function stop(): Promise<void> {
    if (!running) return;
    const { prisma, bus, upstream, grpc, ops, expiry } = running;
    running = null;
    await expiry.stop();
    await grpc.stop();
    await ops.close();
    await bus.close();
    upstream.close();
    await prisma.$disconnect();
  }

  return {
    start,
    stop,
    get grpcPort() {
      return running?.grpcPort ?? 0;
    },
    get opsPort() {
      return running?.ops.port ?? 0;
    },
  };
}
