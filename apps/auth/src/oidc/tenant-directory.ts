import { AppError } from '@scai/api';
import { bindClient, createChannelClient } from '@scai/grpc';
import { SYSTEM_CALLER } from '@scai/permissions';
import { partners } from '@scai/proto';
import type { IssuerTenant } from './issuer.ts';

/** Finds the tenant behind a tenant issuer; null when there is none or it cannot sign anyone in (suspended). */
export interface TenantDirectory {
  bySlug(slug: string): Promise<IssuerTenant | null>;
  close(): void;
}

/** How long a lookup (found or not) is reused: a suspension reaches the issuer within this time. */
const CACHE_MS = 30_000;
const MAX_ENTRIES = 10_000;

/** The active tenant of a proto tenant, or null (suspended or not active). */
export function issuerTenantOf(tenant: partners.v1.Tenant | undefined): IssuerTenant | null {
  if (!tenant || tenant.status !== partners.v1.TenantStatus.ACTIVE) return null;
  return { id: tenant.id, partnerId: tenant.partnerId, slug: tenant.slug, displayName: tenant.branding?.displayName || tenant.name };
}

/** Wraps a lookup with a short cache of answers (absent tenants included). */
export function cachedDirectory(lookup: (slug: string) => Promise<IssuerTenant | null>, close: () => void = () => undefined): TenantDirectory {
  const cache = new Map<string, { value: IssuerTenant | null; at: number }>();
  return {
    async bySlug(slug) {
      const hit = cache.get(slug);
      if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
      const value = await lookup(slug);
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(slug, { value, at: Date.now() });
      return value;
    },
    close,
  };
}

/** Tenants from the partners app (`TenantsService.GetTenantBySlug`, an internal call made as the system). */
export function grpcTenantDirectory(partnersGrpcUrl: string): TenantDirectory {
  const channel = createChannelClient(partners.v1.TenantsServiceClient, partnersGrpcUrl);
  const tenants = bindClient(channel);
  return cachedDirectory(
    async (slug) => {
      try {
        const { tenant } = await tenants.getTenantBySlug({ slug }, { caller: SYSTEM_CALLER });
        return issuerTenantOf(tenant);
      } catch (error) {
        if (error instanceof AppError && error.code === 'not_found') return null;
        throw error;
      }
    },
    () => channel.close(),
  );
}
