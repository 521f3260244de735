import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ADMIN_ROLE_AUTH } from '../../auth/route-auth.ts';
import { AuthorizationHeader, errorResponses } from '../common-schemas.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from './outgoing.ts';
import { requestView } from './request-view.ts';
import { RequestBody, RequestIdParams, TAG } from './schemas.ts';

export const cancelRegistrationRequest: RouteModule = (app, { clients, config }) => {
  app.delete(
    '/api/v1/admin/registration-requests/:request_id',
    {
      schema: {
        tags: [TAG],
        summary: 'Cancel Registration Request',
        description: 'Cancel a pending registration request.',
        params: RequestIdParams,
        headers: AuthorizationHeader,
        response: { 200: RequestBody, ...errorResponses },
      },
      config: { auth: ADMIN_ROLE_AUTH, reach: { resource: 'registration_request', param: 'request_id' } },
    },
    async (request) => {
      const response = await clients.registrations.cancelRequest({ id: request.params.request_id }, outgoing(request, config));
      return dataBody(requestView(response.request), requestIdOf(request));
    },
  );
};
