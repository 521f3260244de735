import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMigratedTestDatabase, type TestDatabase } from '@scai/db/testing';
import { createPrisma, type Db } from '../store/prisma.ts';
import { payloadAdapter, pruneExpiredPayloads, type AdapterClass } from './payload-adapter.ts';

const APP_DIR = fileURLToPath(new URL('../..', import.meta.url));
let database: TestDatabase;
let db: Db;
let clock = new Date('2026-01-01T00:00:00Z');
let issuerA: AdapterClass;
let issuerB: AdapterClass;

beforeAll(async () => {
  database = await createMigratedTestDatabase('auth_adapter', APP_DIR);
  db = createPrisma(database.url);
  const clients = async (id: string) => (id === 'known' ? { client_id: 'known' } : undefined);
  issuerA = payloadAdapter({ db, issuer: 'https://a.example', clients, now: () => clock });
  issuerB = payloadAdapter({ db, issuer: 'https://b.example', clients: async () => undefined, now: () => clock });
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe('payloadAdapter', () => {
  it('stores, finds by id, uid and user code, and replaces on upsert', async () => {
    const sessions = new issuerA('Session');
    await sessions.upsert('s1', { jti: 's1', uid: 'u1', accountId: 'usr_1' }, 60);
    expect(await sessions.find('s1')).toMatchObject({ jti: 's1', accountId: 'usr_1' });
    expect(await sessions.findByUid('u1')).toMatchObject({ jti: 's1' });
    await sessions.upsert('s1', { jti: 's1', uid: 'u1', accountId: 'usr_2' }, 60);
    expect(await sessions.find('s1')).toMatchObject({ accountId: 'usr_2' });
    const devices = new issuerA('DeviceCode');
    await devices.upsert('d1', { jti: 'd1', userCode: 'ABCD-EFGH', grantId: 'g0' }, 60);
    expect(await devices.findByUserCode('ABCD-EFGH')).toMatchObject({ jti: 'd1' });
  });

  it('keeps kinds and issuers apart', async () => {
    await new issuerA('RefreshToken').upsert('same', { jti: 'same', kind: 'RefreshToken' }, 60);
    expect(await new issuerA('AuthorizationCode').find('same')).toBeUndefined();
    expect(await new issuerB('RefreshToken').find('same')).toBeUndefined();
  });

  it('marks consumed rows instead of forgetting them', async () => {
    const codes = new issuerA('AuthorizationCode');
    await codes.upsert('c1', { jti: 'c1', grantId: 'g1' }, 60);
    expect(await codes.find('c1')).not.toHaveProperty('consumed');
    await codes.consume('c1');
    expect((await codes.find('c1'))?.consumed).toBe(Math.floor(clock.getTime() / 1000));
  });

  it('hides expired rows and prunes them', async () => {
    const grants = new issuerA('Grant');
    await grants.upsert('old', { jti: 'old' }, 10);
    clock = new Date(clock.getTime() + 11_000);
    expect(await grants.find('old')).toBeUndefined();
    expect(await pruneExpiredPayloads(db, clock)).toBeGreaterThanOrEqual(1);
    expect(await db.oidcPayload.count({ where: { id: 'old' } })).toBe(0);
  });

  it('revokes every artefact of a grant on its issuer only, and destroys one row', async () => {
    await new issuerA('RefreshToken').upsert('r1', { jti: 'r1', grantId: 'g2' }, 600);
    await new issuerA('AccessToken').upsert('a1', { jti: 'a1', grantId: 'g2' }, 600);
    await new issuerB('RefreshToken').upsert('r1', { jti: 'r1', grantId: 'g2' }, 600);
    await new issuerA('RefreshToken').revokeByGrantId('g2');
    expect(await new issuerA('RefreshToken').find('r1')).toBeUndefined();
    expect(await new issuerA('AccessToken').find('a1')).toBeUndefined();
    expect(await new issuerB('RefreshToken').find('r1')).toBeDefined();
    await new issuerB('RefreshToken').destroy('r1');
    expect(await new issuerB('RefreshToken').find('r1')).toBeUndefined();
  });

  it('answers clients from the client source', async () => {
    expect(await new issuerA('Client').find('known')).toEqual({ client_id: 'known' });
    expect(await new issuerA('Client').find('unknown')).toBeUndefined();
  });
});
