import type { ValidationIssue } from '@scai/api';
import { passwordProblems, PLATFORM_PASSWORD_POLICY, type PasswordPolicy } from '../domain/password-policy.ts';
import type { OrgDirectory } from './org-directory.ts';

/** The policy a user's password must meet: its tenant's (read from the partners app), else the platform's. */
export async function policyFor(orgs: OrgDirectory, tenantId: string | null): Promise<PasswordPolicy> {
  if (!tenantId) return PLATFORM_PASSWORD_POLICY;
  const tenant = await orgs.tenant(tenantId);
  return tenant?.passwordPolicy ?? PLATFORM_PASSWORD_POLICY;
}

/** The 422 issue for a password that breaks its policy or is a breached one. */
export async function passwordIssues(orgs: OrgDirectory, input: { tenantId: string | null; password: string; email: string }, loc: (string | number)[]): Promise<ValidationIssue[]> {
  const problems = passwordProblems(input.password, await policyFor(orgs, input.tenantId), { email: input.email });
  // One issue for the field (as for any other field), naming every rule it breaks.
  return problems.length ? [{ loc, msg: `Password ${problems.join('; ')}`, type: 'value_error.password' }] : [];
}
