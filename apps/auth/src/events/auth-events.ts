import { createEvent, type CloudEvent } from '@scai/events';
import type { Caller } from '@scai/permissions';

const SOURCE = '/apps/auth';

/** Who did it and from where: what the audit log needs beside the change itself. */
export interface AuditContext {
  actor: { subject: string; kind: 'user' | 'service' | 'anonymous'; email?: string | null };
  clientIp: string | null;
  userAgent?: string | null;
  requestId: string;
  /** The OpenID issuer the request came through (sign-in pages); absent for the admin API. */
  issuer?: string;
}

export function auditOf(caller: Caller | null, requestId: string, clientIp: string | null = null, userAgent: string | null = null): AuditContext {
  return {
    actor: caller ? { subject: caller.subject, kind: caller.kind, email: caller.email ?? null } : { subject: 'anonymous', kind: 'anonymous' },
    clientIp,
    userAgent,
    requestId,
  };
}

export function auditData(audit: AuditContext) {
  return {
    actor: audit.actor,
    client_ip: audit.clientIp,
    user_agent: audit.userAgent ?? null,
    request_id: audit.requestId,
    ...(audit.issuer === undefined ? {} : { issuer: audit.issuer }),
  };
}

interface Owner {
  tenantId: string | null;
  partnerId: string | null;
}

export function userCreatedEvent(user: { id: string; email: string; displayName: string; roles: string[] } & Owner, audit: AuditContext): CloudEvent {
  return createEvent({
    source: SOURCE,
    type: 'scai.auth.user.created',
    subject: user.id,
    tenantId: user.tenantId,
    partnerId: user.partnerId,
    data: {
      user_id: user.id,
      email: user.email,
      display_name: user.displayName,
      tenant_id: user.tenantId,
      partner_id: user.partnerId,
      roles: user.roles,
      ...auditData(audit),
    },
  });
}

export function sessionCreatedEvent(session: { sessionId: string; userId: string; clientId: string } & Owner, audit: AuditContext): CloudEvent {
  return createEvent({
    source: SOURCE,
    type: 'scai.auth.session.created',
    subject: session.sessionId,
    tenantId: session.tenantId,
    partnerId: session.partnerId,
    data: { session_id: session.sessionId, user_id: session.userId, client_id: session.clientId, ...auditData(audit) },
  });
}

export type RevocationReason = 'logout' | 'refresh_token_reuse' | 'user_inactive';

export function sessionRevokedEvent(session: { sessionId: string; userId: string; reason: RevocationReason } & Owner, audit: AuditContext): CloudEvent {
  return createEvent({
    source: SOURCE,
    type: 'scai.auth.session.revoked',
    subject: session.sessionId,
    tenantId: session.tenantId,
    partnerId: session.partnerId,
    data: { session_id: session.sessionId, user_id: session.userId, reason: session.reason, ...auditData(audit) },
  });
}

export type LoginFailureReason = 'invalid_credentials' | 'not_permitted';

/** The e-mail as typed is kept for the audit trail; `user_id` only when it names an account. */
export function loginFailedEvent(attempt: { email: string; userId: string | null; reason: LoginFailureReason } & Owner, audit: AuditContext): CloudEvent {
  return createEvent({
    source: SOURCE,
    type: 'scai.auth.login.failed',
    subject: attempt.userId ?? undefined,
    tenantId: attempt.tenantId,
    partnerId: attempt.partnerId,
    data: { email: attempt.email, user_id: attempt.userId, reason: attempt.reason, ...auditData(audit) },
  });
}

export function applicationCreatedEvent(
  app: { id: string; clientId: string; name: string; applicationType: string; scope: string; registrationRequestId: string | null } & Owner,
  audit: AuditContext,
): CloudEvent {
  return createEvent({
    source: SOURCE,
    type: 'scai.auth.application.created',
    subject: app.id,
    tenantId: app.tenantId,
    partnerId: app.partnerId,
    data: {
      application_id: app.id,
      client_id: app.clientId,
      name: app.name,
      application_type: app.applicationType,
      scope: app.scope,
      tenant_id: app.tenantId,
      partner_id: app.partnerId,
      registration_request_id: app.registrationRequestId,
      ...auditData(audit),
    },
  });
}

/**
 * A confidential application got a new secret. `previous_secret_expires_at`: until then
 * the old one still works (admin rotation with a grace period); null: it stopped at once.
 */
export function applicationSecretRotatedEvent(
  app: { id: string; clientId: string; previousSecretExpiresAt?: Date | null } & Owner,
  audit: AuditContext,
): CloudEvent {
  return createEvent({
    source: SOURCE,
    type: 'scai.auth.application.secret_rotated',
    subject: app.id,
    tenantId: app.tenantId,
    partnerId: app.partnerId,
    data: {
      application_id: app.id,
      client_id: app.clientId,
      previous_secret_expires_at: app.previousSecretExpiresAt?.toISOString() ?? null,
      ...auditData(audit),
    },
  });
}

/** What the audit log keeps of an application (never a secret or its hash). */
export interface ApplicationSnapshot {
  name: string;
  description: string | null;
  redirect_uris: string[];
  post_logout_redirect_uris: string[];
  allowed_origins: string[];
  allowed_scopes: string[];
  token_lifetime: number;
  status: string;
}

export function applicationSnapshot(app: {
  name: string;
  description: string | null;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  allowedOrigins: string[];
  allowedScopes: string[];
  tokenLifetime: number;
  status: string;
}): ApplicationSnapshot {
  return {
    name: app.name,
    description: app.description,
    redirect_uris: [...app.redirectUris],
    post_logout_redirect_uris: [...app.postLogoutRedirectUris],
    allowed_origins: [...app.allowedOrigins],
    allowed_scopes: [...app.allowedScopes],
    token_lifetime: app.tokenLifetime,
    status: app.status,
  };
}

export function applicationUpdatedEvent(app: { id: string; clientId: string } & Owner, before: ApplicationSnapshot, after: ApplicationSnapshot, audit: AuditContext): CloudEvent {
  return createEvent({
    source: SOURCE,
    type: 'scai.auth.application.updated',
    subject: app.id,
    tenantId: app.tenantId,
    partnerId: app.partnerId,
    data: { application_id: app.id, client_id: app.clientId, tenant_id: app.tenantId, partner_id: app.partnerId, before, after, ...auditData(audit) },
  });
}

/** The application answers invalid_client from now on; `revoked_artefacts` counts the OAuth artefacts removed (grants, refresh and access tokens, codes). */
export function applicationDisabledEvent(app: { id: string; clientId: string } & Owner, at: Date, revokedArtefacts: number, audit: AuditContext): CloudEvent {
  return createEvent({
    source: SOURCE,
    type: 'scai.auth.application.disabled',
    subject: app.id,
    tenantId: app.tenantId,
    partnerId: app.partnerId,
    data: {
      application_id: app.id,
      client_id: app.clientId,
      tenant_id: app.tenantId,
      partner_id: app.partnerId,
      disabled_at: at.toISOString(),
      revoked_artefacts: revokedArtefacts,
      ...auditData(audit),
    },
  });
}
