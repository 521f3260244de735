import { requireCaller, unary, type CallContext, type ImplementationOf } from '@scai/grpc';
import type { auth } from '@scai/proto';
import { auditOf } from '../events/auth-events.ts';
import type { Groups } from '../people/groups.ts';
import { toProtoGroup } from './mappers.ts';
import { requireFields } from './required.ts';

function auditFor(context: CallContext, request: { clientIp: string; userAgent: string }) {
  return auditOf(requireCaller(context), context.requestId, request.clientIp || null, request.userAgent || null);
}

export function groupsService(groups: Groups): ImplementationOf<typeof auth.v1.GroupsServiceService> {
  return {
    listGroups: unary(async (request, context) => {
      const found = await groups.list(requireCaller(context), { q: request.q, tenantId: request.tenantId, hasRole: request.hasRole });
      return { groups: found.map(toProtoGroup) };
    }),
    getGroup: unary(async (request, context) => ({ group: toProtoGroup(await groups.get(requireCaller(context), request.id)) })),
    createGroup: unary(async (request, context) => {
      requireFields({ name: request.name, tenant_id: request.tenantId });
      const group = await groups.create(requireCaller(context), { name: request.name, tenantId: request.tenantId, description: request.description }, auditFor(context, request));
      return { group: toProtoGroup(group) };
    }),
    setGroupRole: unary(async (request, context) => {
      requireFields({ role: request.role });
      return { group: toProtoGroup(await groups.setRole(requireCaller(context), request.id, request.role, auditFor(context, request))) };
    }),
    removeGroupRole: unary(async (request, context) => ({ group: toProtoGroup(await groups.removeRole(requireCaller(context), request.id, auditFor(context, request))) })),
    replaceGroupMembers: unary(async (request, context) => ({
      group: toProtoGroup(await groups.replaceMembers(requireCaller(context), request.id, request.userIds, auditFor(context, request))),
    })),
  };
}
