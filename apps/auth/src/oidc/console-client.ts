import { newId } from '@scai/api';
import { OIDC_SCOPES, SCOPES, SYSTEM_CALLER } from '@scai/permissions';
import type { AuthConfig } from '../config.ts';
import { ADMIN_CONSOLE_CLIENT_ID, platformIssuer } from '../domain/claims.ts';
import { applicationCreatedEvent, auditOf } from '../events/auth-events.ts';
import type { AuthDeps } from '../services/deps.ts';
import type { ApplicationRow } from '../store/applications.ts';
import { isUniqueViolation } from '../store/prisma.ts';

/**
 * What the admin console signs in with: a first-party SPA (public client, PKCE) on the
 * platform issuer, GLOBAL, asking for the OIDC scopes and every API scope (a person's
 * token carries their roles' permissions narrowed to the scopes the application holds,
 * so the console must hold them all to act as its admins may).
 */
export interface ConsoleClient {
  clientId: string;
  issuer: string;
  scopes: string[];
  logoutUrl: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
  allowedOrigins: string[];
}

const CONSOLE_SCOPES = [...OIDC_SCOPES.filter((scope) => scope !== 'offline_access'), ...SCOPES];

function list(value: string | undefined, fallback: string): string[] {
  const items = (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);
  return items.length ? [...new Set(items)] : [fallback];
}

export function consoleClient(config: Pick<AuthConfig, 'PUBLIC_URL' | 'CONSOLE_REDIRECT_URIS' | 'CONSOLE_POST_LOGOUT_REDIRECT_URIS'>): ConsoleClient {
  const publicUrl = config.PUBLIC_URL.replace(/\/+$/, '');
  const issuer = platformIssuer(publicUrl);
  const redirectUris = list(config.CONSOLE_REDIRECT_URIS, `${publicUrl}/console/callback`);
  return {
    clientId: ADMIN_CONSOLE_CLIENT_ID,
    issuer,
    scopes: CONSOLE_SCOPES,
    logoutUrl: `${issuer}/logout`,
    redirectUris,
    postLogoutRedirectUris: list(config.CONSOLE_POST_LOGOUT_REDIRECT_URIS, `${publicUrl}/console/`),
    allowedOrigins: [...new Set(redirectUris.map((uri) => new URL(uri).origin))],
  };
}

/**
 * Registers the console's application at start-up, idempotently: created once (with its
 * `application.created` event), its URIs, scopes and lifetime brought in line with the
 * configuration on every later start. Several instances starting at once: the unique
 * client id lets one create it; the others then find it.
 */
export async function ensureConsoleClient(deps: AuthDeps): Promise<ApplicationRow> {
  const spec = consoleClient(deps.config);
  const fields = {
    name: 'Admin console',
    description: 'The platform administration console (first-party, registered at start-up).',
    applicationType: 'SPA' as const,
    scope: 'GLOBAL' as const,
    tenantId: null,
    partnerId: null,
    clientSecretHash: null,
    redirectUris: spec.redirectUris,
    postLogoutRedirectUris: spec.postLogoutRedirectUris,
    allowedOrigins: spec.allowedOrigins,
    allowedScopes: spec.scopes,
    grantTypes: ['authorization_code', 'refresh_token'],
    tokenLifetime: deps.config.ADMIN_ACCESS_TOKEN_TTL_SECONDS,
    status: 'ACTIVE' as const,
  };
  const existing = await deps.db.application.findUnique({ where: { clientId: spec.clientId } });
  if (existing) return deps.db.application.update({ where: { id: existing.id }, data: fields });
  try {
    const created = await deps.db.$transaction(async (tx) => {
      const row = await tx.application.create({ data: { id: newId('application'), clientId: spec.clientId, registrationRequestId: null, ...fields } });
      await deps.outbox.add(tx, applicationCreatedEvent(row, auditOf(SYSTEM_CALLER, 'auth-start-up')));
      return row;
    });
    deps.eventsWritten();
    return created;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return deps.db.application.findUniqueOrThrow({ where: { clientId: spec.clientId } });
  }
}
