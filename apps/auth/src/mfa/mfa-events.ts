import { createEvent, type CloudEvent } from '@scai/events';
import type { AuditContext } from '../events/auth-events.ts';

const SOURCE = '/apps/auth';

interface Subject {
  userId: string;
  email: string;
  tenantId: string | null;
  partnerId: string | null;
}

function auditData(audit: AuditContext) {
  return { actor: audit.actor, client_ip: audit.clientIp, user_agent: audit.userAgent ?? null, request_id: audit.requestId };
}

function mfaEvent(type: string, user: Subject, audit: AuditContext, data: Record<string, unknown> = {}): CloudEvent {
  return createEvent({
    source: SOURCE,
    type,
    subject: user.userId,
    tenantId: user.tenantId,
    partnerId: user.partnerId,
    data: { user_id: user.userId, email: user.email, ...data, ...auditData(audit) },
  });
}

/** `scai.auth.mfa.enabled`: a TOTP factor was confirmed. */
export const mfaEnabledEvent = (user: Subject, audit: AuditContext) => mfaEvent('scai.auth.mfa.enabled', user, audit, { method: 'totp' });

/** `scai.auth.mfa.disabled`: the user removed their factor. */
export const mfaDisabledEvent = (user: Subject, audit: AuditContext) => mfaEvent('scai.auth.mfa.disabled', user, audit, { method: 'totp' });

/** `scai.auth.mfa.recovery_code_used`, with how many are left. */
export const recoveryCodeUsedEvent = (user: Subject, remaining: number, audit: AuditContext) =>
  mfaEvent('scai.auth.mfa.recovery_code_used', user, audit, { remaining });

/** A wrong second factor is a failed login (`scai.auth.login.failed`, reason `invalid_mfa_code`). */
export const mfaFailedEvent = (user: Subject, audit: AuditContext) =>
  mfaEvent('scai.auth.login.failed', user, audit, { reason: 'invalid_mfa_code' });
