import { randomUUID } from 'node:crypto';
import { conflict, forbidden, newId, validationFailed, type ValidationIssue } from '@scai/api';
import { isSuperAdmin, type Caller } from '@scai/permissions';
import { hashPassword } from '../domain/password.ts';
import { roleGrantProblem } from '../domain/roles.ts';
import { userCreatedEvent, type AuditContext } from '../events/auth-events.ts';
import type { OrgDirectory } from '../people/org-directory.ts';
import { passwordIssues } from '../people/password-rules.ts';
import { isUniqueViolation } from '../store/prisma.ts';
import { findUserByEmail, findUserById, normalizeEmail, userView, type UserView } from '../store/users.ts';
import type { AuthDeps } from './deps.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface RoleGrantInput {
  role: string;
  tenantId?: string | null;
  partnerId?: string | null;
  expiresAt?: Date | null;
}

export interface CreateUserInput {
  email: string;
  password: string;
  displayName: string;
  tenantId?: string | null;
  partnerId?: string | null;
  roles: RoleGrantInput[];
}

/** Internal user management: seeding, `npm start`, tests. Super admins and the system only. */
export class Users {
  constructor(
    private readonly deps: AuthDeps,
    private readonly orgs: OrgDirectory,
  ) {}

  async createUser(caller: Caller, input: CreateUserInput, audit: AuditContext): Promise<UserView> {
    if (!isSuperAdmin(caller)) throw forbidden('Only a super admin may create users here');
    const issues: ValidationIssue[] = [];
    const email = normalizeEmail(input.email);
    if (!EMAIL.test(email)) issues.push({ loc: ['body', 'email'], msg: 'value is not a valid email address', type: 'value_error' });
    const tenantId = input.tenantId || null;
    // A tenant user belongs to the tenant's partner too (partner admins reach users by partner).
    const partnerId = input.partnerId || (tenantId ? ((await this.orgs.tenant(tenantId))?.partnerId ?? null) : null);
    issues.push(...(await passwordIssues(this.orgs, { tenantId, password: input.password, email }, ['body', 'password'])));
    input.roles.forEach((grant, index) => {
      const problem = roleGrantProblem(grant);
      if (problem) issues.push({ loc: ['body', 'roles', index], msg: problem, type: 'value_error' });
    });
    if (issues.length) throw validationFailed(issues);

    const passwordHash = await hashPassword(input.password);
    const id = newId('user');
    const displayName = input.displayName.trim() || email;
    try {
      await this.deps.db.$transaction(async (tx) => {
        await tx.user.create({
          data: {
            id,
            email,
            passwordHash,
            displayName,
            tenantId,
            partnerId,
            roles: {
              create: input.roles.map((grant) => ({
                id: randomUUID(),
                role: grant.role,
                tenantId: grant.tenantId || null,
                partnerId: grant.partnerId || null,
                expiresAt: grant.expiresAt ?? null,
              })),
            },
          },
        });
        await this.deps.outbox.add(
          tx,
          userCreatedEvent({ id, email, displayName, tenantId, partnerId, roles: input.roles.map((g) => g.role) }, audit),
        );
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict('A user with this email already exists', { field: 'email' });
      throw error;
    }
    this.deps.eventsWritten();
    const created = await findUserById(this.deps.db, id);
    return userView(created!, this.deps.now());
  }

  /**
   * The platform's first admin (`npm start`). An existing account keeps its password;
   * it gets the super_admin role back if it lost it.
   */
  async ensureSuperAdmin(caller: Caller, input: { email: string; password: string }, audit: AuditContext): Promise<{ user: UserView; created: boolean }> {
    if (!isSuperAdmin(caller)) throw forbidden('Only a super admin may do this');
    const existing = await findUserByEmail(this.deps.db, input.email);
    if (!existing) {
      try {
        const user = await this.createUser(caller, { email: input.email, password: input.password, displayName: 'Platform administrator', roles: [{ role: 'super_admin' }] }, audit);
        return { user, created: true };
      } catch (error) {
        // Two starts at once: the other one created it.
        if (!(error instanceof Error && 'code' in error && error.code === 'conflict')) throw error;
      }
    }
    const user = existing ?? (await findUserByEmail(this.deps.db, input.email))!;
    if (!user.roles.some((grant) => grant.role === 'super_admin' && grant.expiresAt === null)) {
      await this.deps.db.userRole.deleteMany({ where: { userId: user.id, role: 'super_admin' } });
      await this.deps.db.userRole.create({ data: { id: randomUUID(), userId: user.id, role: 'super_admin' } });
    }
    return { user: userView((await findUserById(this.deps.db, user.id))!, this.deps.now()), created: false };
  }
}
