import { conflict, forbidden, newId, notFound, validationFailed, type ValidationIssue } from '@scai/api';
import { assertReachesTenant, reachOf, requirePermission, type Caller } from '@scai/permissions';
import { checkGrant, isTenantRole, mayDelegate } from '../domain/delegation.ts';
import type { AuditContext } from '../events/auth-events.ts';
import { groupCreatedEvent, groupMembersReplacedEvent, groupRoleChangedEvent } from '../events/people-events.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { AuthDeps } from '../services/deps.ts';
import { isUniqueViolation, type Db, type Tx } from '../store/prisma.ts';
import type { OrgDirectory } from './org-directory.ts';
import { groupSnapshot } from './snapshots.ts';
import { groupsInReach } from './user-reach.ts';

const GROUP_INCLUDE = {
  _count: { select: { members: true } },
  members: { select: { user: { select: { id: true, email: true, displayName: true, status: true } } }, orderBy: { createdAt: 'asc' } },
} as const;

type GroupRow = Prisma.GroupGetPayload<{ include: typeof GROUP_INCLUDE }>;

export interface GroupView {
  id: string;
  tenantId: string;
  partnerId: string;
  name: string;
  description: string | null;
  role: string | null;
  memberCount: number;
  members: { id: string; email: string; displayName: string; status: string }[];
  createdAt: Date;
  updatedAt: Date;
}

function view(row: GroupRow, withMembers: boolean): GroupView {
  return {
    id: row.id,
    tenantId: row.tenantId,
    partnerId: row.partnerId,
    name: row.name,
    description: row.description,
    role: row.role,
    memberCount: row._count.members,
    members: withMembers ? row.members.map(({ user }) => ({ id: user.id, email: user.email, displayName: user.displayName, status: user.status })) : [],
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

const snapshot = (row: GroupRow) => groupSnapshot(row, row.members.map(({ user }) => user.id));

/** A tenant's groups (`admin:groups`): each carries at most one role, which its members inherit. */
export class Groups {
  constructor(
    private readonly deps: AuthDeps,
    private readonly orgs: OrgDirectory,
  ) {}

  async list(caller: Caller, query: { q?: string; tenantId?: string | null; hasRole?: string | null }): Promise<GroupView[]> {
    requirePermission(caller, 'admin:groups', 'read');
    const reach = groupsInReach(caller);
    if (!reach) return [];
    const filters: Prisma.GroupWhereInput[] = [reach];
    const q = query.q?.trim();
    if (q) filters.push({ OR: [{ name: { contains: q, mode: 'insensitive' } }, { description: { contains: q, mode: 'insensitive' } }, { id: q }] });
    if (query.tenantId) filters.push({ tenantId: query.tenantId });
    if (query.hasRole) filters.push({ role: query.hasRole });
    const rows = await this.deps.db.group.findMany({ where: { AND: filters }, include: GROUP_INCLUDE, orderBy: [{ name: 'asc' }, { id: 'asc' }], take: 1000 });
    return rows.map((row) => view(row, false));
  }

  async get(caller: Caller, id: string): Promise<GroupView> {
    requirePermission(caller, 'admin:groups', 'read');
    return view(await this.inReach(this.deps.db, caller, id), true);
  }

  async create(caller: Caller, input: { name: string; tenantId: string; description?: string | null }, audit: AuditContext): Promise<GroupView> {
    requirePermission(caller, 'admin:groups', 'write');
    const reach = reachOf(caller);
    const tenant = reach.level === 'tenant' && reach.tenantId !== input.tenantId ? null : await this.orgs.tenant(input.tenantId);
    if (!tenant) throw notFound('Tenant');
    assertReachesTenant(reach, { id: tenant.id, partnerId: tenant.partnerId });
    const name = input.name.trim();
    if (!name) throw validationFailed([{ loc: ['body', 'name'], msg: 'String should have at least 1 character', type: 'string_too_short' }]);
    const id = newId('group');
    try {
      await this.deps.db.$transaction(async (tx) => {
        const created = await tx.group.create({
          data: { id, tenantId: tenant.id, partnerId: tenant.partnerId, name, description: input.description?.trim() || null },
          include: GROUP_INCLUDE,
        });
        await this.deps.outbox.add(tx, groupCreatedEvent(created, snapshot(created), audit));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('A group with this name already exists in the tenant', { field: 'name' });
      throw error;
    }
    this.deps.eventsWritten();
    return this.get(caller, id);
  }

  /** Gives the group its one role (a tenant role, for the group's tenant), replacing any other. */
  async setRole(caller: Caller, id: string, role: string, audit: AuditContext): Promise<GroupView> {
    requirePermission(caller, 'admin:groups', 'write');
    const group = await this.inReach(this.deps.db, caller, id);
    const verdict = checkGrant(caller, { role, tenantId: group.tenantId }, group, this.deps.now());
    if (!verdict.ok && verdict.status === 'forbidden') throw forbidden(verdict.message);
    if (!verdict.ok || !isTenantRole(role)) {
      throw validationFailed([{ loc: ['body', 'role'], msg: verdict.ok ? 'A group carries a tenant role: tenant_admin, billing_admin or tenant_member' : verdict.message, type: 'value_error' }]);
    }
    if (group.role && !mayDelegate(caller, group.role)) throw forbidden(`You may not take away the role ${group.role}`);
    return this.changeRole(group, role, audit, caller);
  }

  async removeRole(caller: Caller, id: string, audit: AuditContext): Promise<GroupView> {
    requirePermission(caller, 'admin:groups', 'write');
    const group = await this.inReach(this.deps.db, caller, id);
    if (group.role && !mayDelegate(caller, group.role)) throw forbidden(`You may not take away the role ${group.role}`);
    return this.changeRole(group, null, audit, caller);
  }

  /** Replaces the member list; members must be active or suspended users of the group's tenant. */
  async replaceMembers(caller: Caller, id: string, userIds: string[], audit: AuditContext): Promise<GroupView> {
    requirePermission(caller, 'admin:groups', 'write');
    const group = await this.inReach(this.deps.db, caller, id);
    // Joining or leaving a group with a role is being given or losing that role.
    if (group.role && !mayDelegate(caller, group.role)) throw forbidden(`You may not grant the role ${group.role}`);
    const wanted = [...new Set(userIds)];
    const found = await this.deps.db.user.findMany({ where: { id: { in: wanted }, tenantId: group.tenantId, status: { not: 'DEACTIVATED' } }, select: { id: true } });
    const known = new Set(found.map((user) => user.id));
    const issues: ValidationIssue[] = [];
    userIds.forEach((userId, index) => {
      if (!known.has(userId)) issues.push({ loc: ['body', 'user_ids', index], msg: "No such user in the group's tenant", type: 'value_error' });
    });
    if (issues.length) throw validationFailed(issues);
    await this.deps.db.$transaction(async (tx) => {
      await tx.groupMember.deleteMany({ where: { groupId: id, userId: { notIn: wanted } } });
      await tx.groupMember.createMany({ data: wanted.map((userId) => ({ groupId: id, userId })), skipDuplicates: true });
      const after = await this.inReach(tx, caller, id);
      await this.deps.outbox.add(tx, groupMembersReplacedEvent(group, snapshot(group), snapshot(after), audit));
    });
    this.deps.eventsWritten();
    return this.get(caller, id);
  }

  private async changeRole(group: GroupRow, role: string | null, audit: AuditContext, caller: Caller): Promise<GroupView> {
    if (group.role !== role) {
      await this.deps.db.$transaction(async (tx) => {
        await tx.group.update({ where: { id: group.id }, data: { role } });
        await this.deps.outbox.add(tx, groupRoleChangedEvent(group, snapshot(group), { ...snapshot(group), role }, audit));
      });
      this.deps.eventsWritten();
    }
    return this.get(caller, group.id);
  }

  private async inReach(db: Db | Tx, caller: Caller, id: string): Promise<GroupRow> {
    const reach = groupsInReach(caller);
    const group = reach ? await db.group.findFirst({ where: { AND: [{ id }, reach] }, include: GROUP_INCLUDE }) : null;
    if (!group) throw notFound('Group');
    return group;
  }
}
