import { assertMigrationsCoverSchema } from '@scai/db/testing';
import { checkHealth } from '@scai/grpc';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Service } from './create-service.ts';
import { startTestService, type TestService, type TestServiceOptions } from './test-service.ts';

export interface ServiceAppCheck<A extends Service> extends TestServiceOptions<A> {
  /** The app's folder (holds `prisma/`). */
  appDir: string;
  /** Every table the migrations create in `public`, `_prisma_migrations` included. */
  tables: string[];
  /** Full names of the gRPC services the app adds, checked SERVING besides `""` and `name`. */
  grpcServices?: string[];
}

async function publicTables(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
    );
    return rows.map((row) => row.table_name).sort();
  } finally {
    await client.end();
  }
}

/**
 * The wiring every service app shares, as one suite: started on free ports against a fresh
 * database and stream, it answers gRPC health, `/healthz`, `/readyz` and `/metrics`, and
 * its migrations ran on start and cover its schema.
 */
export function describeServiceApp<A extends Service>(check: ServiceAppCheck<A>): void {
  describe(`${check.name} app`, () => {
    let service: TestService<A>;
    beforeAll(async () => {
      service = await startTestService(check);
    });
    afterAll(async () => {
      await service?.stop();
    });

    it('answers the standard gRPC health check with SERVING', async () => {
      for (const name of ['', check.name, ...(check.grpcServices ?? [])]) {
        expect(await checkHealth(service.grpcAddress, name), `health of "${name}"`).toBe(true);
      }
    });

    it('is live and ready (database and NATS reachable) and exposes metrics', async () => {
      expect((await fetch(`${service.opsUrl}/healthz`)).status).toBe(200);
      const ready = await fetch(`${service.opsUrl}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({ status: 'ready' });
      const metrics = await fetch(`${service.opsUrl}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain(`service="${check.name}"`);
    });

    it('migrated its database on start', async () => {
      expect(await publicTables(service.databaseUrl)).toEqual([...check.tables].sort());
    });

    it('every schema change has a migration', async () => {
      await assertMigrationsCoverSchema(check.appDir);
    });
  });
}
