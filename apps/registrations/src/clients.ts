import { bindClient, createChannelClient, type BoundClient } from '@scai/grpc';
import { auth, partners } from '@scai/proto';

/** The services this app calls. */
export interface UpstreamClients {
  applications: BoundClient<auth.v1.ApplicationsServiceClient>;
  tenants: BoundClient<partners.v1.TenantsServiceClient>;
  partners: BoundClient<partners.v1.PartnersServiceClient>;
  close(): void;
}

export function createUpstreamClients(addresses: { auth: string; partners: string }): UpstreamClients {
  const applications = createChannelClient(auth.v1.ApplicationsServiceClient, addresses.auth);
  const tenants = createChannelClient(partners.v1.TenantsServiceClient, addresses.partners);
  const partnersClient = createChannelClient(partners.v1.PartnersServiceClient, addresses.partners);
  return {
    applications: bindClient(applications),
    tenants: bindClient(tenants),
    partners: bindClient(partnersClient),
    close() {
      applications.close();
      tenants.close();
      partnersClient.close();
    },
  };
}
