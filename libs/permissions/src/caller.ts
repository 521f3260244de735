import type { Role } from './roles.ts';

export type AppScope = 'GLOBAL' | 'PARTNER' | 'TENANT';

/**
 * Who is calling, as established by the gateway from a verified access token and
 * handed to every service (gRPC metadata) so each can re-check on its own data.
 */
export interface Caller {
  /** `sub` of the token: a user id, or the client id of a SERVICE application. */
  subject: string;
  kind: 'user' | 'service';
  tenantId: string | null;
  partnerId: string | null;
  roles: Role[];
  /** Effective scopes: the `permissions` claim, or the approved scopes of a service. */
  permissions: string[];
  clientId: string | null;
  /** Set for SERVICE application tokens only. */
  appScope: AppScope | null;
  email?: string | null;
  /** `jti` of the token, for revocation and audit. */
  tokenId?: string | null;
}

/** Caller identity as a header-safe string (gRPC metadata, NATS headers). */
/** Encodings of frozen callers (the gateway hands out one per verified token): they cannot change, so each is encoded once. */
const encodedFrozen = new WeakMap<Caller, string>();

export function encodeCaller(caller: Caller): string {
  const known = encodedFrozen.get(caller);
  if (known !== undefined) return known;
  const encoded = Buffer.from(JSON.stringify(caller), 'utf8').toString('base64url');
  if (Object.isFrozen(caller)) encodedFrozen.set(caller, encoded);
  return encoded;
}

export function decodeCaller(encoded: string): Caller | null {
  try {
    const value = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Caller;
    if (typeof value?.subject !== 'string' || !Array.isArray(value.roles) || !Array.isArray(value.permissions)) {
      return null;
    }
    return value;
  } catch {
    return null;
  }
}

/** The platform itself acting (start-up seeding, scheduled jobs, event consumers). */
export const SYSTEM_CALLER: Caller = {
  subject: 'system',
  kind: 'service',
  tenantId: null,
  partnerId: null,
  roles: ['super_admin'],
  permissions: [],
  clientId: null,
  appScope: 'GLOBAL',
};
