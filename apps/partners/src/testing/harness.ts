import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import type { EventsConfig } from '@scai/events';
import type { Caller } from '@scai/permissions';
import { partners } from '@scai/proto';
import type { Service } from '@scai/service';
import { startTestService } from '@scai/service/testing';
import { createApp } from '../app.ts';
import { loadPartnersConfig } from '../config.ts';
import { createPrisma, type Db } from '../store/prisma.ts';

export interface Harness {
  app: Service;
  partners: BoundClient<partners.v1.PartnersServiceClient>;
  tenants: BoundClient<partners.v1.TenantsServiceClient>;
  /** Direct database access, to look behind the service (outbox rows, soft-deleted rows). */
  prisma: Db;
  events: EventsConfig;
  /** `{ caller }` for a call. */
  as(caller: Caller): { caller: Caller };
  close(): Promise<void>;
}

/**
 * The whole app on a database and a stream of its own, gRPC and ops on free ports, with
 * real clients. Close it in afterAll: it drops the database and deletes the stream.
 */
export async function startHarness(): Promise<Harness> {
  const service = await startTestService({
    name: 'partners',
    createApp: (env, logger) => createApp(loadPartnersConfig(env), { logger }),
  });
  const partnersClient = createChannelClient(partners.v1.PartnersServiceClient, service.grpcAddress);
  const tenantsClient = createChannelClient(partners.v1.TenantsServiceClient, service.grpcAddress);
  const prisma = createPrisma(service.databaseUrl);
  return {
    app: service.app,
    partners: bindClient(partnersClient),
    tenants: bindClient(tenantsClient),
    prisma,
    events: service.events,
    as: (caller) => ({ caller }),
    async close() {
      partnersClient.close();
      tenantsClient.close();
      await prisma.$disconnect();
      await service.stop();
    },
  };
}

let counter = 0;

/** A unique slug per call, so tests in one database never collide. */
export function uniqueSlug(base: string): string {
  counter += 1;
  return `${base}-${Date.now().toString(36)}-${counter}`;
}
