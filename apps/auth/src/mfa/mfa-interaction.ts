import { AppError } from '@scai/api';
import type { AuditContext } from '../events/auth-events.ts';
import { messagePage } from '../oidc/pages.ts';
import type { UserWithRoles } from '../store/users.ts';
import type { Mfa } from './mfa.ts';
import type { MfaRequirement } from './mfa-rules.ts';
import { enrollPage, recoveryCodesPage, totpPage } from './mfa-pages.ts';
import { normalizeTotpCode } from './totp.ts';

/** One sign-in page flow's second step: where its forms post, what it is bound to, who may finish it. */
export interface MfaStepContext {
  mfa: Mfa;
  brand: string;
  clientName: string;
  /** `{issuer path}/interaction/{uid}/mfa`; the step forms post below it. */
  action: string;
  /** The issuer and interaction: a token of one flow is no use in another. */
  boundTo: string;
  clientIp: string | null;
  userAgent: string | null;
  audit: AuditContext;
  /** Who may sign in at this issuer (re-checked when the step completes). */
  accepts: (user: UserWithRoles) => boolean;
}

/** A page to answer, or the user whose sign-in is complete. */
export type StepOutcome = { status: number; html: string; retryAfter?: string } | { user: UserWithRoles };

const expired = (ctx: MfaStepContext): StepOutcome => ({
  status: 400,
  html: messagePage('Sign-in expired', ctx.brand, 'This sign-in has expired. Go back to the application and try again.'),
});

/** After a correct password: the code page, or the enrollment page when MFA is required but not set up. */
export async function startMfaStep(ctx: MfaStepContext, user: UserWithRoles, requirement: Exclude<MfaRequirement, 'none'>): Promise<StepOutcome> {
  const context = { boundTo: ctx.boundTo, clientIp: ctx.clientIp, userAgent: ctx.userAgent };
  if (requirement === 'verify') {
    const mfaToken = await ctx.mfa.challenge(user, 'login', context);
    return { status: 200, html: totpPage({ brand: ctx.brand, action: ctx.action, clientName: ctx.clientName, mfaToken }) };
  }
  const mfaToken = await ctx.mfa.challenge(user, 'enrollment', context);
  const { secret, otpauthUri } = await ctx.mfa.beginEnrollment(user);
  return { status: 200, html: enrollPage({ brand: ctx.brand, action: `${ctx.action}/enroll`, clientName: ctx.clientName, mfaToken, secret, otpauthUri }) };
}

/** A wrong, replayed or throttled code: the same page again with the reason. */
function retry(error: unknown, render: (message: string) => string): StepOutcome {
  if (!(error instanceof AppError)) throw error;
  if (error.code === 'rate_limited') {
    return { status: 429, html: render('Too many failed attempts. Try again later.'), retryAfter: error.headers?.['retry-after'] ?? '60' };
  }
  if (error.code === 'unauthorized' || error.code === 'validation_error') return { status: 401, html: render('That code is not valid. Try again.') };
  throw error;
}

/** The code page's form: a TOTP code (6 digits) or a recovery code. */
export async function verifyStep(ctx: MfaStepContext, mfaToken: string, code: string): Promise<StepOutcome> {
  const found = await ctx.mfa.challengeOf(mfaToken, 'login', ctx.boundTo).catch(() => null);
  if (!found || !ctx.accepts(found.user)) return expired(ctx);
  try {
    await ctx.mfa.verify(found.user, normalizeTotpCode(code) ? { code } : { recoveryCode: code }, ctx.audit);
  } catch (error) {
    return retry(error, (message) => totpPage({ brand: ctx.brand, action: ctx.action, clientName: ctx.clientName, mfaToken, error: message }));
  }
  await ctx.mfa.spendChallenge(found.challengeId);
  return { user: found.user };
}

/** The enrollment page's form: the first code turns TOTP on; the recovery codes are shown next. */
export async function enrollStep(ctx: MfaStepContext, mfaToken: string, code: string): Promise<StepOutcome> {
  const found = await ctx.mfa.challengeOf(mfaToken, 'enrollment', ctx.boundTo).catch(() => null);
  if (!found || !ctx.accepts(found.user)) return expired(ctx);
  let codes: string[];
  try {
    codes = await ctx.mfa.confirmEnrollment(found.user, code, ctx.audit);
  } catch (error) {
    const pending = await ctx.mfa.pendingEnrollment(found.user);
    if (!pending) return expired(ctx);
    const render = (message: string) =>
      enrollPage({ brand: ctx.brand, action: `${ctx.action}/enroll`, clientName: ctx.clientName, mfaToken, ...pending, error: message });
    return retry(error, render);
  }
  await ctx.mfa.spendChallenge(found.challengeId);
  const next = await ctx.mfa.challenge(found.user, 'signed_in', { boundTo: ctx.boundTo, clientIp: ctx.clientIp, userAgent: ctx.userAgent });
  return { status: 200, html: recoveryCodesPage({ brand: ctx.brand, action: `${ctx.action}/continue`, mfaToken: next, codes }) };
}

/** "Continue" after the recovery codes were shown: the sign-in completes. */
export async function continueStep(ctx: MfaStepContext, mfaToken: string): Promise<StepOutcome> {
  const found = await ctx.mfa.challengeOf(mfaToken, 'signed_in', ctx.boundTo).catch(() => null);
  if (!found || !ctx.accepts(found.user)) return expired(ctx);
  await ctx.mfa.spendChallenge(found.challengeId);
  return { user: found.user };
}
