import { createEvent, type CloudEvent } from '@scai/events';
import { auditData, type AuditContext } from './auth-events.ts';

const SOURCE = '/apps/auth';

/** Whose tenant an OpenID event belongs to (the issuer's tenant, the user's or the client's). */
export interface OidcOwner {
  tenantId: string | null;
  partnerId: string | null;
}

/** The audit fields every OpenID event carries; `issuer` is always set for these. */
export type OidcAudit = AuditContext & { issuer: string };

function oidcEvent(type: string, subject: string | undefined, owner: OidcOwner, data: Record<string, unknown>, audit: OidcAudit): CloudEvent {
  return createEvent({
    source: SOURCE,
    type,
    subject,
    tenantId: owner.tenantId,
    partnerId: owner.partnerId,
    data: { tenant_id: owner.tenantId, partner_id: owner.partnerId, ...data, ...auditData(audit) },
  });
}

export type SignInMethod = 'password' | 'password+totp';

/** `scai.auth.signin.succeeded`: a person signed in on an issuer's sign-in pages. */
export const signInSucceededEvent = (signIn: { userId: string; email: string; clientId: string; method: SignInMethod } & OidcOwner, audit: OidcAudit) =>
  oidcEvent('scai.auth.signin.succeeded', signIn.userId, signIn, { user_id: signIn.userId, email: signIn.email, client_id: signIn.clientId, method: signIn.method }, audit);

/**
 * `scai.auth.token.granted`: the token endpoint answered tokens. Ids only: `grant_id` and
 * `token_id` (the jti of a JWT access token; null for opaque ones, whose id is the token).
 */
export const tokenGrantedEvent = (
  grant: { grantType: string; clientId: string; subject: string | null; scope: string | null; grantId: string | null; tokenId: string | null } & OidcOwner,
  audit: OidcAudit,
) =>
  oidcEvent(
    'scai.auth.token.granted',
    grant.subject ?? grant.clientId,
    grant,
    { grant_type: grant.grantType, client_id: grant.clientId, subject: grant.subject, scope: grant.scope, grant_id: grant.grantId, token_id: grant.tokenId },
    audit,
  );

/** `scai.auth.token.failed`: a token, revocation or introspection request was refused (bad client authentication, invalid grant …). */
export const tokenFailedEvent = (failure: { endpoint: string; grantType: string | null; clientId: string | null; error: string; description: string | null } & OidcOwner, audit: OidcAudit) =>
  oidcEvent(
    'scai.auth.token.failed',
    failure.clientId ?? undefined,
    failure,
    { endpoint: failure.endpoint, grant_type: failure.grantType, client_id: failure.clientId, error: failure.error, error_description: failure.description },
    audit,
  );

/** `scai.auth.token.reuse_detected`: a spent refresh token was presented again; its grant (every token of it) is revoked. */
export const tokenReuseDetectedEvent = (reuse: { clientId: string; subject: string | null; grantId: string } & OidcOwner, audit: OidcAudit) =>
  oidcEvent('scai.auth.token.reuse_detected', reuse.grantId, reuse, { client_id: reuse.clientId, subject: reuse.subject, grant_id: reuse.grantId }, audit);

export type RevokedTokenType = 'access_token' | 'refresh_token' | 'client_credentials';

/** `scai.auth.token.revoked`: a client revoked a token at the revocation endpoint (RFC 7009). */
export const tokenRevokedEvent = (
  revocation: { tokenType: RevokedTokenType; clientId: string; subject: string | null; grantId: string | null; tokenId: string | null } & OidcOwner,
  audit: OidcAudit,
) =>
  oidcEvent(
    'scai.auth.token.revoked',
    revocation.grantId ?? revocation.clientId,
    revocation,
    { token_type: revocation.tokenType, client_id: revocation.clientId, subject: revocation.subject, grant_id: revocation.grantId, token_id: revocation.tokenId },
    audit,
  );

/** `scai.auth.session.ended`: RP-initiated logout; `scope` `all` signed out of every client, `client` only of the one that asked. */
export const sessionEndedEvent = (end: { userId: string | null; clientId: string | null; scope: 'all' | 'client' } & OidcOwner, audit: OidcAudit) =>
  oidcEvent('scai.auth.session.ended', end.userId ?? undefined, end, { user_id: end.userId, client_id: end.clientId, scope: end.scope }, audit);

/**
 * `scai.auth.access_tokens.revoked`: access tokens that must be refused before they
 * expire (revoked at the revocation endpoint, or their grant revoked). The gateway keeps
 * each `jti` until its `expires_at`.
 */
export const accessTokensRevokedEvent = (issuer: string, tokens: { jti: string; expiresAt: Date | null }[], grantId: string | null) =>
  createEvent({
    source: SOURCE,
    type: 'scai.auth.access_tokens.revoked',
    subject: grantId ?? tokens[0]?.jti,
    data: {
      issuer,
      grant_id: grantId,
      tokens: tokens.map((token) => ({ jti: token.jti, expires_at: token.expiresAt?.toISOString() ?? null })),
    },
  });
