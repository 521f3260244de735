import type { Adapter, AdapterPayload, ClientMetadata } from 'oidc-provider';
import type { Prisma } from '../generated/prisma/client.ts';
import type { Db } from '../store/prisma.ts';

/** Reads one client's metadata for this issuer; undefined when it is unknown here. */
export type ClientSource = (clientId: string) => Promise<ClientMetadata | undefined>;

/** An access token (JWT or opaque, user or service) that stopped being valid before its expiry. */
export interface RevokedAccessToken {
  jti: string;
  expiresAt: Date | null;
}

/** Told, inside the deleting transaction, which access tokens a revocation removed (the gateway must refuse them too). */
export type AccessTokensRevoked = (tx: Prisma.TransactionClient, revoked: RevokedAccessToken[], grantId: string | null, issuer: string) => Promise<void>;

/** The kinds whose rows are access tokens: one row per issued token, JWT ones included (jwt-access-tokens.ts). */
const ACCESS_TOKEN_KINDS = ['AccessToken', 'ClientCredentials'];

export interface PayloadAdapterOptions {
  db: Db;
  onAccessTokensRevoked?: AccessTokensRevoked;
  /** Rows are scoped by issuer: one issuer never sees another's sessions, codes or tokens. */
  issuer: string;
  clients: ClientSource;
  now?: () => Date;
}

/** The class oidc-provider instantiates once per model name (`new Adapter('Session')`). */
export type AdapterClass = new (name: string) => Adapter;

/**
 * oidc-provider's storage contract over the generic `oidc_payloads` table (one row per
 * session, interaction, grant, code, refresh token, opaque access token …), plus the
 * `Client` model answered from the applications table. Consumed rows are kept with
 * `consumed_at` set, so a spent refresh token or code presented again is recognised (and
 * its grant revoked by the provider) instead of looking unknown.
 */
export function payloadAdapter(options: PayloadAdapterOptions): AdapterClass {
  const { db, issuer, clients } = options;
  const now = options.now ?? (() => new Date());

  function live(row: { payload: Prisma.JsonValue; expiresAt: Date | null; consumedAt: Date | null } | null): AdapterPayload | undefined {
    if (!row) return undefined;
    if (row.expiresAt && row.expiresAt.getTime() <= now().getTime()) return undefined;
    const payload = { ...(row.payload as AdapterPayload) };
    if (row.consumedAt) payload.consumed = Math.floor(row.consumedAt.getTime() / 1000);
    return payload;
  }

  return class PrismaPayloadAdapter implements Adapter {
    constructor(private readonly kind: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const data = {
        payload: payload as Prisma.InputJsonValue,
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expiresAt: expiresIn ? new Date(now().getTime() + expiresIn * 1000) : null,
      };
      await db.oidcPayload.upsert({
        where: { issuer_kind_id: { issuer, kind: this.kind, id } },
        create: { issuer, kind: this.kind, id, ...data },
        update: data,
      });
    }

    async find(id: string): Promise<AdapterPayload | ClientMetadata | undefined> {
      if (this.kind === 'Client') return clients(id);
      return live(await db.oidcPayload.findUnique({ where: { issuer_kind_id: { issuer, kind: this.kind, id } } }));
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return live(await db.oidcPayload.findFirst({ where: { issuer, kind: this.kind, userCode } }));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return live(await db.oidcPayload.findFirst({ where: { issuer, kind: this.kind, uid } }));
    }

    async consume(id: string): Promise<void> {
      await db.oidcPayload.updateMany({ where: { issuer, kind: this.kind, id, consumedAt: null }, data: { consumedAt: now() } });
    }

    async destroy(id: string): Promise<void> {
      if (!options.onAccessTokensRevoked || !ACCESS_TOKEN_KINDS.includes(this.kind)) {
        await db.oidcPayload.deleteMany({ where: { issuer, kind: this.kind, id } });
        return;
      }
      const notify = options.onAccessTokensRevoked;
      await db.$transaction(async (tx) => {
        const row = await tx.oidcPayload.findUnique({ where: { issuer_kind_id: { issuer, kind: this.kind, id } }, select: { expiresAt: true, grantId: true } });
        await tx.oidcPayload.deleteMany({ where: { issuer, kind: this.kind, id } });
        if (row) await notify(tx, [{ jti: id, expiresAt: row.expiresAt }], row.grantId, issuer);
      });
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      // Every artefact of the grant, whatever its kind: codes, refresh and access tokens.
      const notify = options.onAccessTokensRevoked;
      if (!notify) {
        await db.oidcPayload.deleteMany({ where: { issuer, grantId } });
        return;
      }
      await db.$transaction(async (tx) => {
        const tokens = await tx.oidcPayload.findMany({ where: { issuer, grantId, kind: { in: ACCESS_TOKEN_KINDS } }, select: { id: true, expiresAt: true } });
        await tx.oidcPayload.deleteMany({ where: { issuer, grantId } });
        if (tokens.length > 0) await notify(tx, tokens.map((token) => ({ jti: token.id, expiresAt: token.expiresAt })), grantId, issuer);
      });
    }
  };
}

/** Deletes rows that expired before `before` (every issuer); the count removed. */
export async function pruneExpiredPayloads(db: Db, before: Date): Promise<number> {
  const { count } = await db.oidcPayload.deleteMany({ where: { expiresAt: { lt: before } } });
  return count;
}
