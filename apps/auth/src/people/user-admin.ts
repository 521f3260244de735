import { randomUUID } from 'node:crypto';
import {
  assertReachesPartner,
  assertReachesTenant,
  reachOf,
  requirePermission,
  type Caller,
} from '@scai/permissions';
import { AppError, conflict, forbidden, newId, notFound, pageWindow, validationFailed, type PageRequest, type ValidationIssue } from '@scai/api';
import type { Logger } from '@scai/telemetry';
import { checkGrant, mayDelegate, mayManage, type CheckedGrant, type GrantInput } from '../domain/delegation.ts';
import { generateSecret, keyedHash } from '@scai/secrets';
import { sessionRevokedEvent, type AuditContext } from '../events/auth-events.ts';
import {
  userDeactivatedEvent,
  userInvitedEvent,
  userReactivatedEvent,
  userRolesChangedEvent,
  userSuspendedEvent,
  userUpdatedEvent,
} from '../events/people-events.ts';
import type { Prisma, UserStatus } from '../generated/prisma/client.ts';
import type { AuthDeps } from '../services/deps.ts';
import { isUniqueViolation, type Tx } from '../store/prisma.ts';
import { revokeEverything } from '../store/user-revocation.ts';
import { findUserById, normalizeEmail, USER_INCLUDE, userView, type UserView, type UserWithRoles } from '../store/users.ts';
import type { InvitationMailer } from './invitation-mailer.ts';
import type { OrgDirectory } from './org-directory.ts';
import { userSnapshot } from './snapshots.ts';
import { userInReach, usersInReach } from './user-reach.ts';

export const INVITATION_TOKEN_PREFIX = 'scai_inv_';
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface PeopleDeps {
  orgs: OrgDirectory;
  mailer: InvitationMailer;
  logger: Logger;
}

export interface ListUsersQuery {
  page: PageRequest;
  q?: string;
  tenantId?: string | null;
  partnerId?: string | null;
  status?: UserStatus | null;
}

export interface InviteInput {
  email: string;
  displayName?: string;
  tenantId?: string | null;
  partnerId?: string | null;
  roles: GrantInput[];
}

export interface Invited {
  user: UserView;
  expiresAt: Date;
  /** Only when it was neither mailed nor may stay secret: outside production without SMTP. */
  link: string | null;
}

function emailIssue(email: string, loc: (string | number)[]): ValidationIssue[] {
  return EMAIL.test(email) ? [] : [{ loc, msg: 'value is not a valid email address', type: 'value_error' }];
}

/** Checks grants for one user; 403 for a refusal the caller's standing explains, else 422 with every invalid one. */
export function checkedGrants(caller: Caller, grants: GrantInput[], target: { tenantId: string | null; partnerId: string | null }, now: Date, loc: string): CheckedGrant[] {
  const issues: ValidationIssue[] = [];
  const checked: CheckedGrant[] = [];
  grants.forEach((grant, index) => {
    const verdict = checkGrant(caller, grant, target, now);
    if (verdict.ok) checked.push(verdict.grant);
    else if (verdict.status === 'forbidden') throw forbidden(verdict.message);
    else issues.push({ loc: ['body', loc, index, 'role'], msg: verdict.message, type: 'value_error' });
  });
  if (issues.length) throw validationFailed(issues);
  return checked;
}

/** The admin API over people (`admin:users`): list, invite, read, edit, suspend, deactivate, roles. */
export class UserAdmin {
  constructor(
    private readonly deps: AuthDeps,
    private readonly people: PeopleDeps,
  ) {}

  async list(caller: Caller, query: ListUsersQuery): Promise<{ items: UserView[]; total: number }> {
    requirePermission(caller, 'admin:users', 'read');
    const reach = usersInReach(caller);
    if (!reach) return { items: [], total: 0 };
    const filters: Prisma.UserWhereInput[] = [reach];
    const q = query.q?.trim();
    if (q) {
      filters.push({ OR: [{ email: { contains: q, mode: 'insensitive' } }, { displayName: { contains: q, mode: 'insensitive' } }, { id: q }] });
    }
    if (query.tenantId) filters.push({ tenantId: query.tenantId });
    if (query.partnerId) filters.push({ partnerId: query.partnerId });
    if (query.status) filters.push({ status: query.status });
    const where = { AND: filters };
    const [rows, total] = await Promise.all([
      this.deps.db.user.findMany({ where, include: USER_INCLUDE, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], ...pageWindow(query.page) }),
      this.deps.db.user.count({ where }),
    ]);
    const now = this.deps.now();
    return { items: rows.map((row) => userView(row, now)), total };
  }

  async get(caller: Caller, id: string): Promise<UserView> {
    requirePermission(caller, 'admin:users', 'read');
    return userView(await userInReach(this.deps.db, caller, id), this.deps.now());
  }

  /**
   * Creates the person without a password, with a one-time link (256 random bits, kept as a
   * keyed hash) to set one. Within the partner's `max_users_per_tenant` (409 past it).
   */
  async invite(caller: Caller, input: InviteInput, audit: AuditContext): Promise<Invited> {
    requirePermission(caller, 'admin:users', 'write');
    const email = normalizeEmail(input.email);
    const issues = emailIssue(email, ['body', 'email']);
    if (issues.length) throw validationFailed(issues);
    const owner = await this.ownerOf(caller, input);
    const now = this.deps.now();
    const grants = checkedGrants(caller, input.roles, owner, now, 'roles');
    const maxUsers = owner.tenantId && owner.partnerId ? await this.people.orgs.maxUsersPerTenant(owner.partnerId) : 0;

    const token = generateSecret(INVITATION_TOKEN_PREFIX);
    const expiresAt = new Date(now.getTime() + this.deps.config.INVITATION_TTL_SECONDS * 1000);
    const id = newId('user');
    const displayName = input.displayName?.trim() || email;
    try {
      await this.deps.db.$transaction(async (tx) => {
        if (owner.tenantId) await this.assertRoomInTenant(tx, owner.tenantId, maxUsers);
        await tx.user.create({
          data: {
            id,
            email,
            passwordHash: null,
            displayName,
            tenantId: owner.tenantId,
            partnerId: owner.partnerId,
            roles: { create: grants.map((grant) => ({ id: randomUUID(), ...grant })) },
            invitations: { create: { id: randomUUID(), tokenHash: keyedHash(this.deps.secrets.tokenPepper, token), expiresAt } },
          },
        });
        const created = userView((await findUserById(tx, id))!, now);
        await this.deps.outbox.add(tx, userInvitedEvent({ id, ...owner }, userSnapshot(created), expiresAt, audit));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('A user with this email already exists', { field: 'email' });
      throw error;
    }
    this.deps.eventsWritten();

    const link = `${this.deps.config.PUBLIC_URL}/api/v1/auth/invitations/${token}`;
    try {
      await this.people.mailer.send({ to: email, displayName, link, expiresAt });
    } catch (error) {
      // The person exists; an administrator can see the failure here and deactivate and re-invite.
      this.people.logger.error({ err: error, user_id: id }, 'invitation mail could not be sent');
    }
    const user = userView((await findUserById(this.deps.db, id))!, now);
    const showLink = !this.people.mailer.mailed && this.deps.config.NODE_ENV !== 'production';
    return { user, expiresAt, link: showLink ? link : null };
  }

  /** Profile (display name, e-mail) and status ACTIVE/SUSPENDED; never a password. */
  async update(caller: Caller, id: string, patch: { displayName?: string; email?: string; status?: 'ACTIVE' | 'SUSPENDED' | null }, audit: AuditContext): Promise<UserView> {
    requirePermission(caller, 'admin:users', 'write');
    const current = await this.manageable(caller, id);
    const now = this.deps.now();
    const before = userView(current, now);
    const data: Prisma.UserUpdateInput = {};
    if (patch.displayName !== undefined) {
      const name = patch.displayName.trim();
      if (!name) throw validationFailed([{ loc: ['body', 'display_name'], msg: 'String should have at least 1 character', type: 'string_too_short' }]);
      data.displayName = name;
    }
    if (patch.email !== undefined) {
      const email = normalizeEmail(patch.email);
      const issues = emailIssue(email, ['body', 'email']);
      if (issues.length) throw validationFailed(issues);
      data.email = email;
    }
    const status = patch.status && patch.status !== current.status ? patch.status : null;
    if (status && current.id === caller.subject) throw forbidden('You cannot change your own status');
    if (status) data.status = status;

    try {
      await this.deps.db.$transaction(async (tx) => {
        await tx.user.update({ where: { id }, data });
        const after = userView((await findUserById(tx, id))!, now);
        await this.deps.outbox.add(tx, userUpdatedEvent(current, userSnapshot(before), userSnapshot(after), audit));
        if (status === 'SUSPENDED') {
          await this.revoke(tx, current, now, audit);
          await this.deps.outbox.add(tx, userSuspendedEvent(current, now, audit));
        }
        if (status === 'ACTIVE') await this.deps.outbox.add(tx, userReactivatedEvent(current, now, audit));
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('A user with this email already exists', { field: 'email' });
      throw error;
    }
    this.deps.eventsWritten();
    return userView((await findUserById(this.deps.db, id))!, now);
  }

  /**
   * Soft delete: the account stays (audit, history) with status DEACTIVATED; every
   * session, refresh token and OpenID grant ends now, it leaves its groups, and
   * `scai.auth.user.deactivated` tells the gateway to refuse its outstanding access tokens.
   */
  async deactivate(caller: Caller, id: string, audit: AuditContext): Promise<UserView> {
    requirePermission(caller, 'admin:users', 'write');
    const reached = await userInReach(this.deps.db, caller, id);
    if (reached.status === 'DEACTIVATED') return userView(reached, this.deps.now());
    const current = await this.manageable(caller, id);
    if (current.id === caller.subject) throw forbidden('You cannot deactivate yourself');
    const now = this.deps.now();
    const before = userView(current, now);
    await this.deps.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id }, data: { status: 'DEACTIVATED', deactivatedAt: now } });
      await tx.groupMember.deleteMany({ where: { userId: id } });
      await this.revoke(tx, current, now, audit);
      await this.deps.outbox.add(tx, userDeactivatedEvent(current, userSnapshot(before), now, audit));
    });
    this.deps.eventsWritten();
    return userView((await findUserById(this.deps.db, id))!, now);
  }

  /** Grants and revokes in one change; nobody grants (or takes away) a role they could not give. */
  async changeRoles(caller: Caller, id: string, change: { grant: GrantInput[]; revoke: string[] }, audit: AuditContext): Promise<UserView> {
    requirePermission(caller, 'admin:users', 'write');
    const current = await this.manageable(caller, id);
    const now = this.deps.now();
    for (const role of change.revoke) {
      if (!mayDelegate(caller, role)) throw forbidden(`You may not revoke the role ${role}`);
    }
    const grants = checkedGrants(caller, change.grant, current, now, 'grant');
    const before = userView(current, now);
    await this.deps.db.$transaction(async (tx) => {
      if (change.revoke.length) await tx.userRole.deleteMany({ where: { userId: id, role: { in: change.revoke } } });
      for (const grant of grants) {
        const values = { tenantId: grant.tenantId, partnerId: grant.partnerId, expiresAt: grant.expiresAt };
        await tx.userRole.upsert({ where: { userId_role: { userId: id, role: grant.role } }, create: { id: randomUUID(), userId: id, role: grant.role, ...values }, update: values });
      }
      const after = userView((await findUserById(tx, id))!, now);
      await this.deps.outbox.add(tx, userRolesChangedEvent(current, userSnapshot(before), userSnapshot(after), audit));
    });
    this.deps.eventsWritten();
    return userView((await findUserById(this.deps.db, id))!, now);
  }

  /** Where an invited person belongs: a tenant (and its partner), a partner, or the platform; 404 outside the caller's reach. */
  private async ownerOf(caller: Caller, input: InviteInput): Promise<{ tenantId: string | null; partnerId: string | null }> {
    const reach = reachOf(caller);
    const tenantId = input.tenantId || (reach.level === 'tenant' ? reach.tenantId : null);
    if (tenantId) {
      const tenant = reach.level === 'tenant' && tenantId !== reach.tenantId ? null : await this.people.orgs.tenant(tenantId);
      if (!tenant) throw notFound('Tenant');
      assertReachesTenant(reach, { id: tenant.id, partnerId: tenant.partnerId });
      if (input.partnerId && input.partnerId !== tenant.partnerId) {
        throw validationFailed([{ loc: ['body', 'partner_id'], msg: "partner_id must be the tenant's partner", type: 'value_error' }]);
      }
      return { tenantId, partnerId: tenant.partnerId };
    }
    const partnerId = input.partnerId || (reach.level === 'partner' ? reach.partnerId : null);
    if (partnerId) {
      assertReachesPartner(reach, partnerId);
      return { tenantId: null, partnerId };
    }
    if (reach.level !== 'platform') throw notFound('Tenant');
    return { tenantId: null, partnerId: null };
  }

  /** Serialised per tenant, so two invitations at once cannot both take the last seat. */
  private async assertRoomInTenant(tx: Tx, tenantId: string, maxUsers: number): Promise<void> {
    if (maxUsers <= 0) return;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`scai_auth.tenant_users.${tenantId}`}))`;
    const count = await tx.user.count({ where: { tenantId, status: { not: 'DEACTIVATED' } } });
    if (count >= maxUsers) throw conflict(`The tenant has reached its partner's limit of ${maxUsers} users`, { max_users_per_tenant: maxUsers });
  }

  /** A reachable, not deactivated user whose roles the caller could all grant itself (else it outranks the caller: 403). */
  private async manageable(caller: Caller, id: string): Promise<UserWithRoles> {
    const user = await userInReach(this.deps.db, caller, id);
    if (user.status === 'DEACTIVATED') throw new AppError('conflict', 'User is deactivated');
    if (!mayManage(caller, userView(user, this.deps.now()).roles)) throw forbidden('You may not change a user who holds roles you cannot grant');
    return user;
  }

  private async revoke(tx: Tx, user: UserWithRoles, now: Date, audit: AuditContext): Promise<void> {
    for (const familyId of await revokeEverything(tx, user.id, now)) {
      await this.deps.outbox.add(tx, sessionRevokedEvent({ sessionId: familyId, userId: user.id, reason: 'user_inactive', tenantId: user.tenantId, partnerId: user.partnerId }, audit));
    }
  }
}
