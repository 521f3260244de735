import { AppError, notFound } from '@scai/api';
import { bindClient, createChannelClient } from '@scai/grpc';
import { SYSTEM_CALLER } from '@scai/permissions';
import { partners } from '@scai/proto';

/** What billing needs to know about a tenant, owned by the partners app. */
export interface TenantFacts {
  id: string;
  partnerId: string;
  active: boolean;
}

export interface TenantDirectory {
  /** The tenant, or 404 when it does not exist (or was deleted). */
  tenant(id: string): Promise<TenantFacts>;
  close(): void;
}

/** Over gRPC (`TenantsService.GetTenant`, as the platform), not cached: a move or deletion counts at once. */
export function grpcTenantDirectory(partnersGrpcUrl: string): TenantDirectory {
  const channel = createChannelClient(partners.v1.TenantsServiceClient, partnersGrpcUrl);
  const tenants = bindClient(channel);
  const system = { caller: SYSTEM_CALLER, deadlineMs: 5000 };
  return {
    async tenant(id) {
      try {
        const { tenant } = await tenants.getTenant({ id }, system);
        if (!tenant) throw notFound('Tenant');
        return { id: tenant.id, partnerId: tenant.partnerId, active: tenant.status === partners.v1.TenantStatus.ACTIVE };
      } catch (error) {
        if (error instanceof AppError && (error.code === 'not_found' || error.code === 'bad_request' || error.code === 'validation_error')) throw notFound('Tenant');
        throw error;
      }
    },
    close: () => channel.close(),
  };
}

/** A fixed directory for tests. */
export function fixedTenantDirectory(tenants: TenantFacts[]): TenantDirectory {
  return {
    async tenant(id) {
      const found = tenants.find((tenant) => tenant.id === id);
      if (!found) throw notFound('Tenant');
      return found;
    },
    close: () => undefined,
  };
}
