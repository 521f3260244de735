import type { FastifyRequest } from 'fastify';
import { AppError } from '@scai/api';
import { requestIdOf } from '@scai/http';
import { SYSTEM_CALLER } from '@scai/permissions';
import { callerOf } from '../../auth/authenticate.ts';
import type { GatewayConfig } from '../../config.ts';
import type { ServiceClients } from '../../clients.ts';
import { AuthorizationHeader, errorResponses } from '../common-schemas.ts';
import { ref } from '../schema-ref.ts';
import type { RouteModule } from '../types.ts';
import { CurrentIdentity, TAG } from './schemas.ts';

const isNotFound = (error: unknown) => error instanceof AppError && error.code === 'not_found';

/**
 * The display names of the caller's own tenant and partner. Read as the platform: a
 * tenant member holds no `admin:tenants`, and the ids come from the verified token, so
 * nobody learns more than the names of the organisations their token names.
 */
async function organisationNames(clients: ServiceClients, ids: { tenantId: string | null; partnerId: string | null }, call: { requestId: string; deadlineMs: number }) {
  const outgoing = { ...call, caller: SYSTEM_CALLER };
  const orNull = (error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  };
  const [tenantName, partnerName] = await Promise.all([
    ids.tenantId ? clients.tenants.getTenant({ id: ids.tenantId }, outgoing).then((r) => r.tenant?.name ?? null, orNull) : null,
    ids.partnerId ? clients.partners.getPartner({ id: ids.partnerId }, outgoing).then((r) => r.partner?.name ?? null, orNull) : null,
  ]);
  return { tenantName, partnerName };
}

function call(request: FastifyRequest, config: GatewayConfig) {
  return { requestId: requestIdOf(request), deadlineMs: config.GRPC_DEADLINE_MS };
}

export const getAuthMe: RouteModule = (app, { clients, config }) => {
  app.get(
    '/api/v1/auth/me',
    {
      schema: {
        tags: [TAG],
        summary: 'Auth Me',
        description:
          'Who the bearer token belongs to: the user (re-read from the auth app), their tenant and partner with names, and the roles and permissions the token carries. A service token answers its client with null user fields.',
        headers: AuthorizationHeader,
        response: { 200: ref(CurrentIdentity), ...errorResponses },
      },
      config: { auth: 'authenticated', reach: 'self' },
    },
    async (request) => {
      const caller = callerOf(request);
      const currentUser = async () => {
        if (caller.kind !== 'user') return null;
        const found = await clients.authentication.getCurrentUser({}, { ...call(request, config), caller }).catch((error: unknown) => {
          // A valid token of a user that no longer exists identifies nobody.
          throw isNotFound(error) ? new AppError('unauthorized', 'The user of this token no longer exists') : error;
        });
        return found.user ?? null;
      };
      const [user, { tenantName, partnerName }] = await Promise.all([currentUser(), organisationNames(clients, caller, call(request, config))]);
      return {
        user_id: user?.id ?? null,
        tenant_id: caller.tenantId,
        partner_id: caller.partnerId,
        email: user?.email ?? null,
        display_name: user?.displayName || null,
        tenant_name: tenantName,
        partner_name: partnerName,
        roles: caller.roles,
        permissions: caller.permissions,
        client_id: caller.clientId,
      };
    },
  );
};
