import { appPaths, migrateDatabase } from '@scai/db';
import { connectEvents, type Consumer, type EventBus, type Relay } from '@scai/events';
import { createGrpcServer, type GrpcServer } from '@scai/grpc';
import { createOpsServer, type OpsServer } from '@scai/http';
import { partners } from '@scai/proto';
import { createLogger, createMetrics, initTracing, type Logger } from '@scai/telemetry';
import { APP_DIR } from './app-dir.ts';
import type { PartnersConfig } from './config.ts';
import { startPartnerDeletedConsumer } from './events/partner-deleted-consumer.ts';
import { partnersServiceImpl } from './grpc/partners-service.ts';
import { tenantsServiceImpl } from './grpc/tenants-service.ts';
import { createPartnerStore } from './store/partner-store.ts';
import { createPrisma, type Db } from './store/prisma.ts';
import { createTenantStore } from './store/tenant-store.ts';

const SERVICE_NAME = 'partners';

export interface AppOptions {
  logger?: Logger;
}

export interface PartnersApp {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Bound ports, known after `start()` (0 in the config picks free ones). */
  readonly grpcPort: number;
  readonly opsPort: number;
}

interface Running {
  prisma: Db;
  bus: EventBus;
  relay: Relay;
  consumers: Consumer[];
  grpc: GrpcServer;
  ops: OpsServer;
  grpcPort: number;
}

/**
 * The partners service: its database (migrated on start), the outbox relay, the
 * partner.deleted consumer, the gRPC server (with health) and the ops server.
 */
export async function createApp(config: PartnersConfig, options: AppOptions = {}): Promise<PartnersApp> {
  const logger = options.logger ?? createLogger({ name: SERVICE_NAME, level: config.LOG_LEVEL });
  initTracing({ serviceName: SERVICE_NAME, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, disabled: config.OTEL_SDK_DISABLED });
  const metrics = createMetrics(SERVICE_NAME);
  let running: Running | null = null;

  async function start(): Promise<void> {
    if (running) return;
    if (config.MIGRATE_ON_START) await migrateDatabase({ databaseUrl: config.DATABASE_URL, ...appPaths(APP_DIR) });
    const prisma = createPrisma(config.DATABASE_URL);
    const bus = await connectEvents(
      { natsUrl: config.NATS_URL, stream: config.EVENTS_STREAM, subjectPrefix: config.EVENTS_SUBJECT_PREFIX },
      { logger, name: SERVICE_NAME },
    );
    const relay = bus.startRelay(prisma);
    const eventsWritten = () => relay.nudge();
    const partnerStore = createPartnerStore(prisma, bus, eventsWritten);
    const tenantStore = createTenantStore(prisma, bus, eventsWritten);
    const consumers = [await startPartnerDeletedConsumer({ bus, db: prisma, tenants: tenantStore, logger })];

    const grpc = createGrpcServer({ serviceName: SERVICE_NAME, host: config.GRPC_HOST, port: config.GRPC_PORT, logger });
    grpc.add(partners.v1.PartnersServiceService, partnersServiceImpl(partnerStore));
    grpc.add(partners.v1.TenantsServiceService, tenantsServiceImpl({ tenants: tenantStore, partners: partnerStore }));
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
    running = { prisma, bus, relay, consumers, grpc, ops, grpcPort };
    logger.info({ grpcPort, opsPort: ops.port }, 'partners started');
  }

  async function stop(): Promise<void> {
    if (!running) return;
    const { prisma, bus, grpc, ops } = running;
    running = null;
    await grpc.stop();
    await ops.close();
    // Stops the relay and the consumers (finishing work in flight), then drains NATS.
    await bus.close();
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
