import type { BoundClient } from '@scai/grpc';
import type { Outbox } from '@scai/events';
import type { auth, partners } from '@scai/proto';
import type { PrismaClient } from '../generated/prisma/client.ts';

/** What the registration use cases need from the outside world. */
export interface RegistrationDeps {
  prisma: PrismaClient;
  outbox: Outbox;
  applications: BoundClient<auth.v1.ApplicationsServiceClient>;
  tenants: BoundClient<partners.v1.TenantsServiceClient>;
  partners: BoundClient<partners.v1.PartnersServiceClient>;
  settings: {
    requireSecondAdmin: boolean;
    ttlDays: number;
    /** Deadline of outgoing gRPC calls; the approve transaction outlives it. */
    grpcDeadlineMs: number;
  };
  /** Status-token pepper and the key that seals a PUBLIC request's secret until it is read. */
  secrets: { statusTokenPepper: string; credentialsKey: Buffer };
  /** Called after a transaction that wrote events committed (nudges the relay). */
  eventsWritten?: () => void;
}
