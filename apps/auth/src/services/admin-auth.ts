import { errors as joseErrors, createLocalJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { AppError, forbidden, unauthorized } from '@scai/api';
import { ADMIN_ROLES, requireRole, type Caller } from '@scai/permissions';
import { ADMIN_CONSOLE_CLIENT_ID, apiAudience, platformIssuer, userAccessClaims } from '../domain/claims.ts';
import { refreshOutcome } from '../domain/refresh-rules.ts';
import { holdsAdminRole } from '../domain/roles.ts';
import { generateSecret, keyedHash } from '@scai/secrets';
import { REFRESH_TOKEN_PREFIX } from '../domain/secret-hash.ts';
import { loginFailedEvent, sessionCreatedEvent, sessionRevokedEvent, type AuditContext, type RevocationReason } from '../events/auth-events.ts';
import { SIGNING_ALGS } from '../keys/signing-keys.ts';
import { clearFailures } from '../store/login-attempts.ts';
import type { Tx } from '../store/prisma.ts';
import { createSessionToken, familyOwner, findSessionByTokenHash, markRotated, revokeFamily } from '../store/sessions.ts';
import { findUserById, normalizeEmail, userView, type UserView, type UserWithRoles } from '../store/users.ts';
import { Mfa } from '../mfa/mfa.ts';
import type { AuthDeps } from './deps.ts';
import { checkPassword } from './password-check.ts';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  sessionId: string;
}

/** The password was right but a second factor is needed first: no tokens yet. */
export interface MfaChallengeResult {
  mfaRequired: true;
  mfaToken: string;
  /** MFA is required but not set up: the token is an enrollment token. */
  mfaEnrollmentRequired: boolean;
}

export type LoginResult = (TokenPair & { user: UserView; mfaRequired?: false }) | MfaChallengeResult;

const INVALID_REFRESH = 'Invalid or expired refresh token';

/** Admin sign-in for the console: login, refresh-token rotation, logout, me. */
export class AdminAuth {
  constructor(
    private readonly deps: AuthDeps,
    private readonly mfa = new Mfa(deps),
  ) {}

  async login(input: { email: string; password: string; clientIp: string; userAgent: string }, audit: AuditContext): Promise<LoginResult> {
    const email = normalizeEmail(input.email);
    const user = await checkPassword(this.deps, { email, password: input.password, clientIp: input.clientIp || null }, audit);
    await this.ensurePermitted(user, audit);
    // With a second factor due, the account's failures stay until it is given (src/mfa/).
    const requirement = await this.mfa.requirementFor(user);
    if (requirement !== 'none') {
      const context = { boundTo: null, clientIp: input.clientIp || null, userAgent: input.userAgent || null };
      const mfaToken = await this.mfa.challenge(user, requirement === 'enroll' ? 'enrollment' : 'login', context);
      return { mfaRequired: true, mfaToken, mfaEnrollmentRequired: requirement === 'enroll' };
    }
    return this.issueSession(user, input, audit);
  }

  /** An active admin, else 403 (answered only after a correct password) with its `login.failed` event. */
  async ensurePermitted(user: UserWithRoles, audit: AuditContext): Promise<void> {
    const { db, now: clock } = this.deps;
    const email = user.email;
    const view = userView(user, clock());
    if (user.status !== 'ACTIVE' || !holdsAdminRole(view.roles)) {
      // Only now, after a correct password, may the answer differ from a wrong one.
      await db.$transaction((tx) =>
        this.deps.outbox.add(tx, loginFailedEvent({ email, userId: user.id, reason: 'not_permitted', tenantId: user.tenantId, partnerId: user.partnerId }, audit)),
      );
      this.deps.eventsWritten();
      throw forbidden(user.status === 'ACTIVE' ? 'This account has no admin role' : 'This account is not active');
    }
  }

  /** Starts a session for a permitted admin whose sign-in is complete (password, and second factor when due). */
  async issueSession(user: UserWithRoles, input: { clientIp: string; userAgent: string }, audit: AuditContext): Promise<TokenPair & { user: UserView }> {
    const { db, config, now: clock } = this.deps;
    const email = user.email;
    const now = clock();
    const view = userView(user, now);
    const refreshToken = generateSecret(REFRESH_TOKEN_PREFIX);
    const session = await db.$transaction(async (tx) => {
      await clearFailures(tx, { kind: 'account', key: email });
      const created = await createSessionToken(tx, {
        userId: user.id,
        tokenHash: keyedHash(this.deps.secrets.tokenPepper, refreshToken),
        expiresAt: this.refreshExpiry(now),
        clientIp: input.clientIp || null,
        userAgent: input.userAgent || null,
      });
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      await this.deps.outbox.add(
        tx,
        sessionCreatedEvent({ sessionId: created.familyId, userId: user.id, clientId: ADMIN_CONSOLE_CLIENT_ID, tenantId: user.tenantId, partnerId: user.partnerId }, audit),
      );
      return created;
    });
    this.deps.eventsWritten();
    const accessToken = await this.accessToken(view, session.familyId, now);
    return { accessToken, refreshToken, expiresIn: config.ADMIN_ACCESS_TOKEN_TTL_SECONDS, sessionId: session.familyId, user: { ...view, lastLoginAt: now } };
  }

  /**
   * Spends a refresh token and issues the next one of its family, with roles re-read.
   * A spent token presented again revokes the whole family (it was copied).
   */
  async refresh(input: { refreshToken: string; clientIp: string; userAgent: string }, audit: AuditContext): Promise<TokenPair> {
    const { db, now: clock } = this.deps;
    const now = clock();
    const presented = await findSessionByTokenHash(db, keyedHash(this.deps.secrets.tokenPepper, input.refreshToken));
    const outcome = refreshOutcome(presented, now);
    if (outcome === 'reject' || !presented) throw unauthorized(INVALID_REFRESH);
    if (outcome === 'revoke_family') {
      await this.revoke(presented.familyId, presented.user, 'refresh_token_reuse', audit);
      throw unauthorized(INVALID_REFRESH);
    }

    const view = userView(presented.user, now);
    if (presented.user.status !== 'ACTIVE' || !holdsAdminRole(view.roles)) {
      await this.revoke(presented.familyId, presented.user, 'user_inactive', audit);
      throw unauthorized(INVALID_REFRESH);
    }

    const refreshToken = generateSecret(REFRESH_TOKEN_PREFIX);
    const rotated = await db.$transaction(async (tx) => {
      if (!(await markRotated(tx, presented.id))) return false;
      await createSessionToken(tx, {
        familyId: presented.familyId,
        userId: presented.userId,
        tokenHash: keyedHash(this.deps.secrets.tokenPepper, refreshToken),
        expiresAt: this.refreshExpiry(now),
        clientIp: input.clientIp || null,
        userAgent: input.userAgent || null,
      });
      return true;
    });
    if (!rotated) {
      // Another request spent this token between our read and our write: a replay.
      await this.revoke(presented.familyId, presented.user, 'refresh_token_reuse', audit);
      throw unauthorized(INVALID_REFRESH);
    }
    const accessToken = await this.accessToken(view, presented.familyId, now);
    return { accessToken, refreshToken, expiresIn: this.deps.config.ADMIN_ACCESS_TOKEN_TTL_SECONDS, sessionId: presented.familyId };
  }

  /** Ends the session of a refresh token, or of an access token (verified here, even if expired). */
  async logout(input: { refreshToken?: string; accessToken?: string }, audit: AuditContext): Promise<{ revoked: boolean }> {
    let familyId: string | null = null;
    if (input.refreshToken) {
      const session = await findSessionByTokenHash(this.deps.db, keyedHash(this.deps.secrets.tokenPepper, input.refreshToken));
      if (!session) return { revoked: false };
      familyId = session.familyId;
    } else if (input.accessToken) {
      const payload = await this.verifyOwnToken(input.accessToken);
      familyId = typeof payload.sid === 'string' ? payload.sid : null;
      if (!familyId) throw unauthorized('The token has no session');
    } else {
      throw unauthorized('Authentication required');
    }
    const owner = await familyOwner(this.deps.db, familyId);
    if (!owner) return { revoked: false };
    const revoked = await this.revoke(familyId, { id: owner.userId, ...owner.user }, 'logout', audit);
    return { revoked: revoked > 0 };
  }

  async me(caller: Caller): Promise<UserView> {
    requireRole(caller, ADMIN_ROLES);
    const user = caller.kind === 'user' ? await findUserById(this.deps.db, caller.subject) : null;
    if (!user) throw new AppError('not_found', 'User not found');
    return userView(user, this.deps.now());
  }

  private refreshExpiry(now: Date): Date {
    return new Date(now.getTime() + this.deps.config.REFRESH_TOKEN_TTL_SECONDS * 1000);
  }

  private accessToken(user: UserView, sessionId: string, now: Date): Promise<string> {
    return this.deps.keys.sign(
      userAccessClaims({
        publicUrl: this.deps.config.PUBLIC_URL,
        now,
        ttlSeconds: this.deps.config.ADMIN_ACCESS_TOKEN_TTL_SECONDS,
        userId: user.id,
        email: user.email,
        tenantId: user.tenantId,
        partnerId: user.partnerId,
        roles: user.roles,
        permissions: user.permissions,
        clientId: ADMIN_CONSOLE_CLIENT_ID,
        sessionId,
      }),
    );
  }

  private async revoke(
    familyId: string,
    user: Pick<UserWithRoles, 'id' | 'tenantId' | 'partnerId'>,
    reason: RevocationReason,
    audit: AuditContext,
  ): Promise<number> {
    const revoked = await this.deps.db.$transaction(async (tx: Tx) => {
      const live = await revokeFamily(tx, familyId);
      if (live > 0) {
        await this.deps.outbox.add(tx, sessionRevokedEvent({ sessionId: familyId, userId: user.id, reason, tenantId: user.tenantId, partnerId: user.partnerId }, audit));
      }
      return live;
    });
    if (revoked > 0) this.deps.eventsWritten();
    return revoked;
  }

  /** Signature, issuer and audience of one of our tokens; an expired one is still good enough to end its session. */
  private async verifyOwnToken(token: string): Promise<JWTPayload> {
    const jwks = createLocalJWKSet(await this.deps.keys.jwks());
    const options = { algorithms: [...SIGNING_ALGS], issuer: platformIssuer(this.deps.config.PUBLIC_URL), audience: apiAudience(this.deps.config.PUBLIC_URL) };
    try {
      return (await jwtVerify(token, jwks, options)).payload;
    } catch (error) {
      // Claims are checked only after the signature, so an expired token's payload is genuine.
      if (error instanceof joseErrors.JWTExpired) return error.payload;
      throw unauthorized('Invalid token');
    }
  }
}
