import swagger from '@fastify/swagger';
import apiReference from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
import type { RouteGroup } from './routes/types.ts';

export interface OpenApiOptions {
  publicUrl: string;
  groups: RouteGroup[];
  /**
   * `METHOD /path/{param}` → what the route declares: `auth` and `reach` (published as
   * `x-scai-auth` and `x-scai-reach`) and whether its body may be left out.
   */
  declarations: () => Map<string, Declaration>;
}

interface Declaration {
  auth: unknown;
  reach: unknown;
  bodyOptional: boolean;
}

type Operation = {
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  requestBody?: { required?: boolean };
  'x-scai-auth'?: unknown;
  'x-scai-reach'?: unknown;
};

/**
 * What the generator cannot say on its own: the optional `authorization` header the
 * published reference lists on every authenticated route (@fastify/swagger drops it in
 * favour of the security scheme), request bodies that may be omitted, and each route's
 * declared auth and reach (so the reach matrix, and a client, can read them from here).
 */
function completeOperations(document: Record<string, unknown>, declarations: Map<string, Declaration>): Record<string, unknown> {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (operation.security && !operation.parameters?.some((p) => p.in === 'header' && p.name === 'authorization')) {
        operation.parameters = [
          ...(operation.parameters ?? []),
          { name: 'authorization', in: 'header', required: false, schema: { anyOf: [{ type: 'string' }, { type: 'null' }] } } as never,
        ];
      }
      const declared = declarations.get(`${method.toUpperCase()} ${path}`);
      if (operation.requestBody && declared?.bodyOptional) operation.requestBody.required = false;
      if (declared) {
        operation['x-scai-auth'] = declared.auth;
        operation['x-scai-reach'] = declared.reach;
      }
    }
  }
  return document;
}

/**
 * The OpenAPI 3.1 document is built from the routes' own TypeBox schemas. Named schemas
 * keep their `$id` as their name in `components.schemas`, so the document says
 * `RegistrationRequestCreate` where the published reference does.
 */
export async function registerOpenApi(app: FastifyInstance, options: OpenApiOptions): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Scai Platform API',
        version: '1.0.0',
        description:
          'The one REST API of the platform control plane: identity (partners, tenants, users, OAuth applications) and commerce. ' +
          'Every non-2xx answer is `{ "error": { "code", "message", "details"?, "request_id" } }`; a 422 also carries `detail[]`.',
      },
      servers: [{ url: options.publicUrl }],
      tags: [
        { name: 'Untagged', description: 'The platform itself: its health and this document.' },
        // Several groups may share a tag (the catalog's and the registry's administration): listed once, described by the first.
        ...options.groups
          .filter((group, index, groups) => groups.findIndex((other) => other.tag === group.tag) === index)
          .map((group) => ({ name: group.tag, description: group.description })),
      ],
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
    transformObject: (document) =>
      'openapiObject' in document
        ? (completeOperations(document.openapiObject as Record<string, unknown>, options.declarations()) as typeof document.openapiObject)
        : document.swaggerObject,
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) => (typeof json.$id === 'string' ? json.$id : `def-${index}`),
    },
  });
}

/** The browsable reference page; it reads the same document. */
export async function registerReferencePage(app: FastifyInstance): Promise<void> {
  await app.register(apiReference, {
    routePrefix: '/api/v1/reference',
    configuration: { title: 'Scai Platform API', url: '/api/v1/openapi.json' },
  });
}
