import { appPaths, migrateDatabase } from '@scai/db';
import { connectEvents, type EventBus } from '@scai/events';
import { createGrpcServer, type GrpcServer } from '@scai/grpc';
import { createOpsServer, type OpsServer } from '@scai/http';
import { createLogger, createMetrics, initTracing, type Logger } from '@scai/telemetry';
import { APP_DIR } from './app-dir.ts';
import type { MeteringConfig } from './config.ts';
import { createPrisma, type PrismaClient } from './store/prisma.ts';

const SERVICE_NAME = 'metering';

export interface AppOptions {
  logger?: Logger;
}

export interface MeteringApp {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Bound ports, known after `start()` (0 in the config picks free ones). */
  readonly grpcPort: number;
  readonly opsPort: number;
}

interface Running {
  prisma: PrismaClient;
  bus: EventBus;
  grpc: GrpcServer;
  ops: OpsServer;
  grpcPort: number;
}

/**
 * The metering service, as a skeleton: its database (migrated on start), the outbox relay,
 * a gRPC server with the standard health service and the ops server. Domain services
 * join the gRPC server as they are built (README.md).
 */
export async function createApp(config: MeteringConfig, options: AppOptions = {}): Promise<MeteringApp> {
  const logger = options.logger ?? createLogger({ name: SERVICE_NAME, level: config.LOG_LEVEL });
  initTracing({ serviceName: SERVICE_NAME, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, disabled: config.OTEL_SDK_DISABLED });
  const metrics = createMetrics(SERVICE_NAME);
  let running: Running | null = null;

  async function start(): Promise<void> {
    if (config.MIGRATE_ON_START) await migrateDatabase({ databaseUrl: config.DATABASE_URL, ...appPaths(APP_DIR) });
    const prisma = createPrisma(config.DATABASE_URL);
    const bus = await connectEvents(
      { natsUrl: config.NATS_URL, stream: config.EVENTS_STREAM, subjectPrefix: config.EVENTS_SUBJECT_PREFIX },
      { logger, name: SERVICE_NAME },
    );
    bus.startRelay(prisma);
    const grpc = createGrpcServer({ serviceName: SERVICE_NAME, host: config.GRPC_HOST, port: config.GRPC_PORT, logger });
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
    running = { prisma, bus, grpc, ops, grpcPort };
    logger.info({ grpcPort, opsPort: ops.port }, `${SERVICE_NAME} started`);
  }

  async function stop(): Promise<void> {
    if (!running) return;
    const { prisma, bus, grpc, ops } = running;
    running = null;
    await grpc.stop();
    await ops.close();
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
