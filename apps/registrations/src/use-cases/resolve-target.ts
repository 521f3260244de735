import { AppError, notFound, validationFailed } from '@scai/api';
import { SYSTEM_CALLER, type Caller } from '@scai/permissions';
import { assertMayCreate, type CreateTarget } from '../domain/create-rights.ts';
import type { RegistrationDraft } from '../domain/registration-draft.ts';
import type { RegistrationDeps } from './deps.ts';

function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.code === 'not_found';
}

/**
 * Where a new request lives, checked against the caller's reach. Lookups run as the
 * platform (SYSTEM_CALLER): a tenant admin holds no `admin:tenants` to read its own
 * tenant from the partners service, and reach is decided here, on the resolved ids,
 * with unknown and unreachable ids both answering 404.
 */
export async function resolveCreateTarget(deps: RegistrationDeps, caller: Caller, draft: RegistrationDraft): Promise<CreateTarget> {
  const outgoing = { caller: SYSTEM_CALLER, deadlineMs: deps.settings.grpcDeadlineMs };
  if (draft.scope === 'GLOBAL') {
    const target = { scope: draft.scope, tenantId: null, partnerId: null };
    assertMayCreate(caller, target);
    return target;
  }
  if (draft.scope === 'PARTNER') {
    const target = { scope: draft.scope, tenantId: null, partnerId: draft.partnerId };
    assertMayCreate(caller, target);
    await deps.partners.getPartner({ id: draft.partnerId ?? '' }, outgoing).catch((error: unknown) => {
      throw isNotFound(error) ? notFound('Partner') : error;
    });
    return target;
  }
  const tenantId = draft.tenantId ?? '';
  const response = await deps.tenants.getTenant({ id: tenantId }, outgoing).catch((error: unknown) => {
    throw isNotFound(error) ? notFound('Tenant') : error;
  });
  const partnerId = response.tenant?.partnerId || null;
  const target = { scope: draft.scope, tenantId, partnerId };
  assertMayCreate(caller, target);
  if (draft.partnerId && draft.partnerId !== partnerId) {
    throw validationFailed([{ loc: ['body', 'partner_id'], msg: "partner_id must be the tenant's partner", type: 'value_error' }]);
  }
  return target;
}
