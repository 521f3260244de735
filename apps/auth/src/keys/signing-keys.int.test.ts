import { fileURLToPath } from 'node:url';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedTestDatabase, type TestDatabase } from '@scai/db/testing';
import { serviceAccessClaims } from '../domain/claims.ts';
import { createPrisma, type Db } from '../store/prisma.ts';
import { SigningKeys, type SigningAlg } from './signing-keys.ts';

let database: TestDatabase;
let db: Db;
let clock = new Date('2030-01-01T00:00:00Z');
const encryptionKey = Buffer.alloc(32, 3).toString('base64');

beforeAll(async () => {
  database = await createMigratedTestDatabase('auth_keys', fileURLToPath(new URL('../..', import.meta.url)));
  db = createPrisma(database.url);
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

const keysWith = (lead: number) => new SigningKeys(db, { encryptionKey, publishLeadSeconds: lead, adminTokenTtlSeconds: 900, now: () => clock });
const advance = (seconds: number) => (clock = new Date(clock.getTime() + seconds * 1000));
const claims = () =>
  serviceAccessClaims({ publicUrl: 'http://x', now: new Date(), ttlSeconds: 300, clientId: 'c', appScope: 'GLOBAL', tenantId: null, partnerId: null, grantedScopes: [] });

async function verifyWith(keys: SigningKeys, token: string) {
  return jwtVerify(token, createLocalJWKSet(await keys.jwks()), { algorithms: ['RS256'] });
}

describe('SigningKeys', () => {
  it('creates an active and a next key once, with the private key encrypted at rest', async () => {
    const keys = keysWith(600);
    await keys.ensureKeys();
    await Promise.all([keys.ensureKeys(), keysWith(600).ensureKeys()]);
    const rows = await db.signingKey.findMany();
    expect(rows.map((row) => row.status).sort()).toEqual(['active', 'next']);
    for (const row of rows) {
      expect(row.privateJwkEncrypted.startsWith('v1.')).toBe(true);
      expect(row.privateJwkEncrypted).not.toContain('"d"');
      expect(row.publicJwk).not.toHaveProperty('d');
    }
    expect((await keys.jwks()).keys).toHaveLength(2);
  });

  it('signs with the active key only, with its kid', async () => {
    const keys = keysWith(600);
    const active = await db.signingKey.findFirstOrThrow({ where: { status: 'active' } });
    const { protectedHeader } = await verifyWith(keys, await keys.sign(claims()));
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: active.kid });
  });

  it('refuses to promote a next key published less than the lead time ago', async () => {
    const keys = keysWith(600);
    const result = await keys.rotate();
    expect(result).toMatchObject({ rotated: false, retryAfterSeconds: expect.any(Number) });
  });

  it('rotates: next becomes active, the old key stays published until its tokens expired', async () => {
    const keys = keysWith(600);
    const before = await db.signingKey.findFirstOrThrow({ where: { status: 'active' } });
    const next = await db.signingKey.findFirstOrThrow({ where: { status: 'next' } });
    const oldToken = await keys.sign(claims());
    advance(601);

    const result = await keys.rotate();
    expect(result).toMatchObject({ rotated: true, activeKid: next.kid, retiredKid: before.kid });
    const { protectedHeader } = await verifyWith(keys, await keys.sign(claims()));
    expect(protectedHeader.kid).toBe(next.kid);
    // The previous key still verifies the tokens it signed.
    await expect(verifyWith(keys, oldToken)).resolves.toBeTruthy();
    expect((await keys.jwks()).keys.map((key) => key.kid)).toEqual(expect.arrayContaining([before.kid, next.kid]));

    // Once its longest token lifetime (plus slack) has passed it leaves the JWKS.
    advance(900 + 30 + 300 + 1);
    expect((await keys.jwks()).keys.map((key) => key.kid)).not.toContain(before.kid);
    await expect(verifyWith(keys, oldToken)).rejects.toThrow();
  });

  it('keeps a retired key as long as the longest application token lifetime', async () => {
    await db.application.create({
      data: { id: 'app_long', clientId: 'long', name: 'long', applicationType: 'SERVICE', scope: 'GLOBAL', grantTypes: ['client_credentials'], tokenLifetime: 7200 },
    });
    const keys = keysWith(0);
    const result = await keys.rotate();
    expect(result.rotated).toBe(true);
    if (result.rotated) expect((result.retireAfter!.getTime() - clock.getTime()) / 1000).toBe(7200 + 30 + 300);
  });

  it('cannot read private keys with another encryption key', async () => {
    const other = new SigningKeys(db, { encryptionKey: Buffer.alloc(32, 9).toString('base64'), publishLeadSeconds: 0, adminTokenTtlSeconds: 900 });
    await expect(other.sign(claims())).rejects.toThrow();
  });
});

/** The algorithms the API gateway accepts (apps/api-gateway/src/auth/token-verifier.ts). */
const GATEWAY_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

describe('SigningKeys with SIGNING_KEY_ALG', () => {
  let algDatabase: TestDatabase;
  let algDb: Db;
  const start = new Date('2030-01-01T00:00:00Z');
  let now = start;
  const keysFor = (alg: SigningAlg) => new SigningKeys(algDb, { encryptionKey, publishLeadSeconds: 600, adminTokenTtlSeconds: 900, alg, now: () => now });
  const verifyAtGateway = async (keys: SigningKeys, token: string) =>
    jwtVerify(token, createLocalJWKSet(await keys.jwks()), { algorithms: GATEWAY_ALGORITHMS });

  beforeAll(async () => {
    algDatabase = await createMigratedTestDatabase('auth_keys_alg', fileURLToPath(new URL('../..', import.meta.url)));
    algDb = createPrisma(algDatabase.url);
  });

  afterAll(async () => {
    await algDb?.$disconnect();
    await algDatabase?.drop();
  });

  it.each([
    ['ES256', { kty: 'EC', crv: 'P-256' }],
    ['EdDSA', { kty: 'OKP', crv: 'Ed25519' }],
  ] as const)('creates %s keys whose tokens verify against the published JWKS', async (alg, shape) => {
    await algDb.signingKey.deleteMany();
    now = start;
    const keys = keysFor(alg);
    await keys.ensureKeys();
    const rows = await algDb.signingKey.findMany();
    expect(rows.map((row) => [row.status, row.alg]).sort()).toEqual([
      ['active', alg],
      ['next', alg],
    ]);
    const { keys: published } = await keys.jwks();
    for (const jwk of published) expect(jwk).toMatchObject({ ...shape, alg, use: 'sig' });

    const active = rows.find((row) => row.status === 'active')!;
    const { protectedHeader } = await verifyAtGateway(keys, await keys.sign(claims()));
    expect(protectedHeader).toMatchObject({ alg, kid: active.kid, typ: 'JWT' });
    expect(await keys.activePrivateJwk()).toMatchObject({ kid: active.kid, alg, jwk: { ...shape, alg, use: 'sig', d: expect.any(String) } });
  });

  it('switches algorithm at the next rotation; tokens signed before keep verifying', async () => {
    await algDb.signingKey.deleteMany();
    now = start;
    const before = keysFor('RS256');
    await before.ensureKeys();
    const oldActive = await algDb.signingKey.findFirstOrThrow({ where: { status: 'active' } });
    const oldNext = await algDb.signingKey.findFirstOrThrow({ where: { status: 'next' } });
    const oldToken = await before.sign(claims());

    // The setting changed: at start the RS256 next key (it never signed) is replaced, the active key stays.
    const after = keysFor('ES256');
    await after.ensureKeys();
    const next = await algDb.signingKey.findFirstOrThrow({ where: { status: 'next' } });
    expect(next.alg).toBe('ES256');
    expect((await after.jwks()).keys.map((key) => key.kid)).not.toContain(oldNext.kid);
    const { protectedHeader: stillOld } = await verifyAtGateway(after, await after.sign(claims()));
    expect(stillOld).toMatchObject({ alg: 'RS256', kid: oldActive.kid });
    expect(await after.activePrivateJwk()).toMatchObject({ alg: 'RS256' });

    // The new next key must be published for the lead time first.
    expect(await after.rotate()).toMatchObject({ rotated: false });
    now = new Date(now.getTime() + 601_000);
    expect(await after.rotate()).toMatchObject({ rotated: true, activeKid: next.kid, retiredKid: oldActive.kid });

    const { protectedHeader } = await verifyAtGateway(after, await after.sign(claims()));
    expect(protectedHeader).toMatchObject({ alg: 'ES256', kid: next.kid });
    expect(await after.activePrivateJwk()).toMatchObject({ kid: next.kid, alg: 'ES256' });
    const { protectedHeader: oldHeader } = await verifyAtGateway(after, oldToken);
    expect(oldHeader).toMatchObject({ alg: 'RS256', kid: oldActive.kid });
    expect((await algDb.signingKey.findFirstOrThrow({ where: { status: 'next' } })).alg).toBe('ES256');
  });

  it('like `rotate-keys --force`, switches at once when the next key has another algorithm', async () => {
    const keys = keysFor('EdDSA');
    const oldToken = await keys.sign(claims());
    // What the CLI does: ensureKeys() replaces the ES256 next key, the forced rotation promotes the new one.
    await keys.ensureKeys();
    expect(await keys.rotate({ force: true })).toMatchObject({ rotated: true });
    const { protectedHeader } = await verifyAtGateway(keys, await keys.sign(claims()));
    expect(protectedHeader.alg).toBe('EdDSA');
    await expect(verifyAtGateway(keys, oldToken)).resolves.toMatchObject({ protectedHeader: { alg: 'ES256' } });
  });
});
