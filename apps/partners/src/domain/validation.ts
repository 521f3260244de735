import type { IssueList } from '@scai/api';


const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return value.length <= 254 && EMAIL.test(value);
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/** A required display text: trimmed, not blank, at most `max` characters. */
export function checkText(issues: IssueList, loc: string[], value: string | undefined, max: number): void {
  if (value === undefined) return;
  if (value.trim().length === 0) issues.add(loc, 'must not be blank', 'string_too_short');
  else if (value.length > max) issues.add(loc, `must be at most ${max} characters`, 'string_too_long');
}

export function checkEmail(issues: IssueList, loc: string[], value: string | undefined): void {
  if (value !== undefined && !isEmail(value)) issues.add(loc, 'must be an e-mail address', 'value_error.email');
}

export function checkLimit(issues: IssueList, loc: string[], value: number | undefined, max = 1_000_000): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < 0 || value > max) {
    issues.add(loc, `must be an integer from 0 to ${max}`, 'value_error.number');
  }
}
