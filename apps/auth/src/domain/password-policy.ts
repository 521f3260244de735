import { dictionary } from '@zxcvbn-ts/language-common';

/** A tenant's rules for people's passwords (the partners app's `settings.password_policy`). */
export interface PasswordPolicy {
  minLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireDigit: boolean;
  requireSymbol: boolean;
}

/** For people without a tenant (platform and partner staff), and tenants whose policy is unknown. */
export const PLATFORM_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 12,
  requireUppercase: false,
  requireLowercase: false,
  requireDigit: false,
  requireSymbol: false,
};

/** Longer inputs are refused: argon2 would hash them, but nobody types 256 characters. */
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | null = null;

/**
 * Whether a password is one of the ~49,000 most common ones: the ranked list the
 * zxcvbn-ts project ships (`@zxcvbn-ts/language-common`, MIT; compiled from public breach
 * corpora). Compared case-insensitively, so `Password123` counts as `password123`.
 */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary['passwords-common']);
  return common.has(password.toLowerCase());
}

/** Every rule a password breaks, as messages for a 422 (empty: acceptable). */
export function passwordProblems(password: string, policy: PasswordPolicy, context: { email?: string } = {}): string[] {
  const problems: string[] = [];
  const minLength = Math.max(policy.minLength, 8);
  if ([...password].length < minLength) problems.push(`must have at least ${minLength} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) problems.push(`must have at most ${MAX_PASSWORD_LENGTH} characters`);
  if (policy.requireUppercase && !/\p{Lu}/u.test(password)) problems.push('must contain an uppercase letter');
  if (policy.requireLowercase && !/\p{Ll}/u.test(password)) problems.push('must contain a lowercase letter');
  if (policy.requireDigit && !/\p{Nd}/u.test(password)) problems.push('must contain a digit');
  if (policy.requireSymbol && !/[^\p{L}\p{Nd}]/u.test(password)) problems.push('must contain a symbol');
  if (isCommonPassword(password)) problems.push('is too common (it appears in lists of breached passwords)');
  const email = context.email?.toLowerCase();
  if (email && (password.toLowerCase() === email || password.toLowerCase() === email.split('@')[0])) problems.push('must not be your e-mail address');
  return problems;
}
