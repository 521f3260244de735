import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from 'jose';
import { newId } from '@scai/api';
import { decryptSecret, encryptSecret, parseEncryptionKey } from '../domain/key-encryption.ts';
import type { AccessClaims } from '../domain/claims.ts';
import { lockSigningKeys, type Db, type Tx } from '../store/prisma.ts';

/** The algorithms a signing key may use (SIGNING_KEY_ALG); verifiers accept all of them. */
export const SIGNING_ALGS = ['RS256', 'ES256', 'EdDSA'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];
/** The default algorithm of new keys. */
export const SIGNING_ALG: SigningAlg = 'RS256';

/** jose 6 key generation options per algorithm (EdDSA: Ed25519). */
const GENERATE_OPTIONS: Record<SigningAlg, { modulusLength?: number; crv?: string }> = {
  RS256: { modulusLength: 2048 },
  ES256: {},
  EdDSA: { crv: 'Ed25519' },
};

function signingAlgOf(value: string): SigningAlg {
  if (!(SIGNING_ALGS as readonly string[]).includes(value)) throw new Error(`Unsupported signing key algorithm ${value}`);
  return value as SigningAlg;
}

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
  /**
   * Algorithm of the keys created from now on (default RS256). An active key of another
   * algorithm keeps signing until the next rotation.
   */
  alg?: SigningAlg;
  now?: () => Date;
}

export type RotationResult =
  | { rotated: true; activeKid: string; retiredKid: string | null; nextKid: string; retireAfter: Date | null }
  | { rotated: false; reason: string; nextKid: string; retryAfterSeconds: number };

interface LoadedKey {
  kid: string;
  /** The algorithm recorded with the key (not the configured one: that applies to new keys). */
  alg: SigningAlg;
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
  private readonly alg: SigningAlg;
  private active: LoadedKey | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: SigningKeysOptions,
  ) {
    this.encryptionKey = parseEncryptionKey(options.encryptionKey);
    this.now = options.now ?? (() => new Date());
    this.alg = options.alg ?? SIGNING_ALG;
  }

  /** At start: an active key (created when there is none) and a published next key. */
  async ensureKeys(): Promise<void> {
    await this.db.$transaction(async (tx) => {
      await lockSigningKeys(tx);
      const current = await tx.signingKey.findFirst({ where: { status: 'active' } });
      if (!current) await this.createKey(tx, 'active');
      await this.nextKey(tx);
    });
    this.active = null;
  }

  /**
   * Promotes the next key (published for at least the lead time) to active, retires the
   * active one until its tokens have expired, and publishes a fresh next key. Without a
   * next key (or with one of another algorithm than SIGNING_KEY_ALG, withdrawn then) it
   * only publishes one. `force` skips the lead-time check.
   */
  async rotate(options: { force?: boolean } = {}): Promise<RotationResult> {
    const result = await this.db.$transaction(async (tx): Promise<RotationResult> => {
      await lockSigningKeys(tx);
      const now = this.now();
      const { row: next, created } = await this.nextKey(tx);
      if (created) {
        return { rotated: false, reason: `published a next key (${this.alg}); rotate again once verifiers have fetched it`, nextKid: next.kid, retryAfterSeconds: this.options.publishLeadSeconds };
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
    const { kid, alg, key } = await this.activeKey();
    return new SignJWT({ ...claims }).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);
  }

  /**
   * The active key as a private JWK (with `kid`, `alg`, `use`), for the OpenID provider's
   * keystore; cached like the key `sign()` uses, so both follow a rotation together.
   */
  async activePrivateJwk(): Promise<{ kid: string; alg: SigningAlg; jwk: JWK }> {
    const { kid, alg, jwk } = await this.activeKey();
    return { kid, alg, jwk };
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
    // The row's algorithm: a key created before SIGNING_KEY_ALG changed keeps its own.
    const alg = signingAlgOf(row.alg);
    this.active = { kid: row.kid, alg, key: await importJWK(jwk, alg), jwk: { ...jwk, alg, use: 'sig' }, loadedAt: Date.now() };
    return this.active;
  }

  private async longestTokenLifetime(tx: Tx): Promise<number> {
    const longest = await tx.application.aggregate({ _max: { tokenLifetime: true } });
    // Instances may keep signing with the old key for one cache period after the rotation.
    return Math.max(this.options.adminTokenTtlSeconds, longest._max.tokenLifetime ?? 0) + ACTIVE_KEY_CACHE_MS / 1000 + RETIRE_SLACK_SECONDS;
  }

  /**
   * The published next key, created when missing. A next key of another algorithm than the
   * configured one (SIGNING_KEY_ALG changed) has never signed: it is withdrawn at once and
   * replaced, so the next rotation switches to the configured algorithm.
   */
  private async nextKey(tx: Tx): Promise<{ row: { kid: string; createdAt: Date }; created: boolean }> {
    const next = await tx.signingKey.findFirst({ where: { status: 'next' }, orderBy: { createdAt: 'asc' } });
    if (next && next.alg === this.alg) return { row: next, created: false };
    if (next) await tx.signingKey.update({ where: { kid: next.kid }, data: { status: 'retired', retireAfter: this.now() } });
    const kid = await this.createKey(tx, 'next');
    return { row: { kid, createdAt: this.now() }, created: true };
  }

  private async createKey(tx: Tx, status: 'next' | 'active'): Promise<string> {
    const kid = newId('signingKey');
    const alg = this.alg;
    const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true, ...GENERATE_OPTIONS[alg] });
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
    const privateJwk = { ...(await exportJWK(privateKey)), kid, alg };
    await tx.signingKey.create({
      data: {
        kid,
        alg,
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
