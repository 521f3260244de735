import type { FuzzOperation } from './openapi-operations.ts';
import type { FuzzRequest } from './request-cases.ts';
import { send } from './send.ts';

/** Collections whose size a refused write must not change. */
const COLLECTIONS = [
  '/api/v1/admin/partners/?per_page=1',
  '/api/v1/admin/tenants?page_size=1',
  '/api/v1/admin/users?page_size=1',
  '/api/v1/admin/applications?page_size=1',
  '/api/v1/admin/registration-requests/?per_page=1',
  '/api/v1/admin/groups',
];

/** `/things/{id}` for writes on it or on one of its actions (`/things/{id}/approve`). */
function resourcePath(op: FuzzOperation, request: FuzzRequest): string | undefined {
  if (op.pathParams.length === 0) return undefined;
  const path = request.url.split('?')[0];
  const templateEndsInParam = op.path.endsWith('}');
  return templateEndsInParam ? path : path.slice(0, path.lastIndexOf('/'));
}

/** An answer without what differs on every read (`meta`, request ids). */
export function withoutMeta(text: string): string {
  try {
    const { meta: _meta, ...rest } = JSON.parse(text) as Record<string, unknown>;
    const error = rest.error as Record<string, unknown> | undefined;
    if (error) delete error.request_id;
    return JSON.stringify(rest);
  } catch {
    return text;
  }
}

/**
 * What a refused write would have changed, read as the super admin: each collection's
 * total and the written resource itself (request ids left out).
 */
export async function stateFingerprint(baseUrl: string, op: FuzzOperation, request: FuzzRequest, adminToken: (renew: boolean) => Promise<string>): Promise<string> {
  const headers = { authorization: `Bearer ${await adminToken(false)}` };
  const resource = resourcePath(op, request);
  const paths = resource ? [...COLLECTIONS, resource] : COLLECTIONS;
  const answers = await Promise.all(paths.map((path) => send(baseUrl, { method: 'GET', path, headers })));
  return JSON.stringify(answers.map((answer, i) => {
    if (i < COLLECTIONS.length) {
      const body = JSON.parse(answer.text || 'null') as { pagination?: { total?: number }; data?: unknown[] } | null;
      return body?.pagination?.total ?? body?.data?.length ?? answer.status;
    }
    return `${answer.status} ${withoutMeta(answer.text)}`;
  }));
}
