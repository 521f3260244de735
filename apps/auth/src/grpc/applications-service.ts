import { requireCaller, unary, type ImplementationOf } from '@scai/grpc';
import { auth } from '@scai/proto';
import { auditOf } from '../events/auth-events.ts';
import type { Applications } from '../services/applications.ts';
import { toProtoApplication } from './mappers.ts';
import { requireFields } from './required.ts';

export function applicationsService(applications: Applications): ImplementationOf<typeof auth.v1.ApplicationsServiceService> {
  return {
    createApplication: unary(async (request, context) => {
      const caller = requireCaller(context);
      const result = await applications.create(
        caller,
        {
          name: request.name,
          description: request.description,
          applicationType: request.applicationType,
          scope: request.scope,
          tenantId: request.tenantId,
          partnerId: request.partnerId,
          redirectUris: request.redirectUris,
          postLogoutRedirectUris: request.postLogoutRedirectUris,
          allowedOrigins: request.allowedOrigins,
          allowedScopes: request.allowedScopes,
          grantTypes: request.grantTypes,
          tokenLifetime: request.tokenLifetime,
          registrationRequestId: request.registrationRequestId,
        },
        auditOf(caller, context.requestId),
      );
      return { application: toProtoApplication(result.application), clientSecret: result.clientSecret ?? undefined, created: result.created };
    }),
    getApplication: unary(async (request, context) => {
      requireFields({ id: request.id });
      return { application: toProtoApplication(await applications.get(requireCaller(context), request.id)) };
    }),
  };
}
