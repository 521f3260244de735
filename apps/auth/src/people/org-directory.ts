import { AppError } from '@scai/api';
import { bindClient, createChannelClient } from '@scai/grpc';
import { SYSTEM_CALLER } from '@scai/permissions';
import { partners } from '@scai/proto';
import type { PasswordPolicy } from '../domain/password-policy.ts';

/** What people management needs to know about a tenant (owned by the partners app). */
export interface TenantFacts {
  id: string;
  partnerId: string;
  active: boolean;
  passwordPolicy: PasswordPolicy | null;
}

/**
 * Partners and tenants as the partners app knows them, read as the system caller: the
 * tenant a user or group belongs to, its password policy, and its partner's
 * `max_users_per_tenant` (0: unlimited).
 */
export interface OrgDirectory {
  tenant(id: string): Promise<TenantFacts | null>;
  maxUsersPerTenant(partnerId: string): Promise<number>;
  close(): void;
}

function notFoundAsNull<T>(promise: Promise<T>): Promise<T | null> {
  return promise.catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') return null;
    throw error;
  });
}

export function tenantFactsOf(tenant: partners.v1.Tenant): TenantFacts {
  const policy = tenant.settings?.passwordPolicy;
  return {
    id: tenant.id,
    partnerId: tenant.partnerId,
    active: tenant.status === partners.v1.TenantStatus.ACTIVE,
    passwordPolicy: policy
      ? {
          minLength: policy.minLength,
          requireUppercase: policy.requireUppercase,
          requireLowercase: policy.requireLowercase,
          requireDigit: policy.requireDigit,
          requireSymbol: policy.requireSymbol,
        }
      : null,
  };
}

/** Over gRPC (`TenantsService.GetTenant`, `PartnersService.GetPartner`); not cached, so a policy change counts at once. */
export function grpcOrgDirectory(partnersGrpcUrl: string): OrgDirectory {
  const tenantsChannel = createChannelClient(partners.v1.TenantsServiceClient, partnersGrpcUrl);
  const partnersChannel = createChannelClient(partners.v1.PartnersServiceClient, partnersGrpcUrl);
  const tenants = bindClient(tenantsChannel);
  const partnerClient = bindClient(partnersChannel);
  const system = { caller: SYSTEM_CALLER, deadlineMs: 5000 };
  return {
    async tenant(id) {
      const answer = await notFoundAsNull(tenants.getTenant({ id }, system));
      return answer?.tenant ? tenantFactsOf(answer.tenant) : null;
    },
    async maxUsersPerTenant(partnerId) {
      const answer = await notFoundAsNull(partnerClient.getPartner({ id: partnerId }, system));
      return answer?.partner?.maxUsersPerTenant ?? 0;
    },
    close() {
      tenantsChannel.close();
      partnersChannel.close();
    },
  };
}

/** A fixed directory (tests, and the app when started without the partners app). */
export function fixedOrgDirectory(tenants: TenantFacts[], maxUsers: Record<string, number> = {}): OrgDirectory {
  return {
    tenant: async (id) => tenants.find((tenant) => tenant.id === id) ?? null,
    maxUsersPerTenant: async (partnerId) => maxUsers[partnerId] ?? 0,
    close: () => undefined,
  };
}
