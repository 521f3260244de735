import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ADMIN_ROLE_AUTH } from '../../auth/route-auth.ts';
import { AuthorizationHeader, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { outgoing } from './outgoing.ts';
import { requestView } from './request-view.ts';
import { ApprovalBody, ApprovalData, RequestIdParams, TAG } from './schemas.ts';

export const approveRegistrationRequest: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/registration-requests/:request_id/approve',
    {
      schema: {
        tags: [TAG],
        summary: 'Approve Registration Request',
        description: [
          'Approve a registration request and create the application.',
          '',
          'Returns the created application with client_id and client_secret (secret shown only once).',
        ].join('\n'),
        params: RequestIdParams,
        headers: AuthorizationHeader,
        body: ref(ApprovalData),
        response: { 200: ApprovalBody, ...errorResponses },
      },
      config: { auth: ADMIN_ROLE_AUTH, reach: { resource: 'registration_request', param: 'request_id' }, bodyOptional: true },
      // ApprovalData is optional (seed 002): no body at all means no notes.
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) request.body = {};
      },
    },
    async (request) => {
      const notes = request.body?.notes ?? undefined;
      // The service calls the auth app inside this call: give it room for its own deadline.
      const response = await clients.registrations.approveRequest({ id: request.params.request_id, notes }, outgoing(request, config, 2));
      const view = requestView(response.request);
      return dataBody(
        { ...view, application_id: response.applicationId, client_id: response.clientId, client_secret: response.clientSecret ?? null },
        requestIdOf(request),
      );
    },
  );
};
