import { notFound, unauthorized } from '@scai/api';
import type { Caller } from '@scai/permissions';
import type { AuditContext } from '../events/auth-events.ts';
import type { AdminAuth, TokenPair } from '../services/admin-auth.ts';
import type { AuthDeps } from '../services/deps.ts';
import { findUserById, type UserView, type UserWithRoles } from '../store/users.ts';
import type { Mfa, SecondFactor } from './mfa.ts';

/** Who a TOTP enrollment is for: the signed-in caller, or the holder of an enrollment token from Login. */
export type EnrollmentSubject = { caller: Caller } | { enrollmentToken: string };

export interface ClientContext {
  clientIp: string;
  userAgent: string;
}

/**
 * The second factor of the admin console (MfaService): enrollment by the user themself or
 * with Login's enrollment token (which, once confirmed, completes that sign-in), disabling,
 * and the login's second step that issues the tokens.
 */
export class AdminMfa {
  constructor(
    private readonly deps: AuthDeps,
    private readonly mfa: Mfa,
    private readonly adminAuth: AdminAuth,
  ) {}

  async beginEnrollment(subject: EnrollmentSubject): Promise<{ otpauthUri: string; secret: string }> {
    const user = 'caller' in subject ? await this.userOf(subject.caller) : (await this.mfa.challengeOf(subject.enrollmentToken, 'enrollment', null)).user;
    return this.mfa.beginEnrollment(user);
  }

  async confirmEnrollment(
    subject: EnrollmentSubject,
    code: string,
    client: ClientContext,
    audit: AuditContext,
  ): Promise<{ recoveryCodes: string[]; login?: TokenPair & { user: UserView } }> {
    if ('caller' in subject) return { recoveryCodes: await this.mfa.confirmEnrollment(await this.userOf(subject.caller), code, audit) };
    const { challengeId, user } = await this.mfa.challengeOf(subject.enrollmentToken, 'enrollment', null);
    const recoveryCodes = await this.mfa.confirmEnrollment(user, code, audit);
    await this.mfa.spendChallenge(challengeId);
    return { recoveryCodes, login: await this.completeSignIn(user.id, client, audit) };
  }

  async disable(caller: Caller, factor: SecondFactor, audit: AuditContext): Promise<void> {
    await this.mfa.disable(await this.userOf(caller), factor, audit);
  }

  /** The login's second step: the challenge of `mfaToken` and a code (or recovery code) give the tokens. */
  async verify(mfaToken: string, factor: SecondFactor, client: ClientContext, audit: AuditContext): Promise<TokenPair & { user: UserView }> {
    const { challengeId, user } = await this.mfa.challengeOf(mfaToken, 'login', null);
    await this.mfa.verify(user, factor, audit);
    await this.mfa.spendChallenge(challengeId);
    return this.completeSignIn(user.id, client, audit);
  }

  /** Re-reads the user (suspended or demoted within the 5 minutes → 403) and starts the session. */
  private async completeSignIn(userId: string, client: ClientContext, audit: AuditContext): Promise<TokenPair & { user: UserView }> {
    const user = await findUserById(this.deps.db, userId);
    if (!user) throw unauthorized();
    await this.adminAuth.ensurePermitted(user, audit);
    return this.adminAuth.issueSession(user, client, audit);
  }

  private async userOf(caller: Caller): Promise<UserWithRoles> {
    const user = caller.kind === 'user' ? await findUserById(this.deps.db, caller.subject) : null;
    if (!user) throw notFound('User');
    return user;
  }
}
