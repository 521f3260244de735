import { AppError, validationFailed } from '@scai/api';
import { hashPassword } from '../domain/password.ts';
import { keyedHash } from '@scai/secrets';
import type { AuditContext } from '../events/auth-events.ts';
import { invitationAcceptedEvent } from '../events/people-events.ts';
import type { AuthDeps } from '../services/deps.ts';
import type { OrgDirectory } from './org-directory.ts';
import { passwordIssues } from './password-rules.ts';

export interface OpenInvitation {
  id: string;
  userId: string;
  email: string;
  displayName: string;
  tenantId: string | null;
  partnerId: string | null;
}

const GONE = 'This invitation link is invalid, has expired or was already used.';

/** The invitation page's use cases: look a link up, and set the password it was sent for (once). */
export class Invitations {
  constructor(
    private readonly deps: AuthDeps,
    private readonly orgs: OrgDirectory,
  ) {}

  /** The invitation of a token when it can still be used: unused, unexpired, its user active. */
  async open(token: string): Promise<OpenInvitation | null> {
    if (!token.startsWith('scai_inv_') || token.length > 128) return null;
    const row = await this.deps.db.invitation.findUnique({ where: { tokenHash: keyedHash(this.deps.secrets.tokenPepper, token) }, include: { user: true } });
    if (!row || row.acceptedAt || row.expiresAt.getTime() <= this.deps.now().getTime() || row.user.status !== 'ACTIVE') return null;
    return { id: row.id, userId: row.userId, email: row.user.email, displayName: row.user.displayName, tenantId: row.user.tenantId, partnerId: row.user.partnerId };
  }

  /**
   * Sets the person's password (their tenant's policy, no breached password; argon2id)
   * and spends the link. 422 with the rules broken; `gone` (404) for a dead link.
   */
  async accept(token: string, input: { password: string; confirmation: string }, audit: AuditContext): Promise<OpenInvitation> {
    const invitation = await this.open(token);
    if (!invitation) throw new AppError('not_found', GONE);
    if (input.password !== input.confirmation) throw validationFailed([{ loc: ['body', 'password_confirmation'], msg: 'The passwords do not match', type: 'value_error' }]);
    const issues = await passwordIssues(this.orgs, { tenantId: invitation.tenantId, password: input.password, email: invitation.email }, ['body', 'password']);
    if (issues.length) throw validationFailed(issues);
    const passwordHash = await hashPassword(input.password);
    const now = this.deps.now();
    const spent = await this.deps.db.$transaction(async (tx) => {
      const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, acceptedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now } });
      if (count !== 1) return false;
      await tx.user.update({ where: { id: invitation.userId }, data: { passwordHash } });
      // Any other link sent to this person dies with this one.
      await tx.invitation.updateMany({ where: { userId: invitation.userId, acceptedAt: null }, data: { expiresAt: now } });
      await this.deps.outbox.add(tx, invitationAcceptedEvent({ id: invitation.userId, tenantId: invitation.tenantId, partnerId: invitation.partnerId }, audit));
      return true;
    });
    if (!spent) throw new AppError('not_found', GONE);
    this.deps.eventsWritten();
    return invitation;
  }
}
