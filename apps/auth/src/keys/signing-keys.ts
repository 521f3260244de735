import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { newId } from '@scai/api';
import { decryptSecret, encryptSecret, parseEncryptionKey } from '../domain/key-encryption.ts';
import type { AccessClaims } from '../domain/claims.ts';
import { lockSigningKeys, type Db, type Tx } from '../store/prisma.ts';

export const SIGNING_ALG = 'RS256';

/** How long an instance signs with the key it loaded before looking again (rotation by another process). */
const ACTIVE_KEY_CACHE_MS = 30_000;
/** Slack on top of the longest token lifetime before a retired key leaves the JWKS. */
const RETIRE_SLACK_SECONDS = 300;

export interface SigningKeysOptions {
  encryptionKey: string;
  /** A new key is published this long before it may sign (verifiers cache the JWKS). */
  publishLeadSeconds: number;
  /** The longest access-token lifetime not stored with applications (the admin tokens). */
  adminTokenTtlSeconds: number;
  now?: () => Date;
}

export type RotationResult =
  | { rotated: true; activeKid: string; retiredKid: string | null; nextKid: string; retireAfter: Date | null }
  | { rotated: false; reason: string; nextKid: string; retryAfterSeconds: number };

interface LoadedKey {
  kid: string;
  key: Awaited<ReturnType<typeof importJWK>>;
  /** The private JWK itself: the OpenID provider builds its keystore from it. */
  jwk: JWK;
  loadedAt: number;
}

/**
 * The token signing keys: each has a state `next` (published, not yet signing),
 * `active` (signs; exactly one) or `retired` (published until every token it signed
 * has expired). Private keys are stored encrypted (AES-256-GCM).
 */
export class SigningKeys {
  private readonly encryptionKey: Buffer;
  private readonly now: () => Date;
  private active: LoadedKey | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: SigningKeysOptions,
  ) {
    this.encryptionKey = parseEncryptionKey(options.encryptionKey);
    this.now = options.now ?? (() => new Date());
  }

  /** At start: an active key (created when there is none) and a published next key. */
  async ensureKeys(): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await lockSigningKeys(tx);
      const current = await tx.signingKey.findFirst({ where: { status: 'active' } });
      if (!current) await this.createKey(tx, 'active');
      const next = await tx.signingKey.findFirst({ where: { status: 'next' } });
      if (!next) await this.createKey(tx, 'next');
    });
    this.active = null;
  }

  /**
   * Promotes the next key (published for at least the lead time) to active, retires the
   * active one until its tokens have expired, and publishes a fresh next key. Without a
   * next key it only publishes one. `force` skips the lead-time check.
   */
  async rotate(options: { force?: boolean } = {}): Promise<RotationResult> {
    const result = await this.db.$transaction(async (tx): Promise<RotationResult> => {
      await lockSigningKeys(tx);
      const now = this.now();
      const next = await tx.signingKey.findFirst({ where: { status: 'next' }, orderBy: { createdAt: 'asc' } });
      if (!next) {
        const created = await this.createKey(tx, 'next');
        return { rotated: false, reason: 'published a next key; rotate again once verifiers have fetched it', nextKid: created, retryAfterSeconds: this.options.publishLeadSeconds };
      }
      const publishedFor = (now.getTime() - next.createdAt.getTime()) / 1000;
      if (!options.force && publishedFor < this.options.publishLeadSeconds) {
        return {
          rotated: false,
          reason: 'the next key has not been published long enough',
          nextKid: next.kid,
          retryAfterSeconds: Math.ceil(this.options.publishLeadSeconds - publishedFor),
        };
      }
      const retireAfter = new Date(now.getTime() + (await this.longestTokenLifetime(tx)) * 1000);
      const current = await tx.signingKey.findFirst({ where: { status: 'active' } });
      if (current) await tx.signingKey.update({ where: { kid: current.kid }, data: { status: 'retired', retireAfter } });
      await tx.signingKey.update({ where: { kid: next.kid }, data: { status: 'active', activatedAt: now } });
      const nextKid = await this.createKey(tx, 'next');
      return { rotated: true, activeKid: next.kid, retiredKid: current?.kid ?? null, nextKid, retireAfter: current ? retireAfter : null };
    });
    this.active = null;
    return result;
  }

  /** The public keys verifiers may meet: next, active, and retired ones still within their tokens' lifetime. */
  async jwks(): Promise<{ keys: JWK[] }> {
    const rows = await this.db.signingKey.findMany({
      where: { OR: [{ status: { in: ['next', 'active'] } }, { status: 'retired', retireAfter: { gt: this.now() } }] },
      orderBy: { createdAt: 'desc' },
    });
    return { keys: rows.map((row) => row.publicJwk as JWK) };
  }

  async sign(claims: AccessClaims): Promise<string> {
    const { kid, key } = await this.activeKey();
    return new SignJWT({ ...claims }).setProtectedHeader({ alg: SIGNING_ALG, kid, typ: 'JWT' }).sign(key);
  }

  /**
   * The active key as a private JWK (with `kid`, `alg`, `use`), for the OpenID provider's
   * keystore; cached like the key `sign()` uses, so both follow a rotation together.
   */
  async activePrivateJwk(): Promise<{ kid: string; jwk: JWK }> {
    const { kid, jwk } = await this.activeKey();
    return { kid, jwk };
  }

  private async activeKey(): Promise<LoadedKey> {
    if (this.active && Date.now() - this.active.loadedAt < ACTIVE_KEY_CACHE_MS) return this.active;
    const row = await this.db.signingKey.findFirst({ where: { status: 'active' }, orderBy: { activatedAt: 'desc' } });
    if (!row) throw new Error('No active signing key (ensureKeys() was not run)');
    if (this.active?.kid === row.kid) {
      this.active = { ...this.active, loadedAt: Date.now() };
      return this.active;
    }
    const jwk = JSON.parse(decryptSecret(this.encryptionKey, row.privateJwkEncrypted, row.kid)) as JWK;
    this.active = { kid: row.kid, key: await importJWK(jwk, SIGNING_ALG), jwk: { ...jwk, use: 'sig' }, loadedAt: Date.now() };
    return this.active;
  }

  private async longestTokenLifetime(tx: Tx): Promise<number> {
    const longest = await tx.application.aggregate({ _max: { tokenLifetime: true } });
    // Instances may keep signing with the old key for one cache period after the rotation.
    return Math.max(this.options.adminTokenTtlSeconds, longest._max.tokenLifetime ?? 0) + ACTIVE_KEY_CACHE_MS / 1000 + RETIRE_SLACK_SECONDS;
  }

  private async createKey(tx: Tx, status: 'next' | 'active'): Promise<string> {
    const kid = newId('signingKey');
    const { publicKey, privateKey } = await generateKeyPair(SIGNING_ALG, { extractable: true, modulusLength: 2048 });
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: SIGNING_ALG, use: 'sig' };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: SIGNING_ALG };
    await tx.signingKey.create({
      data: {
        kid,
        alg: SIGNING_ALG,
        publicJwk,
        privateJwkEncrypted: encryptSecret(this.encryptionKey, JSON.stringify(privateJwk), kid),
        status,
        activatedAt: status === 'active' ? this.now() : null,
        createdAt: this.now(),
      },
    });
    return kid;
  }
}
