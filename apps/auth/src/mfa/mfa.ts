import { conflict, notFound, rateLimited, unauthorized, validationFailed } from '@scai/api';
import { holdsAdminRole } from '../domain/roles.ts';
import { generateSecret, keyedHash } from '@scai/secrets';
import { throttleDecision } from '../domain/throttle.ts';
import type { AuditContext } from '../events/auth-events.ts';
import type { AuthDeps } from '../services/deps.ts';
import { recentFailures, recordFailure, type AttemptKey } from '../store/login-attempts.ts';
import { findUserById, userView, type UserWithRoles } from '../store/users.ts';
import { mfaDisabledEvent, mfaEnabledEvent, mfaFailedEvent, recoveryCodeUsedEvent } from './mfa-events.ts';
import { mfaRequirement, type MfaRequirement } from './mfa-rules.ts';
import {
  consumeChallenge,
  createChallenge,
  deleteFactor,
  findFactor,
  findLiveChallenge,
  replaceRecoveryCodes,
  savePendingFactor,
  spendRecoveryCode,
  spendStep,
  unusedRecoveryCodes,
  type ChallengePurpose,
} from './mfa-store.ts';
import { newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes.ts';
import { mfaEncryptionKey, openTotpSecret, sealTotpSecret } from './secret-box.ts';
import { matchTotp, newTotpSecret, otpauthUri } from './totp.ts';

/** Prefix of the opaque token between the password step and the second factor. */
export const MFA_TOKEN_PREFIX = 'scai_mfa_';
/** How long a password step waits for its second factor. */
export const MFA_CHALLENGE_TTL_SECONDS = 300;
export const INVALID_MFA_TOKEN = 'Invalid or expired MFA token';
export const INVALID_MFA_CODE = 'Invalid verification code';

/** A current TOTP code, or one recovery code (which it spends). */
export interface SecondFactor {
  code?: string;
  recoveryCode?: string;
}

export interface ChallengeContext {
  /** What the token is bound to besides the user (a sign-in page's interaction); null for the admin console. */
  boundTo: string | null;
  clientIp: string | null;
  userAgent: string | null;
}

const subjectOf = (user: UserWithRoles) => ({ userId: user.id, email: user.email, tenantId: user.tenantId, partnerId: user.partnerId });

/**
 * The TOTP second factor: enrollment (secret sealed at rest, confirmed by a first code,
 * 10 single-use recovery codes), the requirement rules, challenges (the opaque token
 * between the password step and the code) and code checks, throttled per account with
 * the password throttle (a wrong code is a failed login).
 */
export class Mfa {
  private readonly key: Buffer;

  constructor(private readonly deps: AuthDeps) {
    this.key = mfaEncryptionKey(deps.secrets.signingKeyEncryptionKey);
  }

  /** What a sign-in of this user needs after a correct password. */
  async requirementFor(user: UserWithRoles): Promise<MfaRequirement> {
    const factor = await findFactor(this.deps.db, user.id);
    const totpConfirmed = Boolean(factor?.confirmedAt);
    const roles = userView(user, this.deps.now()).roles;
    return mfaRequirement({
      totpConfirmed,
      adminMfaRequired: this.deps.config.ADMIN_MFA_REQUIRED,
      holdsAdminRole: holdsAdminRole(roles),
      // Only asked when it can change the answer (a partners call).
      tenantMfaRequired: !totpConfirmed && user.tenantId !== null ? await this.deps.tenantMfa.mfaRequired(user.tenantId) : false,
    });
  }

  /** Opens a challenge for a user whose password was right; the token is shown once. */
  async challenge(user: UserWithRoles, purpose: ChallengePurpose, context: ChallengeContext): Promise<string> {
    const token = generateSecret(MFA_TOKEN_PREFIX);
    const now = this.deps.now();
    await createChallenge(this.deps.db, {
      tokenHash: this.hash(token),
      userId: user.id,
      purpose,
      boundTo: context.boundTo,
      clientIp: context.clientIp,
      userAgent: context.userAgent,
      now,
      expiresAt: new Date(now.getTime() + MFA_CHALLENGE_TTL_SECONDS * 1000),
    });
    return token;
  }

  /** The live challenge of a token and its user, re-read; 401 for anything else. */
  async challengeOf(token: string, purpose: ChallengePurpose, boundTo: string | null): Promise<{ challengeId: string; user: UserWithRoles }> {
    const challenge = token ? await findLiveChallenge(this.deps.db, this.hash(token), purpose, boundTo, this.deps.now()) : null;
    const user = challenge ? await findUserById(this.deps.db, challenge.userId) : null;
    if (!challenge || !user) throw unauthorized(INVALID_MFA_TOKEN);
    return { challengeId: challenge.id, user };
  }

  /** Spends a challenge (once; a second use is refused). */
  async spendChallenge(challengeId: string): Promise<void> {
    if (!(await consumeChallenge(this.deps.db, challengeId, this.deps.now()))) throw unauthorized(INVALID_MFA_TOKEN);
  }

  /** A new secret for the user (replacing a pending one); refused while a confirmed factor exists. */
  async beginEnrollment(user: UserWithRoles): Promise<{ otpauthUri: string; secret: string }> {
    const existing = await findFactor(this.deps.db, user.id);
    if (existing?.confirmedAt) throw conflict('TOTP is already enabled; disable it first');
    const secret = newTotpSecret();
    await savePendingFactor(this.deps.db, user.id, sealTotpSecret(this.key, user.id, secret));
    return { otpauthUri: otpauthUri(secret, user.email), secret };
  }

  /** The secret of a pending (unconfirmed) enrollment, to show it again; null when there is none. */
  async pendingEnrollment(user: UserWithRoles): Promise<{ otpauthUri: string; secret: string } | null> {
    const factor = await findFactor(this.deps.db, user.id);
    if (!factor || factor.confirmedAt) return null;
    const secret = openTotpSecret(this.key, user.id, factor.totpSecretEncrypted);
    return { otpauthUri: otpauthUri(secret, user.email), secret };
  }

  /** Activates the pending factor with a first code; the 10 recovery codes are shown once. */
  async confirmEnrollment(user: UserWithRoles, code: string, audit: AuditContext): Promise<string[]> {
    const factor = await findFactor(this.deps.db, user.id);
    if (!factor) throw notFound('Pending TOTP enrollment');
    if (factor.confirmedAt) throw conflict('TOTP is already enabled');
    await this.throttle(user);
    const now = this.deps.now();
    const step = matchTotp(openTotpSecret(this.key, user.id, factor.totpSecretEncrypted), code, now, factor.lastUsedStep);
    const codes = newRecoveryCodes();
    const confirmed =
      step !== null &&
      (await this.deps.db.$transaction(async (tx) => {
        if (!(await spendStep(tx, user.id, step, now))) return false;
        await replaceRecoveryCodes(tx, user.id, codes.map((recovery) => this.hash(normalizeRecoveryCode(recovery))));
        await this.deps.outbox.add(tx, mfaEnabledEvent(subjectOf(user), audit));
        return true;
      }));
    if (!confirmed) return this.fail(user, audit);
    this.deps.eventsWritten();
    return codes;
  }

  /** Removes the user's factor; needs a current code or a recovery code. */
  async disable(user: UserWithRoles, factor: SecondFactor, audit: AuditContext): Promise<void> {
    const existing = await findFactor(this.deps.db, user.id);
    if (!existing?.confirmedAt) throw notFound('TOTP');
    await this.verify(user, factor, audit);
    await this.deps.db.$transaction(async (tx) => {
      await deleteFactor(tx, user.id);
      await this.deps.outbox.add(tx, mfaDisabledEvent(subjectOf(user), audit));
    });
    this.deps.eventsWritten();
  }

  /**
   * Checks the second factor of a user with a confirmed TOTP: a code of the current step
   * (± 1) not used before, or an unused recovery code, which is spent. Throttled per
   * account like passwords; a wrong one is recorded as a failed login.
   */
  async verify(user: UserWithRoles, factor: SecondFactor, audit: AuditContext): Promise<void> {
    const code = factor.code?.trim() ?? '';
    const recovery = factor.recoveryCode?.trim() ?? '';
    if (!code === !recovery) {
      throw validationFailed([{ loc: ['body', 'code'], msg: 'Give either a code or a recovery code', type: 'value_error' }]);
    }
    await this.throttle(user);
    const existing = await findFactor(this.deps.db, user.id);
    if (!existing?.confirmedAt) return this.fail(user, audit);
    const now = this.deps.now();
    if (code) {
      const step = matchTotp(openTotpSecret(this.key, user.id, existing.totpSecretEncrypted), code, now, existing.lastUsedStep);
      if (step === null || !(await spendStep(this.deps.db, user.id, step, null))) return this.fail(user, audit);
      return;
    }
    const spent = await this.deps.db.$transaction(async (tx) => {
      if (!(await spendRecoveryCode(tx, user.id, this.hash(normalizeRecoveryCode(recovery)), now))) return false;
      await this.deps.outbox.add(tx, recoveryCodeUsedEvent(subjectOf(user), await unusedRecoveryCodes(tx, user.id), audit));
      return true;
    });
    if (!spent) return this.fail(user, audit);
    this.deps.eventsWritten();
  }

  private hash(secret: string): string {
    return keyedHash(this.deps.secrets.tokenPepper, secret);
  }

  private accountKey(user: UserWithRoles): AttemptKey {
    return { kind: 'account', key: user.email };
  }

  private windowStart(now: Date): Date {
    return new Date(now.getTime() - this.deps.config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000);
  }

  /** 429 once the account holds the allowed failures (passwords and codes alike). */
  private async throttle(user: UserWithRoles): Promise<void> {
    const { config, now: clock, db } = this.deps;
    const now = clock();
    const [failures] = await recentFailures(db, [this.accountKey(user)], this.windowStart(now));
    const decision = throttleDecision(failures, { maxFailures: config.LOGIN_MAX_FAILURES_PER_ACCOUNT, windowSeconds: config.LOGIN_THROTTLE_WINDOW_SECONDS }, now);
    if (decision.limited) throw rateLimited(decision.retryAfterSeconds);
  }

  private async fail(user: UserWithRoles, audit: AuditContext): Promise<never> {
    const now = this.deps.now();
    await this.deps.db.$transaction(async (tx) => {
      await recordFailure(tx, [this.accountKey(user)], now, this.windowStart(now));
      await this.deps.outbox.add(tx, mfaFailedEvent(subjectOf(user), audit));
    });
    this.deps.eventsWritten();
    throw unauthorized(INVALID_MFA_CODE);
  }
}
