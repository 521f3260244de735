import { AppError } from '@scai/api';
import { bindClient, createChannelClient } from '@scai/grpc';
import { SYSTEM_CALLER } from '@scai/permissions';
import { partners } from '@scai/proto';

/** Whether a tenant requires MFA of its users (`settings.mfa_required` in the partners app). */
export interface TenantMfaSettings {
  mfaRequired(tenantId: string): Promise<boolean>;
  close(): void;
}

/** A changed setting reaches sign-in within this time. */
const CACHE_MS = 30_000;
const MAX_ENTRIES = 10_000;

/** Wraps a lookup with a short cache of its answers. */
export function cachedTenantMfa(lookup: (tenantId: string) => Promise<boolean>, close: () => void = () => undefined): TenantMfaSettings {
  const cache = new Map<string, { value: boolean; at: number }>();
  return {
    async mfaRequired(tenantId) {
      const hit = cache.get(tenantId);
      if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
      const value = await lookup(tenantId);
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(tenantId, { value, at: Date.now() });
      return value;
    },
    close,
  };
}

/**
 * From the partners app (`TenantsService.GetTenant`, as the system). A tenant that no
 * longer exists requires nothing; any other failure propagates, so a sign-in is refused
 * rather than let through without a factor its tenant may require.
 */
export function grpcTenantMfa(partnersGrpcUrl: string): TenantMfaSettings {
  const channel = createChannelClient(partners.v1.TenantsServiceClient, partnersGrpcUrl);
  const tenants = bindClient(channel);
  return cachedTenantMfa(
    async (tenantId) => {
      try {
        const { tenant } = await tenants.getTenant({ id: tenantId }, { caller: SYSTEM_CALLER });
        return tenant?.settings?.mfaRequired === true;
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') return false;
        throw error;
      }
    },
    () => channel.close(),
  );
}

/** Tenants listed here require MFA (tests, and setups without a partners app). */
export function fixedTenantMfa(requiring: readonly string[] = []): TenantMfaSettings {
  return { mfaRequired: async (tenantId) => requiring.includes(tenantId), close: () => undefined };
}
