import { createBlockLedger, type BlockEntry, type BlockLedger } from './block-ledger.ts';

/** What of a verified token the view looks at. */
export interface TokenIdentity {
  kind: 'user' | 'service';
  /** `sub`: a user id, or a service application's client id. */
  subject: string;
  tenantId: string | null;
  partnerId: string | null;
  /** `client_id`: the application the token was issued to. */
  clientId?: string | null;
  /** `iat` in seconds; a token without one counts as issued before any block. */
  issuedAt?: number;
  /** `jti`: refused when that one token was revoked. */
  tokenId?: string | null;
}

export type RevocationReason = 'tenant_blocked' | 'partner_deleted' | 'user_blocked' | 'client_disabled' | 'token_revoked';

/** Access tokens revoked before their expiry, by `jti`; each is forgotten once it would have expired anyway. */
export interface RevokedTokens {
  /** `expiresAt` in ms; null (unknown) keeps it for the longest token lifetime. */
  revoke(jti: string, expiresAt: number | null): boolean;
  has(jti: string): boolean;
  readonly size: number;
}

/** No access token lives longer than this (the longest lifetime an application may set). */
const LONGEST_TOKEN_LIFETIME_MS = 24 * 3600 * 1000;

export function createRevokedTokens(now: () => number = Date.now): RevokedTokens {
  const until = new Map<string, number>();
  let nextSweep = 0;
  const sweep = () => {
    const at = now();
    if (at < nextSweep) return;
    nextSweep = at + 60_000;
    for (const [jti, expiry] of until) if (expiry <= at) until.delete(jti);
  };
  return {
    revoke(jti, expiresAt) {
      sweep();
      const expiry = expiresAt ?? now() + LONGEST_TOKEN_LIFETIME_MS;
      if (expiry <= now() || until.has(jti)) return false;
      until.set(jti, expiry);
      return true;
    },
    has(jti) {
      const expiry = until.get(jti);
      return expiry !== undefined && expiry > now();
    },
    get size() {
      return until.size;
    },
  };
}

/**
 * The gateway's in-memory picture of who may not use their tokens any more: blocked
 * tenants, users and (deleted) partners, fed by the event stream (`revocation-feed.ts`).
 */
export interface RevocationView {
  readonly tenants: BlockLedger;
  readonly users: BlockLedger;
  readonly partners: BlockLedger;
  /** Disabled applications, by client id. */
  readonly clients: BlockLedger;
  /** Single access tokens revoked (RFC 7009, or their grant revoked). */
  readonly tokens: RevokedTokens;
  /** Set once the stream's retained history has been replayed; until then nothing can be judged. */
  readonly seeded: boolean;
  markSeeded(): void;
  /** Why a token must be refused, or null when it may pass. */
  revocationOf(token: TokenIdentity): RevocationReason | null;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/**
 * A tenant (or partner) block refuses every token of it while it lasts: the admin
 * sign-in issues tokens without asking the tenant's status, so a fresh token proves
 * nothing. After reactivation, tokens issued before the block (earlier second) stay
 * refused; a token of the block's own second is let through then, since `iat` cannot
 * tell it from a fresh sign-in right after a quick reactivation.
 */
function tenantBlocks(entry: BlockEntry | undefined, issuedAt: number): boolean {
  if (!entry) return false;
  if (!entry.lifted) return true;
  return issuedAt < seconds(entry.since);
}

/**
 * A user block refuses tokens issued at or before it (auth issues none to a user who is
 * not active, so a later token means the user was reactivated, even when that event has
 * not arrived yet). After the lift, the block's own second is given the benefit of the
 * doubt as for tenants.
 */
/** Users and applications are judged alike: auth issues no token to a disabled one. */
function subjectBlocks(entry: BlockEntry | undefined, issuedAt: number): boolean {
  if (!entry) return false;
  if (entry.permanent) return true;
  const since = seconds(entry.since);
  return entry.lifted ? issuedAt < since : issuedAt <= since;
}

export function createRevocationView(): RevocationView {
  const tenants = createBlockLedger();
  const users = createBlockLedger();
  const partners = createBlockLedger();
  const clients = createBlockLedger();
  const tokens = createRevokedTokens();
  let seeded = false;

  return {
    tenants,
    users,
    partners,
    clients,
    tokens,
    get seeded() {
      return seeded;
    },
    markSeeded() {
      seeded = true;
    },
    revocationOf(token) {
      const issuedAt = token.issuedAt ?? Number.NEGATIVE_INFINITY;
      if (token.tenantId && tenantBlocks(tenants.get(token.tenantId), issuedAt)) return 'tenant_blocked';
      if (token.partnerId && partners.get(token.partnerId)?.lifted === false) return 'partner_deleted';
      if (token.kind === 'user' && subjectBlocks(users.get(token.subject), issuedAt)) return 'user_blocked';
      if (token.clientId && subjectBlocks(clients.get(token.clientId), issuedAt)) return 'client_disabled';
      if (token.tokenId && tokens.has(token.tokenId)) return 'token_revoked';
      return null;
    },
  };
}
