import { createTestDatabase } from '@scai/db/testing';
import type { EventsConfig } from '@scai/events';
import { createTestEventsConfig, deleteTestStream } from '@scai/events/testing';
import { createLogger, type Logger } from '@scai/telemetry';
import type { Service } from './create-service.ts';

export interface TestServiceOptions<A extends Service> {
  /** The app's name; also the prefix of the test database's name. */
  name: string;
  /** Builds the app from the test environment, e.g. `(env, logger) => createApp(loadXConfig(env), { logger })`. */
  createApp: (env: Record<string, string>, logger: Logger) => Promise<A>;
  /** Settings over the test ones (the app's own, or addresses of fake upstreams). */
  env?: Record<string, string>;
}

export interface TestService<A extends Service> {
  app: A;
  /** The test database (already migrated by the app's start). */
  databaseUrl: string;
  events: EventsConfig;
  /** `127.0.0.1:<grpc port>`, for clients and health checks. */
  grpcAddress: string;
  /** `http://127.0.0.1:<ops port>`. */
  opsUrl: string;
  /** Stops the app, deletes the stream and drops the database. */
  stop(): Promise<void>;
}

/**
 * The whole app on a database and a stream of its own, gRPC and ops on free ports, logging
 * nothing. Stop it in afterAll; a failed start cleans up before it throws.
 */
export async function startTestService<A extends Service>(options: TestServiceOptions<A>): Promise<TestService<A>> {
  const db = await createTestDatabase(options.name);
  const events = createTestEventsConfig();
  const cleanUp = async () => {
    await deleteTestStream(events);
    await db.drop();
  };
  const env = {
    DATABASE_URL: db.url,
    GRPC_PORT: '0',
    OPS_PORT: '0',
    NATS_URL: events.natsUrl,
    EVENTS_STREAM: events.stream,
    EVENTS_SUBJECT_PREFIX: events.subjectPrefix,
    LOG_LEVEL: 'silent',
    OTEL_SDK_DISABLED: 'true',
    ...options.env,
  };
  let app: A;
  try {
    app = await options.createApp(env, createLogger({ name: `${options.name}-test`, level: 'silent' }));
    await app.start();
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    app,
    databaseUrl: db.url,
    events,
    grpcAddress: `127.0.0.1:${app.grpcPort}`,
    opsUrl: `http://127.0.0.1:${app.opsPort}`,
    async stop() {
      await app.stop();
      await cleanUp();
    },
  };
}
