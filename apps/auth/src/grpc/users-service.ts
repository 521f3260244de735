import { validationFailed } from '@scai/api';
import { requireCaller, unary, type CallContext, type ImplementationOf } from '@scai/grpc';
import { auth, pageFromProto, pageInfoToProto } from '@scai/proto';
import { auditOf } from '../events/auth-events.ts';
import type { UserAdmin } from '../people/user-admin.ts';
import type { Users } from '../services/users.ts';
import { toProtoUser, userStatusFromProto } from './mappers.ts';
import { requireFields } from './required.ts';

/** Audit context of an admin call: the caller, the request id, and the end user's address the gateway sent. */
function auditFor(context: CallContext, request: { clientIp: string; userAgent: string }) {
  return auditOf(requireCaller(context), context.requestId, request.clientIp || null, request.userAgent || null);
}

const grantOf = (grant: auth.v1.RoleGrant) => ({
  role: grant.role,
  tenantId: grant.tenantId,
  partnerId: grant.partnerId,
  expiresAt: grant.expiresAt ? new Date(grant.expiresAt) : null,
});

export function usersService(users: Users, admin: UserAdmin): ImplementationOf<typeof auth.v1.UsersServiceService> {
  return {
    listUsers: unary(async (request, context) => {
      const page = pageFromProto(request.page);
      const status = userStatusFromProto(request.status);
      const { items, total } = await admin.list(requireCaller(context), { page, q: request.q, tenantId: request.tenantId, partnerId: request.partnerId, status });
      return { users: items.map(toProtoUser), pageInfo: pageInfoToProto(page, total) };
    }),
    inviteUser: unary(async (request, context) => {
      requireFields({ email: request.email });
      const invited = await admin.invite(
        requireCaller(context),
        { email: request.email, displayName: request.displayName, tenantId: request.tenantId, partnerId: request.partnerId, roles: request.roles.map(grantOf) },
        auditFor(context, request),
      );
      return { user: toProtoUser(invited.user), invitationExpiresAt: invited.expiresAt.toISOString(), invitationUrl: invited.link ?? undefined };
    }),
    getUser: unary(async (request, context) => ({ user: toProtoUser(await admin.get(requireCaller(context), request.id)) })),
    updateUser: unary(async (request, context) => {
      const status = userStatusFromProto(request.status);
      if (status === 'DEACTIVATED') {
        throw validationFailed([{ loc: ['body', 'status'], msg: 'status must be ACTIVE or SUSPENDED (deactivate with DELETE)', type: 'value_error' }]);
      }
      const user = await admin.update(
        requireCaller(context),
        request.id,
        { displayName: request.displayName, email: request.email, status: status === 'ACTIVE' || status === 'SUSPENDED' ? status : null },
        auditFor(context, request),
      );
      return { user: toProtoUser(user) };
    }),
    deactivateUser: unary(async (request, context) => ({ user: toProtoUser(await admin.deactivate(requireCaller(context), request.id, auditFor(context, request))) })),
    changeUserRoles: unary(async (request, context) => {
      const user = await admin.changeRoles(
        requireCaller(context),
        request.id,
        { grant: request.grant.map(grantOf), revoke: request.revoke.map((revocation) => revocation.role) },
        auditFor(context, request),
      );
      return { user: toProtoUser(user) };
    }),
    createUser: unary(async (request, context) => {
      const caller = requireCaller(context);
      requireFields({ email: request.email, password: request.password });
      const user = await users.createUser(
        caller,
        {
          email: request.email,
          password: request.password,
          displayName: request.displayName,
          tenantId: request.tenantId,
          partnerId: request.partnerId,
          roles: request.roles.map(grantOf),
        },
        auditOf(caller, context.requestId),
      );
      return { user: toProtoUser(user) };
    }),
    ensureSuperAdmin: unary(async (request, context) => {
      const caller = requireCaller(context);
      requireFields({ email: request.email, password: request.password });
      const result = await users.ensureSuperAdmin(caller, request, auditOf(caller, context.requestId));
      return { user: toProtoUser(result.user), created: result.created };
    }),
  };
}
