import { requestIdOf } from '@scai/http';
import { AuthorizationHeader, ErrorEnvelope, errorResponses } from '../common-schemas.ts';
import { outgoing } from '../partners/outgoing.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { USERS_TAG } from './tag.ts';
import { auditFields, grantToWire, userJson } from './user-json.ts';
import { UserInvitation, UserInvite } from './user-schemas.ts';

export const inviteUser: RouteModule = (app, { clients, config }) => {
  app.post(
    '/api/v1/admin/users',
    {
      schema: {
        tags: [USERS_TAG],
        summary: 'Invite User',
        description:
          "Invite a person: the user is created without a password and a one-time, expiring link to set one is mailed (SMTP) or, without SMTP, logged. Within the partner's `max_users_per_tenant` (409 past it).",
        headers: AuthorizationHeader,
        body: ref(UserInvite),
        response: { 201: ref(UserInvitation), 409: ref(ErrorEnvelope), ...errorResponses },
      },
      config: { auth: { scope: 'admin:users' }, reach: { collection: 'user', ownerIn: 'body' } },
    },
    async (request, reply) => {
      const body = request.body;
      const answer = await clients.users.inviteUser(
        {
          email: body.email,
          displayName: body.display_name ?? '',
          tenantId: body.tenant_id,
          partnerId: body.partner_id,
          roles: (body.roles ?? []).map(grantToWire),
          ...auditFields(request),
        },
        outgoing(request, config),
      );
      const data = {
        user: userJson(answer.user),
        invitation_expires_at: answer.invitationExpiresAt ?? '',
        ...(answer.invitationUrl ? { invitation_url: answer.invitationUrl } : {}),
      };
      return reply.code(201).send({ data, meta: { request_id: requestIdOf(request) } });
    },
  );
};
