import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';
import { PUBLIC_URL } from './harness.ts';

/** The gateway's checks (apps/api-gateway token-verifier), against this app's JWKS over HTTP. */
export function verifierFor(httpUrl: string, issuer = `${PUBLIC_URL}/api/v1/platform/oauth`) {
  const jwks = createRemoteJWKSet(new URL(`${httpUrl}/api/v1/platform/.well-known/jwks.json`));
  return async (token: string): Promise<JWTPayload> => {
    const { payload } = await jwtVerify(token, jwks, {
      algorithms: ['RS256', 'ES256', 'EdDSA'],
      audience: `${PUBLIC_URL}/api/v1`,
      issuer,
      clockTolerance: 5,
    });
    return payload;
  };
}
