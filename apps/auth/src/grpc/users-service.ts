import { requireCaller, unary, type ImplementationOf } from '@scai/grpc';
import { auth } from '@scai/proto';
import { auditOf } from '../events/auth-events.ts';
import type { Users } from '../services/users.ts';
import { toProtoUser } from './mappers.ts';
import { requireFields } from './required.ts';

export function usersService(users: Users): ImplementationOf<typeof auth.v1.UsersServiceService> {
  return {
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
          roles: request.roles.map((grant) => ({
            role: grant.role,
            tenantId: grant.tenantId,
            partnerId: grant.partnerId,
            expiresAt: grant.expiresAt ? new Date(grant.expiresAt) : null,
          })),
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
