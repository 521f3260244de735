import { requireCaller, unary, type CallContext, type ImplementationOf } from '@scai/grpc';
import { auth, pageFromProto, pageInfoToProto } from '@scai/proto';
import { auditOf } from '../events/auth-events.ts';
import type { Applications } from '../services/applications.ts';
import { applicationStatusFromProto, toProtoApplication } from './mappers.ts';
import { requireFields } from './required.ts';

/** Audit context of an admin call: the caller, the request id, and the end user's address the gateway sent. */
function auditFor(context: CallContext, request: { clientIp: string; userAgent: string }) {
  return auditOf(requireCaller(context), context.requestId, request.clientIp || null, request.userAgent || null);
}

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
    listApplications: unary(async (request, context) => {
      const page = pageFromProto(request.page);
      const { items, total } = await applications.list(requireCaller(context), { page, q: request.q, tenantId: request.tenantId, partnerId: request.partnerId });
      return { applications: items.map(toProtoApplication), pageInfo: pageInfoToProto(page, total) };
    }),
    updateApplication: unary(async (request, context) => {
      requireFields({ id: request.id });
      const application = await applications.update(
        requireCaller(context),
        request.id,
        {
          name: request.name,
          description: request.description,
          redirectUris: request.redirectUris?.values,
          postLogoutRedirectUris: request.postLogoutRedirectUris?.values,
          allowedOrigins: request.allowedOrigins?.values,
          allowedScopes: request.allowedScopes?.values,
          tokenLifetime: request.tokenLifetime,
          status: applicationStatusFromProto(request.status),
          scope: request.scope,
          applicationType: request.applicationType,
          tenantId: request.tenantId,
          partnerId: request.partnerId,
        },
        auditFor(context, request),
      );
      return { application: toProtoApplication(application) };
    }),
    rotateApplicationSecret: unary(async (request, context) => {
      requireFields({ id: request.id });
      const rotated = await applications.rotateSecret(requireCaller(context), request.id, auditFor(context, request));
      return {
        application: toProtoApplication(rotated.application),
        clientSecret: rotated.clientSecret,
        previousSecretExpiresAt: rotated.previousSecretExpiresAt?.toISOString(),
      };
    }),
  };
}
