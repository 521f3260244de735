import { bool, commonSchema, loadConfig, port, str, url, type ConfigOf } from '@scai/config';

export const gatewaySchema = {
  ...commonSchema,
  GATEWAY_HOST: str('127.0.0.1'),
  GATEWAY_PORT: port(8080),
  /** Public origin; base of the token issuers and of links in the OpenAPI document. */
  PUBLIC_URL: url('http://127.0.0.1:8080', ['http', 'https']),
  /** The auth app's HTTP side: OAuth/OIDC endpoints and JWKS, proxied under one origin. */
  AUTH_HTTP_URL: url('http://127.0.0.1:8081', ['http', 'https']),
  /**
   * Which proxies may set X-Forwarded-For (login throttling keys on the client address):
   * `false` at the edge, a comma list of addresses/CIDRs behind an ingress, `true` only
   * when every hop is trusted.
   */
  TRUST_PROXY: str('false'),
  /** Browser origins (comma list, e.g. `https://console.example.com`) allowed to call the API; the public origin always is. */
  CORS_ORIGINS: str(''),
  AUTH_GRPC_URL: str('127.0.0.1:50051'),
  PARTNERS_GRPC_URL: str('127.0.0.1:50052'),
  REGISTRATIONS_GRPC_URL: str('127.0.0.1:50053'),
  BILLING_GRPC_URL: str('127.0.0.1:50054'),
  METERING_GRPC_URL: str('127.0.0.1:50055'),
  PROVISIONING_GRPC_URL: str('127.0.0.1:50056'),
  /** Adds the hidden `PUT /api/v1/_test/clock` for end-to-end tests; refused with NODE_ENV=production. */
  TEST_CLOCK_CONTROL: bool(false),
};

export type GatewayConfig = ConfigOf<typeof gatewaySchema>;

export function trustProxySetting(value: string): boolean | string[] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  return value.split(',').map((entry) => entry.trim()).filter(Boolean);
}

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  return loadConfig(gatewaySchema, env);
}
