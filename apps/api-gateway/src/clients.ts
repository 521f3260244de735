import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { auth, billing, partners, provisioning, registrations, testing } from '@scai/proto';
import type { GatewayConfig } from './config.ts';

/**
 * One bound gRPC client per service the gateway calls. Each endpoint group adds its
 * service here (a property and a line in `createServiceClients`).
 */
export interface ServiceClients {
  registrations: BoundClient<registrations.v1.RegistrationsServiceClient>;
  partners: BoundClient<partners.v1.PartnersServiceClient>;
  tenants: BoundClient<partners.v1.TenantsServiceClient>;
  adminAuth: BoundClient<auth.v1.AdminAuthServiceClient>;
  mfa: BoundClient<auth.v1.MfaServiceClient>;
  applications: BoundClient<auth.v1.ApplicationsServiceClient>;
  authentication: BoundClient<auth.v1.AuthenticationServiceClient>;
  users: BoundClient<auth.v1.UsersServiceClient>;
  groups: BoundClient<auth.v1.GroupsServiceClient>;
  catalog: BoundClient<billing.v1.CatalogServiceClient>;
  servicePacks: BoundClient<billing.v1.ServicePacksServiceClient>;
  billingProfiles: BoundClient<billing.v1.BillingProfilesServiceClient>;
  subscriptions: BoundClient<billing.v1.SubscriptionsServiceClient>;
  packSubscriptions: BoundClient<billing.v1.PackSubscriptionsServiceClient>;
  registry: BoundClient<provisioning.v1.RegistryServiceClient>;
  /** Served, only with TEST_CLOCK_CONTROL on, by every app whose jobs read a clock (billing, provisioning). */
  testClocks: BoundClient<testing.v1.TestClockServiceClient>[];
  close(): void;
}

export function createServiceClients(config: GatewayConfig): ServiceClients {
  const closers: Array<() => void> = [];
  const registrationsClient = createChannelClient(registrations.v1.RegistrationsServiceClient, config.REGISTRATIONS_GRPC_URL);
  closers.push(() => registrationsClient.close());
  const partnersClient = createChannelClient(partners.v1.PartnersServiceClient, config.PARTNERS_GRPC_URL);
  const tenantsClient = createChannelClient(partners.v1.TenantsServiceClient, config.PARTNERS_GRPC_URL);
  closers.push(() => partnersClient.close(), () => tenantsClient.close());
  const adminAuthClient = createChannelClient(auth.v1.AdminAuthServiceClient, config.AUTH_GRPC_URL);
  const applicationsClient = createChannelClient(auth.v1.ApplicationsServiceClient, config.AUTH_GRPC_URL);
  const usersClient = createChannelClient(auth.v1.UsersServiceClient, config.AUTH_GRPC_URL);
  const groupsClient = createChannelClient(auth.v1.GroupsServiceClient, config.AUTH_GRPC_URL);
  closers.push(() => groupsClient.close());
  const mfaClient = createChannelClient(auth.v1.MfaServiceClient, config.AUTH_GRPC_URL);
  closers.push(() => mfaClient.close());
  const authenticationClient = createChannelClient(auth.v1.AuthenticationServiceClient, config.AUTH_GRPC_URL);
  closers.push(() => adminAuthClient.close(), () => applicationsClient.close(), () => usersClient.close(), () => authenticationClient.close());
  const catalogClient = createChannelClient(billing.v1.CatalogServiceClient, config.BILLING_GRPC_URL);
  const servicePacksClient = createChannelClient(billing.v1.ServicePacksServiceClient, config.BILLING_GRPC_URL);
  const billingProfilesClient = createChannelClient(billing.v1.BillingProfilesServiceClient, config.BILLING_GRPC_URL);
  const subscriptionsClient = createChannelClient(billing.v1.SubscriptionsServiceClient, config.BILLING_GRPC_URL);
  const packSubscriptionsClient = createChannelClient(billing.v1.PackSubscriptionsServiceClient, config.BILLING_GRPC_URL);
  closers.push(() => packSubscriptionsClient.close());
  closers.push(() => catalogClient.close(), () => servicePacksClient.close(), () => billingProfilesClient.close(), () => subscriptionsClient.close());
  const registryClient = createChannelClient(provisioning.v1.RegistryServiceClient, config.PROVISIONING_GRPC_URL);
  closers.push(() => registryClient.close());
  const testClockClients = [config.BILLING_GRPC_URL, config.PROVISIONING_GRPC_URL].map((url) => createChannelClient(testing.v1.TestClockServiceClient, url));
  closers.push(...testClockClients.map((client) => () => client.close()));
  return {
    catalog: bindClient(catalogClient),
    servicePacks: bindClient(servicePacksClient),
    billingProfiles: bindClient(billingProfilesClient),
    subscriptions: bindClient(subscriptionsClient),
    packSubscriptions: bindClient(packSubscriptionsClient),
    registry: bindClient(registryClient),
    testClocks: testClockClients.map((client) => bindClient(client)),
    adminAuth: bindClient(adminAuthClient),
    mfa: bindClient(mfaClient),
    applications: bindClient(applicationsClient),
    authentication: bindClient(authenticationClient),
    users: bindClient(usersClient),
    groups: bindClient(groupsClient),
    registrations: bindClient(registrationsClient),
    partners: bindClient(partnersClient),
    tenants: bindClient(tenantsClient),
    close: () => closers.forEach((close) => close()),
  };
}
