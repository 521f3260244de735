import { forbidden, unauthorized } from '@scai/api';
import { requirePermission, type Caller } from '@scai/permissions';

/**
 * The client id of the SERVICE application calling a service-side registry route. Only a
 * GLOBAL SERVICE application speaks for a platform service: a user (even a super admin,
 * who passes every scope) or a partner or tenant application has no service to bind.
 */
export function callingServiceClient(caller: Caller | null): string {
  if (!caller) throw unauthorized();
  requirePermission(caller, 'registry:manage', 'write');
  if (caller.kind !== 'service' || !caller.clientId) throw forbidden('Only a SERVICE application registers a service');
  if (caller.appScope !== 'GLOBAL') throw forbidden('Only a GLOBAL SERVICE application registers a platform service');
  return caller.clientId;
}
