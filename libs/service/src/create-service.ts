import { appPaths, migrateDatabase } from '@scai/db';
import { connectEvents } from '@scai/events';
import { createGrpcServer } from '@scai/grpc';
import { createOpsServer } from '@scai/http';
import { createLogger, createMetrics, initTracing, type Logger, type Metrics } from '@scai/telemetry';
import type { ServiceConfig } from './service-config.ts';
import type { ServiceContext, ServiceDb, ServiceParts } from './service-parts.ts';
import { stopRunning, type Running } from './stop-service.ts';

export interface ServiceOptions<C extends ServiceConfig, Db extends ServiceDb> {
  /** The app's name (`billing`): logger, tracing, metrics label, NATS connection, health name. */
  name: string;
  config: C;
  /** The app's folder, holding `prisma/` (migrated on start unless `MIGRATE_ON_START` is off). */
  appDir: string;
  /** The app's generated Prisma client on `DATABASE_URL`. */
  createPrisma: (databaseUrl: string) => Db;
  /** Tests pass a silent one; by default a pino logger at `LOG_LEVEL`. */
  logger?: Logger;
  /** Adds the app's gRPC services and starts its consumers and jobs. */
  register?: (context: ServiceContext<C, Db>) => Promise<ServiceParts | void>;
}

/** A running service app, as `main.ts` and the tests see it. */
export interface Service {
  start(): Promise<void>;
  /** Stops everything `start()` started, in order; a no-op when not running. */
  stop(): Promise<void>;
  /** Bound ports, known after `start()` (0 in the config picks free ones). */
  readonly grpcPort: number;
  readonly opsPort: number;
}

/** What every service app's `createApp` takes besides its config. */
export interface ServiceAppOptions {
  logger?: Logger;
}

/**
 * The one place a service app is assembled: its database (migrated on start), the events
 * bus and outbox relay, what the app registers (gRPC services, consumers, jobs), the gRPC
 * server with the standard health service, and the ops server (`/healthz`, `/readyz` =
 * database and NATS reachable, `/metrics`).
 */
export function createService<C extends ServiceConfig, Db extends ServiceDb>(options: ServiceOptions<C, Db>): Service {
  const { name, config } = options;
  const logger = options.logger ?? createLogger({ name, level: config.LOG_LEVEL });
  initTracing({ serviceName: name, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, disabled: config.OTEL_SDK_DISABLED });
  const metrics = createMetrics(name);
  let running: Running | null = null;

  return {
    async start() {
      if (running) return;
      const starting: Running = { parts: {}, grpcPort: 0, stopping: false };
      try {
        await bringUp(starting, options, logger, metrics);
      } catch (error) {
        // Release what did start (connections, ports) so a failed start leaves nothing behind.
        await stopRunning(starting).catch((stopError: unknown) => logger.error({ err: stopError }, `${name} cleanup failed`));
        throw error;
      }
      running = starting;
      logger.info({ grpcPort: starting.grpcPort, opsPort: starting.ops?.port }, `${name} started`);
    },
    async stop() {
      if (!running) return;
      const stopping = running;
      running = null;
      await stopRunning(stopping);
      logger.info(`${name} stopped`);
    },
    get grpcPort() {
      return running?.grpcPort ?? 0;
    },
    get opsPort() {
      return running?.ops?.port ?? 0;
    },
  };
}

async function bringUp<C extends ServiceConfig, Db extends ServiceDb>(
  state: Running,
  options: ServiceOptions<C, Db>,
  logger: Logger,
  metrics: Metrics,
): Promise<void> {
  const { name, config } = options;
  if (config.MIGRATE_ON_START) await migrateDatabase({ databaseUrl: config.DATABASE_URL, ...appPaths(options.appDir) });
  const db = options.createPrisma(config.DATABASE_URL);
  state.db = db;
  const events = await connectEvents(
    { natsUrl: config.NATS_URL, stream: config.EVENTS_STREAM, subjectPrefix: config.EVENTS_SUBJECT_PREFIX },
    { logger, name },
  );
  state.events = events;
  const relay = events.startRelay(db);
  state.relay = relay;
  const server = createGrpcServer({ serviceName: name, host: config.GRPC_HOST, port: config.GRPC_PORT, logger });
  state.parts = (await options.register?.({ name, config, db, events, relay, server, logger, metrics })) ?? {};
  state.grpcPort = await server.start();
  state.grpc = server;
  state.ops = await createOpsServer({
    serviceName: name,
    host: config.OPS_HOST,
    port: config.OPS_PORT,
    metrics,
    logger,
    ready: async () => {
      if (state.stopping) return false;
      await db.$queryRawUnsafe('SELECT 1');
      return !events.connection.isClosed();
    },
  });
}
