import type { Consumer, EventBus, Relay, SqlClient, TransactionalDb } from '@scai/events';
import type { GrpcServer } from '@scai/grpc';
import type { Logger, Metrics } from '@scai/telemetry';

/** The slice of an app's Prisma client a service needs; a generated client fits as it is. */
export interface ServiceDb extends TransactionalDb<SqlClient> {
  $disconnect(): Promise<void>;
}

/** What `register` gets: everything started so far, before the gRPC server listens. */
export interface ServiceContext<C, Db extends ServiceDb> {
  name: string;
  config: C;
  db: Db;
  events: EventBus;
  /** The outbox relay already running; `relay.nudge()` after a commit publishes at once. */
  relay: Relay;
  /** Add the app's gRPC services here; health names follow automatically. */
  server: GrpcServer;
  logger: Logger;
  metrics: Metrics;
}

/** Background work that finishes what it has in hand when stopped (timers, pollers). */
export interface Job {
  stop(): Promise<void>;
}

/** An outgoing connection, e.g. the gRPC clients of the services this one calls. */
export interface Client {
  close(): void;
}

/** What an app started in `register`, so the service stops it in the right place. */
export interface ServiceParts {
  consumers?: Consumer[];
  jobs?: Job[];
  clients?: Client[];
}
