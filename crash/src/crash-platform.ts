import pg from 'pg';
import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { startPlatform, type RunningPlatform } from '@scai/platform';
import { partners } from '@scai/proto';

export interface CrashPlatform {
  platform: RunningPlatform;
  /** The partners app's own database (tests count effects in it). */
  partnersDb: pg.Pool;
  /** Straight to the partners app over gRPC (set-up and the soft delete). */
  partnersGrpc: BoundClient<partners.v1.PartnersServiceClient>;
  tenantsGrpc: BoundClient<partners.v1.TenantsServiceClient>;
  eventsStream: string;
  eventsSubjectPrefix: string;
  natsUrl: string;
  close(): Promise<void>;
}

/**
 * A whole platform of its own (ports, databases, event stream), started as `npm start`
 * does, so the tests can kill and restart its processes without disturbing anyone.
 */
export async function startCrashPlatform(): Promise<CrashPlatform> {
  const suffix = Math.random().toString(36).slice(2, 8);
  const eventsStream = `CRASH_${suffix.toUpperCase()}`;
  const eventsSubjectPrefix = `crash_${suffix}`;
  const platform = await startPlatform({
    portOffset: Number(process.env.CRASH_PORT_OFFSET ?? 3000),
    databasePrefix: `crash_${suffix}_`,
    env: {
      EVENTS_STREAM: eventsStream,
      EVENTS_SUBJECT_PREFIX: eventsSubjectPrefix,
      SCAI_ADMIN_EMAIL: 'root@crash.test',
      SCAI_ADMIN_PASSWORD: 'crash-Root-Password-1',
      LOG_LEVEL: 'warn',
    },
    log: 'quiet',
    dropDatabasesOnStop: true,
    deleteStreamOnStop: true,
  });
  const env = platform.appEnv.partners;
  const partnersDb = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
  const address = `127.0.0.1:${env.GRPC_PORT}`;
  const rawPartners = createChannelClient(partners.v1.PartnersServiceClient, address);
  const rawTenants = createChannelClient(partners.v1.TenantsServiceClient, address);
  return {
    platform,
    partnersDb,
    partnersGrpc: bindClient(rawPartners),
    tenantsGrpc: bindClient(rawTenants),
    eventsStream,
    eventsSubjectPrefix,
    natsUrl: env.NATS_URL,
    async close() {
      rawPartners.close();
      rawTenants.close();
      await partnersDb.end();
      await platform.stop();
    },
  };
}

/** Polls `read` until `done` holds for its value; the last value otherwise fails the test by timeout. */
export async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, intervalMs = 50): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export function unique(prefix: string): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
}
