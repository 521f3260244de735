import { dataBody } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { ADMIN_ROLE_AUTH } from '../../auth/route-auth.ts';
import { clientOf } from '../admin-auth/client-address.ts';
import { AuthorizationHeader, ErrorEnvelope, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { ApplicationIdParams, ApplicationSecret } from './application-schemas.ts';
import { APPLICATIONS_TAG, DESIGN_ADDITION } from './tag.ts';

export const rotateApplicationSecret: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/applications/:application_id/rotate-secret',
    {
      schema: {
        tags: [APPLICATIONS_TAG],
        summary: 'Rotate Application Secret',
        description: `A new client secret for a confidential application (WEB, SERVICE), shown once. The previous secret keeps working until \`previous_secret_expires_at\` (the auth app's APPLICATION_SECRET_GRACE_SECONDS, 24 h by default), so clients can switch without downtime. A public client has no secret (409). ${DESIGN_ADDITION}`,
        params: ApplicationIdParams,
        headers: AuthorizationHeader,
        response: { 200: ref(ApplicationSecret), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: ADMIN_ROLE_AUTH, reach: { resource: 'application', param: 'application_id' } },
    },
    async (request) => {
      const answer = await clients.applications.rotateApplicationSecret({ id: request.params.application_id, ...clientOf(request) }, outgoing(request, config));
      return dataBody(
        { client_id: answer.application?.clientId ?? '', client_secret: answer.clientSecret, previous_secret_expires_at: answer.previousSecretExpiresAt ?? null },
        requestIdOf(request),
      );
    },
  );
};
