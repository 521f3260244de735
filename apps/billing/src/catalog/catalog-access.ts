import { forbidden, unauthorized } from '@scai/api';
import { reachOf, requirePermission, type Caller, type Scope } from '@scai/permissions';

/** Who may read the catalog: anyone for public entries, `services:read` for the rest of the shop window. */
export function authorizeCatalogRead(caller: Caller | null, { publicRoute }: { publicRoute: boolean }): void {
  if (publicRoute) return;
  if (!caller) throw unauthorized();
  requirePermission(caller, 'services:read');
}

/** Inactive and non-public entries are the catalog's back office: admin:billing only. */
export function authorizeHidden(caller: Caller | null): void {
  if (!caller) throw unauthorized();
  requirePermission(caller, 'admin:billing');
}

/**
 * The catalog is the platform's, not a partner's: a write needs the scope (admin:registry
 * for services, admin:billing for plans and packs) and platform reach, so a partner admin
 * holding admin:billing for its own tenants cannot reprice everybody's plans.
 */
export function authorizeCatalogWrite(caller: Caller | null, scope: Extract<Scope, 'admin:billing' | 'admin:registry'>): void {
  if (!caller) throw unauthorized();
  requirePermission(caller, scope, 'write');
  if (reachOf(caller).level !== 'platform') throw forbidden('The catalog is managed by the platform');
}
