import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '@scai/events';
import Provider, { type AccessToken, type ClientCredentials, type errors, type KoaContextWithOIDC, type RefreshToken } from 'oidc-provider';

type AnyToken = AccessToken | ClientCredentials | RefreshToken;
import {
  sessionEndedEvent,
  tokenFailedEvent,
  tokenGrantedEvent,
  tokenReuseDetectedEvent,
  tokenRevokedEvent,
  type OidcAudit,
  type OidcOwner,
  type RevokedTokenType,
} from '../events/oidc-events.ts';
import type { Db } from '../store/prisma.ts';
import { findUserById } from '../store/users.ts';
import type { IssuerInfo } from './issuer.ts';

/** Where the provider's audit events go: the outbox, written outside any transaction of ours. */
export interface AuditSink {
  db: Db;
  /** Writes one event to the outbox (and nudges the relay). */
  write(event: CloudEvent): Promise<void>;
  /** An event that could not be written: logged, never allowed to break the response. */
  onError(error: unknown, type: string): void;
}

/** The client's address as the gateway saw it: the last X-Forwarded-For entry, else the peer (as `clientAddress` in interactions.ts). */
export function koaClientAddress(ctx: KoaContextWithOIDC): string | null {
  const list = ctx
    .get('x-forwarded-for')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return list.at(-1) ?? ctx.req.socket.remoteAddress ?? null;
}

/** Who acted and from where, as the token endpoints see it: the authenticated client, else anonymous. */
function auditOfCtx(ctx: KoaContextWithOIDC, issuer: string): OidcAudit {
  const clientId = ctx.oidc?.client?.clientId;
  return {
    actor: clientId ? { subject: clientId, kind: 'service' } : { subject: 'anonymous', kind: 'anonymous' },
    clientIp: koaClientAddress(ctx),
    userAgent: ctx.get('user-agent') || null,
    requestId: ctx.get('x-request-id') || randomUUID(),
    issuer,
  };
}

/** The jti of a JWT access token; null for an opaque one, whose jti is the token itself. */
function jwtId(token: AnyToken | undefined): string | null {
  const format = (token as { resourceServer?: { accessTokenFormat?: string } } | undefined)?.resourceServer?.accessTokenFormat;
  return token && format === 'jwt' ? token.jti : null;
}

function clientOwner(ctx: KoaContextWithOIDC): OidcOwner {
  const client = (ctx.oidc?.client ?? {}) as { tenant_id?: string | null; partner_id?: string | null };
  return { tenantId: client.tenant_id ?? null, partnerId: client.partner_id ?? null };
}

/**
 * Publishes the audit trail of one issuer's provider from oidc-provider's events: token
 * grants, refused token/revocation/introspection requests, refresh token reuse,
 * revocations and RP-initiated logout (sign-ins are published by the sign-in pages).
 * Events hold ids only, never a token, code or secret. Listeners run synchronously inside
 * the request: the write is started and not awaited, and a failure is only logged.
 */
export function wireAudit(provider: Provider, info: IssuerInfo, sink: AuditSink): void {
  const { owner, issuer } = info;

  /** The tenant an event belongs to: the issuer's; on the platform issuer the user's, else the client's. */
  const ownerOf = async (ctx: KoaContextWithOIDC, accountId: string | null | undefined): Promise<OidcOwner> => {
    if (owner.kind === 'tenant') return { tenantId: owner.tenant.id, partnerId: owner.tenant.partnerId };
    if (accountId) {
      const user = await findUserById(sink.db, accountId);
      if (user) return { tenantId: user.tenantId, partnerId: user.partnerId };
    }
    return clientOwner(ctx);
  };

  const publish = (type: string, build: () => Promise<CloudEvent>) => {
    void build()
      .then((event) => sink.write(event))
      .catch((error: unknown) => sink.onError(error, type));
  };

  provider.on('grant.success', (ctx: KoaContextWithOIDC) => {
    const audit = auditOfCtx(ctx, issuer);
    const { entities, params, client } = ctx.oidc;
    const token = (entities.AccessToken ?? entities.ClientCredentials) as AccessToken | ClientCredentials | undefined;
    const accountId = entities.Account?.accountId ?? null;
    const body = (ctx.body ?? {}) as { scope?: unknown };
    publish('scai.auth.token.granted', async () =>
      tokenGrantedEvent(
        {
          grantType: String(params?.grant_type ?? ''),
          clientId: client?.clientId ?? '',
          subject: accountId,
          scope: typeof body.scope === 'string' ? body.scope : null,
          grantId: entities.Grant?.jti ?? (token as { grantId?: string } | undefined)?.grantId ?? null,
          tokenId: jwtId(token),
          ...(await ownerOf(ctx, accountId)),
        },
        audit,
      ),
    );
  });

  const failed = (endpoint: 'token' | 'revocation' | 'introspection') => (ctx: KoaContextWithOIDC, error: errors.OIDCProviderError) => {
    const audit = auditOfCtx(ctx, issuer);
    // The client as it named itself when its authentication failed (no client is set then).
    const named = ctx.oidc?.params?.client_id;
    const claimed = ctx.oidc?.client?.clientId ?? (typeof named === 'string' ? named : null) ?? basicClientId(ctx);
    const grantType = ctx.oidc?.params?.grant_type;
    publish('scai.auth.token.failed', async () =>
      tokenFailedEvent(
        {
          endpoint,
          grantType: endpoint === 'token' && typeof grantType === 'string' ? grantType : null,
          clientId: claimed,
          error: error?.error ?? 'invalid_request',
          description: error?.error_description ?? null,
          ...(await ownerOf(ctx, null)),
        },
        audit,
      ),
    );
  };
  provider.on('grant.error', failed('token'));
  provider.on('revocation.error', failed('revocation'));
  provider.on('introspection.error', failed('introspection'));

  // The refresh_token grant revokes a grant for one reason only: a spent refresh token came back.
  provider.on('grant.revoked', (ctx: KoaContextWithOIDC, grantId: string) => {
    if (ctx.oidc?.route !== 'token' || ctx.oidc.params?.grant_type !== 'refresh_token') return;
    const audit = auditOfCtx(ctx, issuer);
    const accountId = ctx.oidc.entities.RefreshToken?.accountId ?? null;
    publish('scai.auth.token.reuse_detected', async () =>
      tokenReuseDetectedEvent({ clientId: ctx.oidc.client?.clientId ?? '', subject: accountId, grantId, ...(await ownerOf(ctx, accountId)) }, audit),
    );
  });

  // Model events carry the token, not the request: the provider's async-local context gives it.
  const revoked = (tokenType: RevokedTokenType) => (token: AnyToken) => {
    const ctx = Provider.ctx;
    if (!ctx || ctx.oidc?.route !== 'revocation') return;
    const audit = auditOfCtx(ctx, issuer);
    const accountId = 'accountId' in token ? (token.accountId ?? null) : null;
    const grantId = 'grantId' in token ? (token.grantId ?? null) : null;
    publish('scai.auth.token.revoked', async () =>
      tokenRevokedEvent(
        { tokenType, clientId: ctx.oidc.client?.clientId ?? token.clientId ?? '', subject: accountId, grantId, tokenId: jwtId(token), ...(await ownerOf(ctx, accountId)) },
        audit,
      ),
    );
  };
  provider.on('access_token.destroyed', revoked('access_token'));
  provider.on('refresh_token.destroyed', revoked('refresh_token'));
  provider.on('client_credentials.destroyed', revoked('client_credentials'));

  provider.on('end_session.success', (ctx: KoaContextWithOIDC) => {
    const audit = auditOfCtx(ctx, issuer);
    const accountId = ctx.oidc.session?.accountId ?? null;
    const clientId = ctx.oidc.entities.Client?.clientId ?? null;
    const all = Boolean(ctx.oidc.params?.logout);
    publish('scai.auth.session.ended', async () =>
      sessionEndedEvent({ userId: accountId, clientId, scope: all ? 'all' : 'client', ...(await ownerOf(ctx, accountId)) }, { ...audit, actor: accountId ? { subject: accountId, kind: 'user' } : audit.actor }),
    );
  });
}

/** The client id of an HTTP Basic `Authorization` header (client_secret_basic), never the secret. */
function basicClientId(ctx: KoaContextWithOIDC): string | null {
  const header = ctx.get('authorization');
  if (!header.toLowerCase().startsWith('basic ')) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return null;
  try {
    return decodeURIComponent(decoded.slice(0, colon));
  } catch {
    return null;
  }
}
