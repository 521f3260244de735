import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { checkHealth } from '@scai/grpc';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSampleApp, type SampleApp } from './test-support/sample-service.ts';
import { startTestService, type TestService } from './test-service.ts';

async function tableNames(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
    return rows.map((row) => row.table_name).sort();
  } finally {
    await client.end();
  }
}

describe('createService', () => {
  describe('started and stopped', () => {
    const seen: string[] = [];
    let service: TestService<SampleApp>;
    let stopped = false;

    beforeAll(async () => {
      service = await startTestService({
        name: 'sample',
        createApp: (env, logger) =>
          createSampleApp(env, logger, async ({ events }) => ({
            jobs: [
              {
                // Runs during stop: what is still up at this point shows the order.
                async stop() {
                  seen.push(`grpc serving: ${await checkHealth(service.grpcAddress)}`);
                  seen.push(`healthz: ${(await fetch(`${service.opsUrl}/healthz`)).status}`);
                  seen.push(`readyz: ${(await fetch(`${service.opsUrl}/readyz`)).status}`);
                  seen.push(`nats open: ${!events.connection.isClosed()}`);
                  seen.push(`db connected: ${!service.app.context?.db.disconnected}`);
                },
              },
            ],
            clients: [{ close: () => void seen.push('client closed') }],
          })),
      });
    });
    afterAll(async () => {
      if (!stopped) await service?.stop();
    });

    it('migrates on start and serves health and readiness', async () => {
      expect(await tableNames(service.databaseUrl)).toEqual(['_prisma_migrations', 'samples']);
      expect(await checkHealth(service.grpcAddress, 'sample')).toBe(true);
      expect((await fetch(`${service.opsUrl}/readyz`)).status).toBe(200);
    });

    it('hands register the database, events, relay and gRPC server', () => {
      const context = service.app.context;
      expect(context?.name).toBe('sample');
      expect(context?.events.config.stream).toBe(service.events.stream);
      expect(typeof context?.relay.nudge).toBe('function');
      expect(context?.server.server).toBeDefined();
    });

    it('stops gRPC first, then jobs and clients, then NATS and the database, the ops server last', async () => {
      const { app } = service;
      const context = app.context;
      const { opsUrl, grpcAddress } = service;
      stopped = true;
      await service.stop();
      expect(seen).toEqual([
        'grpc serving: false',
        'healthz: 200',
        'readyz: 503',
        'nats open: true',
        'db connected: true',
        'client closed',
      ]);
      expect(context?.events.connection.isClosed()).toBe(true);
      expect(context?.db.disconnected).toBe(true);
      expect(await checkHealth(grpcAddress)).toBe(false);
      await expect(fetch(`${opsUrl}/healthz`)).rejects.toThrow();
      expect(app.grpcPort).toBe(0);
      await app.stop();
    });
  });

  it('leaves the database alone when MIGRATE_ON_START is off', async () => {
    const service = await startTestService({ name: 'sample', env: { MIGRATE_ON_START: 'false' }, createApp: createSampleApp });
    try {
      expect(await tableNames(service.databaseUrl)).toEqual([]);
      expect((await fetch(`${service.opsUrl}/readyz`)).status).toBe(200);
    } finally {
      await service.stop();
    }
  });

  describe('a start that fails', () => {
    let taken: Server;
    beforeAll(async () => {
      taken = createServer();
      await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      await new Promise((resolve) => taken.close(resolve));
    });

    it('releases what it had taken (database, NATS) and rejects', async () => {
      let app: SampleApp | undefined;
      const port = String((taken.address() as AddressInfo).port);
      const started = startTestService({
        name: 'sample',
        env: { GRPC_PORT: port },
        createApp: async (env, logger) => (app = await createSampleApp(env, logger)),
      });
      await expect(started).rejects.toThrow();
      expect(app?.context?.db.disconnected).toBe(true);
      expect(app?.context?.events.connection.isClosed()).toBe(true);
    });
  });
});
