import { Type } from '@fastify/type-provider-typebox';
import { pagedBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ADMIN_ROLE_AUTH } from '../../auth/route-auth.ts';
import { AuthorizationHeader, errorResponses, PageNumber, PageSize } from '../common-schemas.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from './outgoing.ts';
import { requestView } from './request-view.ts';
import { RequestPageBody, TAG } from './schemas.ts';

const Querystring = Type.Object({
  page: PageNumber,
  per_page: PageSize,
  status: Type.Optional(
    Type.Union([Type.String(), Type.Null()], { description: 'Filter by status: PENDING, APPROVED, REJECTED, CANCELLED, EXPIRED' }),
  ),
  scope: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'Filter by scope: GLOBAL, PARTNER, TENANT' })),
});

export const listRegistrationRequests: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/registration-requests/',
    {
      schema: {
        tags: [TAG],
        summary: 'List Registration Requests',
        description: [
          "List registration requests based on admin's access level.",
          '',
          '- Super admins: See all requests',
          '- Partner admins: See PARTNER requests for their partner + TENANT requests for tenants in their partner',
          '- Tenant admins: See TENANT requests for their tenant only',
        ].join('\n'),
        querystring: Querystring,
        headers: AuthorizationHeader,
        response: { 200: RequestPageBody, ...errorResponses },
      },
      config: { auth: ADMIN_ROLE_AUTH, reach: { collection: 'registration_request' } },
    },
    async (request) => {
      const { page = 1, per_page = 20, status, scope } = request.query;
      const response = await clients.registrations.listRequests(
        { page: { page, pageSize: per_page }, status: status ?? undefined, scope: scope ?? undefined },
        outgoing(request, config),
      );
      const info = response.pageInfo;
      return pagedBody(
        response.requests.map(requestView),
        { page: info?.page ?? page, pageSize: info?.pageSize ?? per_page },
        info?.total ?? 0,
        requestIdOf(request),
      );
    },
  );
};
