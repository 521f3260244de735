import type { IssueList } from '@scai/api';

// Type aliases, not interfaces: they are stored as Prisma JSON, which wants an index signature.
export type PasswordPolicy = {
  min_length: number;
  require_uppercase: boolean;
  require_lowercase: boolean;
  require_digit: boolean;
  require_symbol: boolean;
};

/** A tenant's effective settings, stored as JSON with every default filled in. */
export type TenantSettings = {
  mfa_required: boolean;
  password_policy: PasswordPolicy;
  session_timeout_minutes: number;
};

export interface TenantSettingsPatch {
  mfa_required?: boolean;
  password_policy?: Partial<PasswordPolicy>;
  session_timeout_minutes?: number;
}

export const DEFAULT_TENANT_SETTINGS: TenantSettings = {
  mfa_required: false,
  password_policy: {
    min_length: 12,
    require_uppercase: false,
    require_lowercase: false,
    require_digit: false,
    require_symbol: false,
  },
  session_timeout_minutes: 480,
};

export const PASSWORD_MIN_LENGTH = { min: 8, max: 128 };
/** Five minutes to thirty days. */
export const SESSION_TIMEOUT_MINUTES = { min: 5, max: 43_200 };

function checkRange(issues: IssueList, loc: string[], value: number | undefined, range: { min: number; max: number }): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    issues.add(loc, `must be an integer from ${range.min} to ${range.max}`, 'value_error.number');
  }
}

/**
 * Merges a settings patch over the current settings (or the defaults) and checks the
 * result; stored JSON from an older shape is completed with today's defaults.
 */
export function mergeTenantSettings(issues: IssueList, current: unknown, patch: TenantSettingsPatch | undefined): TenantSettings {
  const base = readTenantSettings(current);
  if (!patch) return base;
  checkRange(issues, ['settings', 'password_policy', 'min_length'], patch.password_policy?.min_length, PASSWORD_MIN_LENGTH);
  checkRange(issues, ['settings', 'session_timeout_minutes'], patch.session_timeout_minutes, SESSION_TIMEOUT_MINUTES);
  return {
    mfa_required: patch.mfa_required ?? base.mfa_required,
    password_policy: { ...base.password_policy, ...definedOnly(patch.password_policy ?? {}) },
    session_timeout_minutes: patch.session_timeout_minutes ?? base.session_timeout_minutes,
  };
}

/** Settings as stored (JSON), completed with defaults where a key is missing or of another type. */
export function readTenantSettings(stored: unknown): TenantSettings {
  const s = isObject(stored) ? stored : {};
  const p = isObject(s.password_policy) ? s.password_policy : {};
  const d = DEFAULT_TENANT_SETTINGS;
  return {
    mfa_required: typeof s.mfa_required === 'boolean' ? s.mfa_required : d.mfa_required,
    password_policy: {
      min_length: typeof p.min_length === 'number' ? p.min_length : d.password_policy.min_length,
      require_uppercase: typeof p.require_uppercase === 'boolean' ? p.require_uppercase : d.password_policy.require_uppercase,
      require_lowercase: typeof p.require_lowercase === 'boolean' ? p.require_lowercase : d.password_policy.require_lowercase,
      require_digit: typeof p.require_digit === 'boolean' ? p.require_digit : d.password_policy.require_digit,
      require_symbol: typeof p.require_symbol === 'boolean' ? p.require_symbol : d.password_policy.require_symbol,
    },
    session_timeout_minutes: typeof s.session_timeout_minutes === 'number' ? s.session_timeout_minutes : d.session_timeout_minutes,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
