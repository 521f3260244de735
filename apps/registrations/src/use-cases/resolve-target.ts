import { AppError, notFound, validationFailed } from '@scai/api';
import { SYSTEM_CALLER, type Caller } from '@scai/permissions';
import { assertMayCreate, type CreateTarget } from '../domain/create-rights.ts';
import type { RegistrationDraft } from '../domain/registration-draft.ts';
import type { RegistrationDeps } from './deps.ts';

function isNotFound(error: unknown): boolean {
  return error instanceof AppError && error.code === 'not_found';
}

/**
 * Where a new request would live, with the tenant's partner looked up; an unknown tenant
 * or partner answers 404. Lookups run as the platform (SYSTEM_CALLER): a tenant admin
 * holds no `admin:tenants` to read its own tenant from the partners service, and an
 * anonymous requester holds nothing at all; reach is decided on the resolved ids.
 */
export async function lookupTarget(deps: RegistrationDeps, draft: RegistrationDraft): Promise<CreateTarget> {
  const outgoing = { caller: SYSTEM_CALLER, deadlineMs: deps.settings.grpcDeadlineMs };
  if (draft.scope === 'GLOBAL') return { scope: draft.scope, tenantId: null, partnerId: null };
  if (draft.scope === 'PARTNER') {
    await deps.partners.getPartner({ id: draft.partnerId ?? '' }, outgoing).catch((error: unknown) => {
      throw isNotFound(error) ? notFound('Partner') : error;
    });
    return { scope: draft.scope, tenantId: null, partnerId: draft.partnerId };
  }
  const tenantId = draft.tenantId ?? '';
  const response = await deps.tenants.getTenant({ id: tenantId }, outgoing).catch((error: unknown) => {
    throw isNotFound(error) ? notFound('Tenant') : error;
  });
  return { scope: draft.scope, tenantId, partnerId: response.tenant?.partnerId || null };
}

/** A TENANT request that names a partner must name the tenant's. */
export function assertTenantPartner(draft: RegistrationDraft, target: CreateTarget): void {
  if (draft.scope === 'TENANT' && draft.partnerId && draft.partnerId !== target.partnerId) {
    throw validationFailed([{ loc: ['body', 'partner_id'], msg: "partner_id must be the tenant's partner", type: 'value_error' }]);
  }
}

/**
 * Where an admin's new request lives, checked against the caller's reach: GLOBAL and
 * PARTNER before the lookup, TENANT after it (its partner decides); unknown and
 * unreachable ids both answer 404.
 */
export async function resolveCreateTarget(deps: RegistrationDeps, caller: Caller, draft: RegistrationDraft): Promise<CreateTarget> {
  if (draft.scope !== 'TENANT') assertMayCreate(caller, { scope: draft.scope, tenantId: null, partnerId: draft.partnerId });
  const target = await lookupTarget(deps, draft);
  if (draft.scope === 'TENANT') assertMayCreate(caller, target);
  assertTenantPartner(draft, target);
  return target;
}
