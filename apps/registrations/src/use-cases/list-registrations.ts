import { pageRequest, pageWindow, validationFailed, type PageRequest, type ValidationIssue } from '@scai/api';
import { reachOf, type Caller } from '@scai/permissions';
import { requireAdmin } from '../domain/admin-access.ts';
import { isRequestScope, isRequestStatus, REQUEST_SCOPES, REQUEST_STATUSES } from '../domain/registration-values.ts';
import { visibilityFilter } from '../domain/visibility.ts';
import type { RegistrationRequest } from '../generated/prisma/client.ts';
import { listVisibleRequests } from '../store/request-store.ts';
import type { RegistrationDeps } from './deps.ts';

export interface ListInput {
  page?: number;
  pageSize?: number;
  status?: string;
  scope?: string;
}

function filters(input: ListInput) {
  const status = input.status?.trim().toUpperCase() || undefined;
  const scope = input.scope?.trim().toUpperCase() || undefined;
  const issues: ValidationIssue[] = [];
  if (status && !isRequestStatus(status)) {
    issues.push({ loc: ['query', 'status'], msg: `status must be one of ${REQUEST_STATUSES.join(', ')}`, type: 'enum' });
  }
  if (scope && !isRequestScope(scope)) {
    issues.push({ loc: ['query', 'scope'], msg: `scope must be one of ${REQUEST_SCOPES.join(', ')}`, type: 'enum' });
  }
  if (issues.length > 0) throw validationFailed(issues);
  return {
    status: status && isRequestStatus(status) ? status : undefined,
    scope: scope && isRequestScope(scope) ? scope : undefined,
  };
}

/** One page of the requests the caller may see (seed 002's visibility per admin level). */
export async function listRegistrations(
  deps: RegistrationDeps,
  caller: Caller,
  input: ListInput,
): Promise<{ rows: RegistrationRequest[]; total: number; page: PageRequest }> {
  requireAdmin(caller, 'read');
  const page = pageRequest(input.page, input.pageSize);
  const filter = visibilityFilter(reachOf(caller));
  if (!filter) return { rows: [], total: 0, page };
  const { rows, total } = await listVisibleRequests(deps.prisma, filter, { ...filters(input), ...pageWindow(page) });
  return { rows, total, page };
}
