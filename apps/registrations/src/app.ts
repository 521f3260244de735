import { createService, type Service, type ServiceAppOptions } from '@scai/service';
import { APP_DIR } from './app-dir.ts';
import { createUpstreamClients } from './clients.ts';
import { resolveSecrets, type RegistrationsConfig } from './config.ts';
import { startExpiryJob } from './events/expiry-job.ts';
import { createLogNotifier, type Notifier } from './events/notifier.ts';
import { startRequesterNotifications } from './events/notify-requester.ts';
import { RegistrationsServiceDefinition, registrationsService } from './grpc/registrations-service.ts';
import { createPrisma } from './store/prisma.ts';

export interface AppOptions extends ServiceAppOptions {
  /** Where requesters' notices go; the default writes them to the log. */
  notifier?: Notifier;
}

/**
 * The registrations service: its database (migrated on start), the outbox relay, the
 * requester-notification consumers, the gRPC server (with health), the ops server and
 * the expiry job.
 */
export async function createApp(config: RegistrationsConfig, options: AppOptions = {}): Promise<Service> {
  return createService({
    name: 'registrations',
    config,
    appDir: APP_DIR,
    createPrisma,
    logger: options.logger,
    async register({ server, db: prisma, events, relay, logger }) {
      const secrets = resolveSecrets(config, (message) => logger.warn(message));
      const eventsWritten = () => relay.nudge();
      const consumers = await startRequesterNotifications(events, prisma, options.notifier ?? createLogNotifier(logger));
      const upstream = createUpstreamClients({ auth: config.AUTH_GRPC_URL, partners: config.PARTNERS_GRPC_URL });
      server.add(
        RegistrationsServiceDefinition,
        registrationsService({
          prisma,
          outbox: events,
          applications: upstream.applications,
          tenants: upstream.tenants,
          partners: upstream.partners,
          settings: {
            requireSecondAdmin: config.REGISTRATION_REQUIRE_SECOND_ADMIN,
            ttlDays: config.REGISTRATION_TTL_DAYS,
            grpcDeadlineMs: config.GRPC_DEADLINE_MS,
          },
          secrets,
          eventsWritten,
        }),
      );
      const expiry = startExpiryJob({ prisma, outbox: events, intervalMs: config.REGISTRATION_EXPIRY_INTERVAL_MS, logger, eventsWritten });
      return { consumers, jobs: [expiry], clients: [upstream] };
    },
  });
}
