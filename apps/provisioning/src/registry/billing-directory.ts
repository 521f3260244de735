import { AppError } from '@scai/api';
import { bindClient, createChannelClient } from '@scai/grpc';
import { SYSTEM_CALLER } from '@scai/permissions';
import { billing } from '@scai/proto';

/** What the registry asks the billing app: whether a slug is a catalog service, and whether anyone still pays for it. */
export interface BillingDirectory {
  isCatalogService(slug: string): Promise<boolean>;
  liveSubscriptions(slug: string): Promise<number>;
  close(): void;
}

/** Over gRPC, as the platform; not cached: registrations and deregistrations are rare and must see the present. */
export function grpcBillingDirectory(billingGrpcUrl: string): BillingDirectory {
  const catalogChannel = createChannelClient(billing.v1.CatalogServiceClient, billingGrpcUrl);
  const subscriptionsChannel = createChannelClient(billing.v1.SubscriptionsServiceClient, billingGrpcUrl);
  const catalog = bindClient(catalogChannel);
  const subscriptions = bindClient(subscriptionsChannel);
  const system = { caller: SYSTEM_CALLER, deadlineMs: 5000 };
  return {
    async isCatalogService(slug) {
      try {
        const { service } = await catalog.getService({ slug }, system);
        return service !== undefined;
      } catch (error) {
        if (error instanceof AppError && (error.code === 'not_found' || error.code === 'validation_error' || error.code === 'bad_request')) return false;
        throw error;
      }
    },
    async liveSubscriptions(slug) {
      return (await subscriptions.countLiveSubscriptions({ serviceSlug: slug }, system)).count;
    },
    close() {
      catalogChannel.close();
      subscriptionsChannel.close();
    },
  };
}

/** A fixed directory for tests: these slugs are in the catalog, with these live subscription counts. */
export function fixedBillingDirectory(catalog: Record<string, number>): BillingDirectory {
  return {
    isCatalogService: async (slug) => slug in catalog,
    liveSubscriptions: async (slug) => catalog[slug] ?? 0,
    close: () => undefined,
  };
}
