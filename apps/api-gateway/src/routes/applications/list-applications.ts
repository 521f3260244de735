import { Type } from '@fastify/type-provider-typebox';
import { pagedBody, pageRequest } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ADMIN_ROLE_AUTH } from '../../auth/route-auth.ts';
import { AuthorizationHeader, Meta, Pagination, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { applicationJson } from './application-json.ts';
import { AdminApplication, ApplicationListQuery } from './application-schemas.ts';
import { APPLICATIONS_TAG, DESIGN_ADDITION } from './tag.ts';

export const listApplications: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/applications',
    {
      schema: {
        tags: [APPLICATIONS_TAG],
        summary: 'List Applications',
        description: `The OAuth applications within your reach (super admin: all; partner admin: its partner's PARTNER and TENANT applications; tenant admin: its tenant's TENANT applications). \`q\` searches name, description, id and client id. ${DESIGN_ADDITION}`,
        querystring: ApplicationListQuery,
        headers: AuthorizationHeader,
        response: { 200: Type.Object({ data: Type.Array(ref(AdminApplication)), pagination: Pagination, meta: Meta }), ...errorResponses },
      },
      config: { auth: ADMIN_ROLE_AUTH, reach: { collection: 'application' } },
    },
    async (request) => {
      const page = pageRequest(request.query.page, request.query.page_size);
      const answer = await clients.applications.listApplications(
        { page: { page: page.page, pageSize: page.pageSize }, q: request.query.q ?? '', tenantId: request.query.tenant_id, partnerId: request.query.partner_id },
        outgoing(request, config),
      );
      return pagedBody(answer.applications.map(applicationJson), page, answer.pageInfo?.total ?? 0, requestIdOf(request));
    },
  );
};
