import { fileURLToPath } from 'node:url';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedTestDatabase, type TestDatabase } from '@scai/db/testing';
import { serviceAccessClaims } from '../domain/claims.ts';
import { createPrisma, type Db } from '../store/prisma.ts';
import { SigningKeys } from './signing-keys.ts';

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
