import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ADMIN_ROLE_AUTH } from '../../auth/route-auth.ts';
import { AuthorizationHeader, errorResponses } from '../common-schemas.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from './outgoing.ts';
import { requestView } from './request-view.ts';
import { RequestBody, RequestIdParams, TAG } from './schemas.ts';

export const getRegistrationRequest: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/admin/registration-requests/:request_id',
    {
      schema: {
        tags: [TAG],
        summary: 'Get Registration Request',
        description: 'Get details of a specific registration request.',
        params: RequestIdParams,
        headers: AuthorizationHeader,
        response: { 200: RequestBody, ...errorResponses },
      },
      config: { auth: ADMIN_ROLE_AUTH, reach: { resource: 'registration_request', param: 'request_id' } },
    },
    async (request) => {
      const response = await clients.registrations.getRequest({ id: request.params.request_id }, outgoing(request, config));
      return dataBody(requestView(response.request), requestIdOf(request));
    },
  );
};
