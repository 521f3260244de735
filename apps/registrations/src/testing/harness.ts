import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import type { EventsConfig } from '@scai/events';
import { registrations } from '@scai/proto';
import type { Service } from '@scai/service';
import { startTestService } from '@scai/service/testing';
import { createApp } from '../app.ts';
import { loadRegistrationsConfig } from '../config.ts';
import type { Notice } from '../domain/decision-notice.ts';
import type { Notifier } from '../events/notifier.ts';
import { createPrisma, type PrismaClient } from '../store/prisma.ts';
import { startFakeUpstreams, type FakeUpstreams } from './fake-upstreams.ts';

export interface Harness {
  app: Service;
  client: BoundClient<registrations.v1.RegistrationsServiceClient>;
  fakes: FakeUpstreams;
  /** A client of the test database, for arranging and inspecting rows. */
  prisma: PrismaClient;
  notices: Notice[];
  events: EventsConfig;
  databaseUrl: string;
  stop(): Promise<void>;
}

/**
 * The whole app on free ports against its own database and stream, with fake auth and
 * partners servers and a notifier that records what it would send.
 */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const fakes = await startFakeUpstreams();
  const notices: Notice[] = [];
  const notifier: Notifier = { send: async (notice) => void notices.push(notice) };
  const service = await startTestService({
    name: 'registrations',
    env: { AUTH_GRPC_URL: fakes.authAddress, PARTNERS_GRPC_URL: fakes.partnersAddress, ...env },
    createApp: (testEnv, logger) => createApp(loadRegistrationsConfig(testEnv), { notifier, logger }),
  }).catch(async (error: unknown) => {
    await fakes.stop();
    throw error;
  });
  const raw = createChannelClient(registrations.v1.RegistrationsServiceClient, service.grpcAddress);
  const prisma = createPrisma(service.databaseUrl);
  return {
    app: service.app,
    client: bindClient(raw),
    fakes,
    prisma,
    notices,
    events: service.events,
    databaseUrl: service.databaseUrl,
    async stop() {
      raw.close();
      await prisma.$disconnect();
      await service.stop();
      await fakes.stop();
    },
  };
}
