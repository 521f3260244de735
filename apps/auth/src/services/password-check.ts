import { rateLimited, unauthorized } from '@scai/api';
import { verifyPassword } from '../domain/password.ts';
import { combineDecisions, throttleDecision } from '../domain/throttle.ts';
import { loginFailedEvent, type AuditContext } from '../events/auth-events.ts';
import { clearFailures, recentFailures, recordFailure, type AttemptKey } from '../store/login-attempts.ts';
import { findUserByEmail, normalizeEmail, type UserWithRoles } from '../store/users.ts';
import type { AuthDeps } from './deps.ts';

export const INVALID_CREDENTIALS = 'Invalid email or password';

/**
 * A person's e-mail and password, checked the one way every sign-in uses (admin console
 * and OpenID sign-in pages): throttled per account and client address (429 with
 * Retry-After), argon2id against the stored hash (or a dummy one for unknown e-mails, so
 * both cost the same), a failure recorded with its `login.failed` event. `accepts`
 * narrows who may sign in here (a tenant issuer's own users); someone it refuses gets the
 * same answer as a wrong password.
 */
export async function checkPassword(
  deps: AuthDeps,
  input: { email: string; password: string; clientIp: string | null; accepts?: (user: UserWithRoles) => boolean },
  audit: AuditContext,
): Promise<UserWithRoles> {
  const { db, config, now: clock } = deps;
  const email = normalizeEmail(input.email);
  const now = clock();
  const windowStart = new Date(now.getTime() - config.LOGIN_THROTTLE_WINDOW_SECONDS * 1000);
  const keys: AttemptKey[] = [{ kind: 'account', key: email }];
  if (input.clientIp) keys.push({ kind: 'address', key: input.clientIp });

  const [accountFailures, addressFailures = []] = await recentFailures(db, keys, windowStart);
  const throttle = combineDecisions([
    throttleDecision(accountFailures, { maxFailures: config.LOGIN_MAX_FAILURES_PER_ACCOUNT, windowSeconds: config.LOGIN_THROTTLE_WINDOW_SECONDS }, now),
    throttleDecision(addressFailures, { maxFailures: config.LOGIN_MAX_FAILURES_PER_ADDRESS, windowSeconds: config.LOGIN_THROTTLE_WINDOW_SECONDS }, now),
  ]);
  if (throttle.limited) throw rateLimited(throttle.retryAfterSeconds);

  const found = await findUserByEmail(db, email);
  const user = found && (input.accepts ?? (() => true))(found) ? found : null;
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordOk) {
    await db.$transaction(async (tx) => {
      await recordFailure(tx, keys, now, windowStart);
      await deps.outbox.add(
        tx,
        loginFailedEvent({ email, userId: user?.id ?? null, reason: 'invalid_credentials', tenantId: user?.tenantId ?? null, partnerId: user?.partnerId ?? null }, audit),
      );
    });
    deps.eventsWritten();
    throw unauthorized(INVALID_CREDENTIALS);
  }
  return user;
}

/** After a successful sign-in: the account's failures are forgotten and the time recorded. */
export async function recordSignIn(deps: AuthDeps, user: UserWithRoles): Promise<void> {
  await deps.db.$transaction(async (tx) => {
    await clearFailures(tx, { kind: 'account', key: user.email });
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: deps.now() } });
  });
}
