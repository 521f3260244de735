import type { JsonSchema, OpenApiDocument } from '../fuzz/openapi-operations.ts';

/** What a route touches, as the gateway declares it (`config.reach`, published as `x-scai-reach`). */
export type DeclaredReach =
  | 'none'
  | 'self'
  | 'own_tenant'
  | 'platform'
  | { collection: string; ownerIn?: 'body' }
  | { resource: string; param: string };

export interface MatrixRoute {
  operationId: string;
  method: string;
  /** The document's path, e.g. `/api/v1/admin/partners/{partner_id}`. */
  path: string;
  reach: DeclaredReach | undefined;
  isPublic: boolean;
  body?: JsonSchema;
}

/** Every operation of the document with its declaration: the matrix is generated from this, not hand-listed. */
export function matrixRoutes(document: OpenApiDocument): MatrixRoute[] {
  const routes: MatrixRoute[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const declared = operation as typeof operation & { 'x-scai-reach'?: DeclaredReach };
      routes.push({
        operationId: operation.operationId ?? `${method} ${path}`,
        method: method.toUpperCase(),
        path,
        reach: declared['x-scai-reach'],
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  return routes;
}

export const isRead = (route: MatrixRoute) => route.method === 'GET';

export function urlFor(route: MatrixRoute, id: string): string {
  return route.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(id));
}
