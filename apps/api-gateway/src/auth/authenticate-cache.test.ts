import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey, type CryptoKey as JoseKey } from 'jose';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRevocationView, type RevocationView } from '../revocation/revocation-view.ts';
import type { GatewayApp } from '../routes/types.ts';
import { probeGroup } from '../routes/testing/probe-routes.ts';
import { closeTestGateways, testGateway } from '../routes/testing/test-gateway.ts';
import type { RevocationCheck } from './authenticate.ts';
import { createTokenVerifier, type TokenVerifier } from './token-verifier.ts';

// Issuer and audience are derived from it, by the verifier and by the gateway's config alike.
const PUBLIC_URL = 'http://localhost:8080';
const now = () => Math.floor(Date.now() / 1000);

let privateKey: JoseKey;
let getKey: JWTVerifyGetKey;
let signatureChecks: number;
let verify: TokenVerifier;
let view: RevocationView;

function sign(claims: Record<string, unknown> = {}) {
  return new SignJWT({ iss: `${PUBLIC_URL}/api/v1/platform/oauth`, aud: `${PUBLIC_URL}/api/v1`, sub: 'usr_a', tenant_id: 'tnt_a', iat: now() - 60, exp: now() + 600, jti: 'jti-a', roles: ['tenant_admin'], ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .sign(privateKey);
}

async function gateway(revocations: RevocationCheck): Promise<GatewayApp> {
  return testGateway({ groups: [probeGroup], verifyToken: verify, revocations, env: { PUBLIC_URL } });
}

const whoami = (app: GatewayApp, token: string) => app.inject({ method: 'GET', url: '/api/v1/probe/whoami', headers: { authorization: `Bearer ${token}` } });

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  privateKey = pair.privateKey;
  const local = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' }] });
  getKey = (header, token) => {
    signatureChecks += 1;
    return local(header, token);
  };
});

beforeEach(() => {
  signatureChecks = 0;
  verify = createTokenVerifier({ jwks: getKey, publicUrl: PUBLIC_URL });
  view = createRevocationView();
  view.markSeeded();
});

afterEach(closeTestGateways);

describe('authenticate with cached verifications', () => {
  it('refuses a cached token as soon as the revocation view blocks its user or tenant', async () => {
    const app = await gateway(view);
    const token = await sign();
    expect((await whoami(app, token)).statusCode).toBe(200);
    expect((await whoami(app, token)).statusCode).toBe(200);
    expect(signatureChecks).toBe(1);

    view.users.block('usr_a', Date.now());
    const refused = await whoami(app, token);
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error).toMatchObject({ code: 'unauthorized', message: 'Token has been revoked' });
    expect(signatureChecks).toBe(1);

    const tenantToken = await sign({ sub: 'usr_b', jti: 'jti-b' });
    expect((await whoami(app, tenantToken)).statusCode).toBe(200);
    view.tenants.block('tnt_a', Date.now());
    expect((await whoami(app, tenantToken)).statusCode).toBe(401);
  });

  it('asks the revocation check about every request, with the token id, cached or not', async () => {
    const revokedIds = new Set<string>();
    const seen: Array<string | null | undefined> = [];
    const byTokenId: RevocationCheck = {
      seeded: true,
      revocationOf: (token) => {
        const tokenId = (token as { tokenId?: string | null }).tokenId;
        seen.push(tokenId);
        return tokenId && revokedIds.has(tokenId) ? 'user_blocked' : null;
      },
    };
    const app = await gateway(byTokenId);
    const token = await sign();
    for (let i = 0; i < 3; i += 1) expect((await whoami(app, token)).statusCode).toBe(200);
    expect(seen).toEqual(['jti-a', 'jti-a', 'jti-a']);
    expect(signatureChecks).toBe(1);

    revokedIds.add('jti-a');
    expect((await whoami(app, token)).statusCode).toBe(401);
    expect(seen).toHaveLength(4);
  });

  it('hands routes one caller per verified token, without `iat`', async () => {
    const app = await gateway(view);
    const seen: unknown[] = [];
    app.addHook('onSend', async (request) => {
      seen.push(request.caller);
    });
    const token = await sign();
    await whoami(app, token);
    await whoami(app, token);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[0]).toMatchObject({ subject: 'usr_a', tokenId: 'jti-a' });
    expect(seen[0]).not.toHaveProperty('issuedAt');
  });

  it('answers 503 for a cached token while the revocation view is not loaded', async () => {
    let seeded = true;
    const app = await gateway({ get seeded() { return seeded; }, revocationOf: () => null });
    const token = await sign();
    expect((await whoami(app, token)).statusCode).toBe(200);
    seeded = false;
    expect((await whoami(app, token)).statusCode).toBe(503);
  });
});
