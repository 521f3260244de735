import { Type } from '@fastify/type-provider-typebox';
import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ADMIN_ROLES, ROLE_SCOPES, ROLES } from '@scai/permissions';
import { AuthorizationHeader, Meta, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { RoleInfo } from './group-schemas.ts';
import { GROUPS_TAG } from './tag.ts';

/** The catalog is the permission library's one roles → scopes table; `service` belongs to applications, not people. */
const CATALOG = ROLES.filter((role) => role !== 'service').map((role) => ({ role, admin: ADMIN_ROLES.includes(role), scopes: [...ROLE_SCOPES[role]] }));

export const listRoles: RouteModule = (app) => {
  app.get(
    '/api/v1/admin/roles',
    {
      schema: {
        tags: [GROUPS_TAG],
        summary: 'List Roles',
        description: 'The role catalog: every role a person or group can hold, with the scopes it gives.',
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(RoleInfo)), meta: Meta }), ...errorResponses },
      },
      config: { auth: { scope: 'admin:groups' }, reach: 'none' },
    },
    async (request) => dataBody(CATALOG, requestIdOf(request)),
  );
};
