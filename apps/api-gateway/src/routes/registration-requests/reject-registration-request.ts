import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ADMIN_ROLE_AUTH } from '../../auth/route-auth.ts';
import { AuthorizationHeader, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from './outgoing.ts';
import { requestView } from './request-view.ts';
import { RejectionData, RequestBody, RequestIdParams, TAG } from './schemas.ts';

export const rejectRegistrationRequest: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/registration-requests/:request_id/reject',
    {
      schema: {
        tags: [TAG],
        summary: 'Reject Registration Request',
        description: 'Reject a registration request with a reason.',
        params: RequestIdParams,
        headers: AuthorizationHeader,
        body: ref(RejectionData),
        response: { 200: RequestBody, ...errorResponses },
      },
      config: { auth: ADMIN_ROLE_AUTH, reach: { resource: 'registration_request', param: 'request_id' } },
    },
    async (request) => {
      const response = await clients.registrations.rejectRequest(
        { id: request.params.request_id, reason: request.body.reason },
        outgoing(request, config),
      );
      return dataBody(requestView(response.request), requestIdOf(request));
    },
  );
};
